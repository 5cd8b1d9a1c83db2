/// Lays out list entries: `Label : value`, labels padded to the longest of the entry,
/// long values wrapped under the value column, one blank line after each entry.
struct ListRenderer {
    static func render(_ entry: [(label: String, value: String)], available: Int) -> [String] {
        let labelWidth = entry.map { TextWidth.cells($0.label) }.max() ?? 0
        let indent = String(repeating: " ", count: labelWidth + 3)
        let valueWidth = max(10, available - labelWidth - 3)
        var out: [String] = []
        for (label, value) in entry {
            let pieces = TableRenderer.lines(of: value).flatMap { TextWidth.wordWrap($0, width: valueWidth) }
            out.append(TextWidth.padRight(label, to: labelWidth) + " : " + (pieces.first ?? ""))
            for piece in pieces.dropFirst() { out.append(indent + piece) }
        }
        out.append("")
        return out
    }
}
