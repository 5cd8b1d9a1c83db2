/// One column of a table being written.
public struct TableColumnSpec: Sendable, Equatable {
    public var label: String
    /// Declared width (a view's or a calculated property's); nil sizes to content.
    public var width: Int?
    public var alignment: ColumnAlignment
    public init(label: String, width: Int? = nil, alignment: ColumnAlignment = .left) {
        self.label = label
        self.width = width
        self.alignment = alignment
    }
}

/// Lays out table text: column sizing, alignment, truncation with `…`, `-Wrap`.
/// Columns are separated by one space and no line ends in blanks.
struct TableRenderer {
    var columns: [TableColumnSpec]
    var wrap: Bool
    var hideHeaders: Bool

    /// Column widths for these rows within `available` cells. Columns that no longer fit
    /// are dropped from the right; the last visible one is shrunk to fit.
    func widths(for rows: [[String]], available: Int) -> [Int] {
        var widths = columns.enumerated().map { i, col -> Int in
            if let w = col.width { return max(1, w) }
            var w = TextWidth.cells(col.label)
            for row in rows where i < row.count {
                let lines = Self.lines(of: row[i])
                for line in (wrap ? lines : Array(lines.prefix(1))) { w = max(w, TextWidth.cells(line)) }
            }
            return max(1, w)
        }
        while widths.count > 1 {
            let total = widths.reduce(0, +) + widths.count - 1
            if total <= available { break }
            let others = total - widths[widths.count - 1]
            let room = available - others
            let minimum = min(5, widths[widths.count - 1])
            if room >= minimum { widths[widths.count - 1] = room; break }
            widths.removeLast()
        }
        if widths.count == 1 { widths[0] = max(1, min(widths[0], available)) }
        return widths
    }

    func headerLines(widths: [Int]) -> [String] {
        if hideHeaders { return [] }
        let labels = zip(columns, widths).map { col, w in (col, TextWidth.truncate(col.label, to: w), w) }
        let header = labels.map { col, text, w in Self.align(text, w, col.alignment) }
        let dashes = labels.map { col, text, w in
            Self.align(String(repeating: "-", count: TextWidth.cells(text)), w, col.alignment)
        }
        return [Self.join(header), Self.join(dashes)]
    }

    /// The screen lines of one row (several with -Wrap).
    func rowLines(_ row: [String], widths: [Int]) -> [String] {
        let cells: [[String]] = widths.indices.map { i in
            let value = i < row.count ? row[i] : ""
            let lines = Self.lines(of: value)
            if wrap { return lines.flatMap { TextWidth.wordWrap($0, width: widths[i]) } }
            return [TextWidth.truncate(lines.first ?? "", to: widths[i])]
        }
        let height = cells.map(\.count).max() ?? 1
        return (0..<height).map { r in
            Self.join(widths.indices.map { i in
                Self.align(r < cells[i].count ? cells[i][r] : "", widths[i], columns[i].alignment)
            })
        }
    }

    /// The whole table block: a blank line, headers, rows, a blank line.
    func render(_ rows: [[String]], available: Int) -> [String] {
        let w = widths(for: rows, available: available)
        return [""] + headerLines(widths: w) + rows.flatMap { rowLines($0, widths: w) } + [""]
    }

    static func lines(of value: String) -> [String] {
        value.split(separator: "\n", omittingEmptySubsequences: false).map {
            $0.hasSuffix("\r") ? String($0.dropLast()) : String($0)
        }
    }

    static func align(_ text: String, _ width: Int, _ alignment: ColumnAlignment) -> String {
        switch alignment {
        case .left: return TextWidth.padRight(text, to: width)
        case .right: return TextWidth.padLeft(text, to: width)
        case .center: return TextWidth.center(text, to: width)
        }
    }

    static func join(_ cells: [String]) -> String { TextWidth.trimTrailing(cells.joined(separator: " ")) }
}
