import Foundation

/// Turns a stream of FormatItems into screen lines with pwsh's block rules: a table or
/// list block starts with a blank line and ends with one; scalars are bare lines.
/// Table columns are sized from the rows that arrive in the first 300 ms (all rows with
/// -AutoSize); later, wider values are truncated, as pwsh does.
public final class OutputWriter {
    public typealias Clock = () -> TimeInterval

    private enum State {
        case idle
        case table(TableRenderer, autoSize: Bool, widths: [Int]?, buffered: [[String]], firstRowAt: TimeInterval?)
        case list
        case wide(columns: Int?, values: [String])
    }

    private var state = State.idle
    private let width: Int
    private let emitLine: (String) -> Void
    /// Whether the last line written was blank (a group header then needs no blank before it).
    private var lastLineBlank = false
    private let clock: Clock
    /// How long rows are gathered before column widths are fixed.
    public static let sizingDelay: TimeInterval = 0.3

    /// `width` is the usable line width; `sink` receives each finished line (no newline).
    public init(width: Int, clock: @escaping Clock = { ProcessInfo.processInfo.systemUptime },
                sink: @escaping (String) -> Void) {
        self.width = max(10, width)
        self.clock = clock
        self.emitLine = sink
    }

    private func sink(_ line: String) {
        lastLineBlank = line.isEmpty
        emitLine(line)
    }

    public func write(_ item: FormatItem) {
        switch item {
        case .line(let text):
            closeBlock()
            sink(text)
        case .groupHeader(let text):
            closeBlock()
            if !lastLineBlank { sink("") }
            sink(text)
        case .tableStart(let header):
            closeBlock()
            let renderer = TableRenderer(columns: header.columns, wrap: header.wrap, hideHeaders: header.hideHeaders)
            let fixed = header.columns.allSatisfy { $0.width != nil }
            var widths: [Int]?
            if fixed && !header.autoSize {
                // Declared widths need no sizing pass: print the header at once.
                let w = renderer.widths(for: [], available: width)
                widths = w
                sink("")
                renderer.headerLines(widths: w).forEach(sink)
            }
            state = .table(renderer, autoSize: header.autoSize, widths: widths, buffered: [], firstRowAt: nil)
        case .tableRow(let row):
            guard case .table(let renderer, let autoSize, let widths, var buffered, let firstRowAt) = state else {
                // A row without a header (should not happen): print it bare.
                closeBlock()
                sink(TableRenderer.join(row))
                return
            }
            if let w = widths {
                renderer.rowLines(row, widths: w).forEach(sink)
                return
            }
            let now = clock()
            let started = firstRowAt ?? now
            if !autoSize && now - started >= Self.sizingDelay {
                // Too late to widen the columns: size from the rows so far, then stream.
                let w = flushTable(renderer, buffered)
                renderer.rowLines(row, widths: w).forEach(sink)
                state = .table(renderer, autoSize: false, widths: w, buffered: [], firstRowAt: started)
            } else {
                buffered.append(row)
                state = .table(renderer, autoSize: autoSize, widths: nil, buffered: buffered, firstRowAt: started)
            }
        case .listEntry(let lines):
            if case .list = state {} else {
                closeBlock()
                sink("")
                state = .list
            }
            ListRenderer.render(lines.map { (label: $0.label, value: $0.value) }, available: width).forEach(sink(_:))
        case .listStart:
            closeBlock()
        case .wideStart(let n):
            closeBlock()
            state = .wide(columns: n, values: [])
        case .wideEntry(let text):
            if case .wide(let n, var values) = state {
                values.append(text)
                state = .wide(columns: n, values: values)
            } else {
                closeBlock()
                state = .wide(columns: 2, values: [text])
            }
        case .end:
            closeBlock()
        }
    }

    /// Flushes whatever block is open (end of the pipeline).
    public func finish() { closeBlock() }

    private func flushTable(_ renderer: TableRenderer, _ rows: [[String]]) -> [Int] {
        let w = renderer.widths(for: rows, available: width)
        sink("")
        renderer.headerLines(widths: w).forEach(sink)
        for row in rows { renderer.rowLines(row, widths: w).forEach(sink) }
        return w
    }

    private func closeBlock() {
        switch state {
        case .idle, .list:
            break
        case .table(let renderer, _, let widths, let buffered, _):
            if widths == nil { _ = flushTable(renderer, buffered) }
            sink("")
        case .wide(let n, let values):
            WideRenderer.render(values, columns: n, available: width).forEach(sink)
        }
        state = .idle
    }
}
