/// Write-Progress as one terminal line: `Activity [ooooo     ] 50% Status`, cut to the width.
public enum ProgressView {
    public static func render(_ record: ProgressRecord, width: Int) -> String {
        var text = record.activity
        if record.percentComplete >= 0 {
            let pct = min(100, record.percentComplete)
            let barWidth = max(10, min(50, width / 3))
            let filled = barWidth * pct / 100
            text += " [" + String(repeating: "o", count: filled) + String(repeating: " ", count: barWidth - filled) + "] \(pct)%"
        }
        if !record.status.isEmpty { text += " " + record.status }
        return TextWidth.truncate(text, to: max(1, width - 1))
    }
}
