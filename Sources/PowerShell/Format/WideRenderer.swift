/// Lays out Format-Wide: values in equal columns across the width.
struct WideRenderer {
    static func render(_ values: [String], columns requested: Int?, available: Int) -> [String] {
        guard !values.isEmpty else { return ["", ""] }
        let widest = values.map(TextWidth.cells).max() ?? 1
        let count: Int
        if let n = requested, n > 0 {
            count = n
        } else {
            // -AutoSize: as many columns as the widest value allows.
            count = max(1, (available + 1) / (widest + 1))
        }
        let columnWidth = max(1, (available - (count - 1)) / count)
        var lines = [""]
        var i = 0
        while i < values.count {
            let row = values[i..<min(i + count, values.count)].map {
                TextWidth.padRight(TextWidth.truncate($0, to: columnWidth), to: columnWidth)
            }
            lines.append(TextWidth.trimTrailing(row.joined(separator: " ")))
            i += count
        }
        lines.append("")
        return lines
    }
}
