/// Out-Default's choice of shape for each object that reaches the end of a pipeline:
/// scalars as lines, registered views, hashtables as Name/Value tables, and otherwise
/// a table for up to 4 properties or a list for 5 and more. Consecutive objects of the
/// same shape share one table.
public final class DefaultFormatter {
    /// pwsh's PropertyCountForTable.
    public static let maxTableProperties = 4
    /// `$FormatEnumerationLimit`, read for every object since a script may change it between outputs.
    private let limit: () -> Int
    private var enumerationLimit = DisplayText.defaultEnumerationLimit
    private var currentShape: String?
    private let emit: (FormatItem) -> Void

    public init(enumerationLimit: @escaping () -> Int = { DisplayText.defaultEnumerationLimit },
                emit: @escaping (FormatItem) -> Void) {
        self.limit = enumerationLimit
        self.emit = emit
    }

    public func format(_ value: Value) {
        enumerationLimit = limit()
        formatValue(value)
    }

    private func formatValue(_ value: Value) {
        if let items = FormatRecord.decode(value) {
            // Already formatted by a Format-* command.
            currentShape = nil
            items.forEach(emit)
            return
        }
        switch value {
        case .null:
            return
        case .array(let a):
            a.items.forEach(formatValue)
        case .bytes(let b):
            for byte in b.bytes { line(String(byte)) }
        case .hashtable(let h):
            let columns = [TableColumnSpec(label: "Name", width: 30), TableColumnSpec(label: "Value")]
            for (k, v) in h.entries {
                row(shape: "hashtable", columns: columns, cells: [cell(k), cell(v)])
            }
        case .guid(let g):
            row(shape: "guid", columns: [TableColumnSpec(label: "Guid")], cells: [g.uuidString.lowercased()])
        case .timeSpan(let t):
            list(TimeSpanView.lines(t))
        case .object(let o):
            formatObject(o)
        default:
            line(DisplayText.line(value))
        }
    }

    /// Line width, for error records rendered in the output (`$Error[0]`, `2>&1`).
    public var width = 120

    private func formatObject(_ o: PSObject) {
        if o.typeName == ErrorRecordValue.typeName, let record = ErrorRecordValue.record(from: .object(o)) {
            for text in ErrorView.render(record, width: width).split(separator: "\n", omittingEmptySubsequences: false) {
                line(String(text))
            }
            return
        }
        if let view = FormatViews.defaultView(typeNames: o.typeNames) {
            switch view {
            case .table(let cols):
                let specs = cols.map { c -> TableColumnSpec in
                    TableColumnSpec(label: c.label, width: c.width,
                                    alignment: c.alignment ?? (DisplayText.isRightAligned(c.value.evaluate(on: o)) ? .right : .left))
                }
                // Types that share a view (files and directories) share one table.
                let group = FormatViews.groupHeader(for: o)
                let shape = "view:" + cols.map(\.label).joined(separator: "|") + "|group:" + (group ?? "")
                if let group, currentShape != shape { emit(.groupHeader(group)); currentShape = nil }
                row(shape: shape, columns: specs, cells: cols.map { cell($0.value.evaluate(on: o), table: true) })
            case .list(let items):
                list(items.map { ListLine($0.label, cell($0.value.evaluate(on: o))) })
            }
            return
        }
        let props = o.properties
        if props.isEmpty {
            // A typed object with nothing to show prints its string form; an empty custom object prints nothing.
            if !o.isCustomObject || o.toStringValue != nil { line(DisplayText.scalar(.object(o))) }
            return
        }
        if props.count <= Self.maxTableProperties {
            let shape = "auto:" + o.typeName + ":" + props.map { $0.name.lowercased() }.joined(separator: ",")
            let columns = props.map {
                TableColumnSpec(label: $0.name, alignment: DisplayText.isRightAligned($0.value) ? .right : .left)
            }
            row(shape: shape, columns: columns, cells: props.map { cell($0.value, table: true) })
        } else {
            list(props.map { ListLine($0.name, cell($0.value)) })
        }
    }

    private func cell(_ v: Value, table: Bool = false) -> String {
        DisplayText.cell(v, enumerationLimit: enumerationLimit, table: table)
    }

    private func line(_ text: String) {
        currentShape = nil
        emit(.line(text))
    }

    private func list(_ lines: [ListLine]) {
        currentShape = "list"
        emit(.listEntry(lines))
    }

    private func row(shape: String, columns: [TableColumnSpec], cells: [String]) {
        if currentShape != shape {
            currentShape = shape
            emit(.tableStart(TableHeader(columns: columns)))
        }
        emit(.tableRow(cells))
    }
}

/// System.TimeSpan's default list view.
enum TimeSpanView {
    static func lines(_ seconds: Double) -> [ListLine] {
        let ticks = Int((seconds * 10_000_000).rounded())
        let total = Double(ticks) / 10_000_000
        let whole = ticks / 10_000_000
        let parts: [(String, Value)] = [
            ("Days", .int(whole / 86_400)), ("Hours", .int(whole / 3600 % 24)), ("Minutes", .int(whole / 60 % 60)),
            ("Seconds", .int(whole % 60)), ("Milliseconds", .int(ticks / 10_000 % 1000)), ("Ticks", .int(ticks)),
            ("TotalDays", .double(total / 86_400)), ("TotalHours", .double(total / 3600)),
            ("TotalMinutes", .double(total / 60)), ("TotalSeconds", .double(total)),
            ("TotalMilliseconds", .double(total * 1000)),
        ]
        return parts.map { ListLine($0.0, DisplayText.cell($0.1)) }
    }
}
