import Foundation

/// DateTime and TimeSpan text in the invariant culture (what `[datetime]'…'`, `"$date"`
/// and typed parameters use). Dates are shown in the local time zone, as .NET's Local kind.
public enum DateConversion {
    static let calendar: Calendar = {
        var c = Calendar(identifier: .gregorian)
        c.timeZone = TimeZone.current
        return c
    }()

    /// `MM/dd/yyyy HH:mm:ss`: DateTime.ToString(InvariantCulture).
    public static func invariantString(_ date: Date) -> String {
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        return "\(pad(c.month!))/\(pad(c.day!))/\(pad(c.year!, 4)) \(pad(c.hour!)):\(pad(c.minute!)):\(pad(c.second!))"
    }

    static func pad(_ n: Int, _ width: Int = 2) -> String {
        let s = String(n)
        return s.count >= width ? s : String(repeating: "0", count: width - s.count) + s
    }

    /// TimeSpan.ToString(): `[-][d.]hh:mm:ss[.fffffff]`.
    public static func timeSpanString(_ seconds: Double) -> String {
        let negative = seconds < 0
        let ticks = Int((abs(seconds) * 10_000_000).rounded())
        let totalSeconds = ticks / 10_000_000
        let fraction = ticks % 10_000_000
        let days = totalSeconds / 86_400
        var text = negative ? "-" : ""
        if days > 0 { text += "\(days)." }
        text += "\(pad(totalSeconds / 3600 % 24)):\(pad(totalSeconds / 60 % 60)):\(pad(totalSeconds % 60))"
        if fraction > 0 { text += "." + pad(fraction, 7) }
        return text
    }

    /// Parses `[-][d.]hh:mm[:ss[.fff]]` or `d` (days) as TimeSpan.Parse does.
    public static func parseTimeSpan(_ text: String) -> Double? {
        var s = Substring(text.trimmingCharacters(in: .whitespaces))
        var sign = 1.0
        if s.hasPrefix("-") { sign = -1; s = s.dropFirst() }
        if let days = Int(s) { return sign * Double(days) * 86_400 }
        var days = 0.0
        let parts = s.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count >= 2, parts.count <= 3 else { return nil }
        var first = parts[0]
        if let dot = first.firstIndex(of: ".") {
            guard let d = Int(first[..<dot]) else { return nil }
            days = Double(d)
            first = first[first.index(after: dot)...]
        }
        guard let h = Int(first), let m = Int(parts[1]), h < 24, m < 60 else { return nil }
        var sec = 0.0
        if parts.count == 3 {
            guard let v = Double(parts[2]), v < 60, !parts[2].hasPrefix("-") else { return nil }
            sec = v
        }
        return sign * (days * 86_400 + Double(h) * 3600 + Double(m) * 60 + sec)
    }

    /// DateTime.Parse with the invariant culture: ISO 8601 (`2026-01-31`, `2026-01-31T10:00:00Z`),
    /// US order (`09/01/2018 7:00 PM`), month names (`Jan 5, 2026`, `5 January 2026`), a time alone (today).
    public static func parse(_ text: String) -> Date? {
        let tokens = tokenize(text)
        guard !tokens.isEmpty else { return nil }
        var year: Int?, month: Int?, day: Int?
        var hour = 0, minute = 0, second = 0.0
        var offset: Int? = nil          // seconds east of UTC when the text names one
        var pm: Bool? = nil
        var numbers: [Int] = []
        var i = 0
        while i < tokens.count {
            let t = tokens[i]
            switch t {
            case .number(let n, let sep) where sep == ":":
                // A time: n:mm[:ss[.fff]]
                hour = n
                guard i + 1 < tokens.count, case .number(let m, let sep2) = tokens[i + 1] else { return nil }
                minute = m; i += 1
                if sep2 == ":", i + 1 < tokens.count, case .number(let s, let sep3) = tokens[i + 1] {
                    second = Double(s); i += 1
                    if sep3 == ".", i + 1 < tokens.count, case .fraction(let f) = tokens[i + 1] { second += f; i += 1 }
                }
            case .number(let n, _): numbers.append(n)
            case .word(let w):
                let lw = w.lowercased()
                if lw == "am" || lw == "pm" { pm = lw == "pm" }
                else if lw == "z" || lw == "utc" || lw == "gmt" { offset = 0 }
                else if lw == "t" { break }
                else if let m = monthNumber(lw) { month = m }
                else if weekdays.contains(where: { lw.hasPrefix($0) }) { break }
                else { return nil }
            case .offset(let o): offset = o
            case .fraction: return nil
            }
            i += 1
        }
        if month != nil {
            // Named month: remaining numbers are day and year (either order).
            for n in numbers {
                if n > 31 || (day != nil && year == nil) { year = n } else if day == nil { day = n } else { return nil }
            }
        } else if numbers.count == 3 {
            if numbers[0] > 31 { year = numbers[0]; month = numbers[1]; day = numbers[2] }
            else { month = numbers[0]; day = numbers[1]; year = numbers[2] }
        } else if numbers.count == 2 {
            month = numbers[0]; day = numbers[1]
        } else if !numbers.isEmpty { return nil }
        if let p = pm {
            guard hour >= 1 && hour <= 12 else { return nil }
            if p && hour < 12 { hour += 12 } else if !p && hour == 12 { hour = 0 }
        }
        let now = calendar.dateComponents([.year, .month, .day], from: Date())
        if var y = year, y < 100 { y += y < 50 ? 2000 : 1900; year = y }
        var c = DateComponents()
        c.year = year ?? now.year; c.month = month ?? now.month; c.day = day ?? now.day
        c.hour = hour; c.minute = minute; c.second = Int(second)
        guard let m = c.month, (1...12).contains(m), let d = c.day, d >= 1, hour < 24, minute < 60, second < 61 else { return nil }
        var cal = calendar
        if let offset { cal.timeZone = TimeZone(secondsFromGMT: offset) ?? cal.timeZone }
        guard let date = cal.date(from: c), cal.component(.day, from: date) == d else { return nil }
        return date.addingTimeInterval(second - Double(Int(second)))
    }

    enum Token { case number(Int, Character?), fraction(Double), word(String), offset(Int) }

    static let weekdays = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
    static let months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]

    static func monthNumber(_ w: String) -> Int? {
        guard w.count >= 3 else { return nil }
        return months.firstIndex { w.hasPrefix($0) }.map { $0 + 1 }
    }

    /// Numbers (with the separator that follows them), words, fractions after a `.` in a time,
    /// and `+hh:mm` offsets.
    static func tokenize(_ text: String) -> [Token] {
        var tokens: [Token] = []
        let chars = Array(text)
        var i = 0
        var afterTimeDot = false
        while i < chars.count {
            let c = chars[i]
            if c.isASCII && c.isNumber {
                var j = i
                while j < chars.count, chars[j].isASCII, chars[j].isNumber { j += 1 }
                let digits = String(chars[i..<j])
                if afterTimeDot {
                    tokens.append(.fraction(Double("0." + digits) ?? 0)); afterTimeDot = false
                } else {
                    let sep: Character? = j < chars.count ? chars[j] : nil
                    tokens.append(.number(Int(digits) ?? 0, sep))
                    // A '.' after the seconds of a time starts a fraction.
                    if sep == ".", tokens.count >= 2, case .number(_, ":") = tokens[tokens.count - 2] { afterTimeDot = true }
                }
                i = j
            } else if c.isLetter {
                var j = i
                while j < chars.count, chars[j].isLetter { j += 1 }
                tokens.append(.word(String(chars[i..<j])))
                i = j
            } else if (c == "+" || c == "-"), hasTime(tokens), i + 1 < chars.count, chars[i + 1].isNumber {
                var j = i + 1
                var digits = ""
                while j < chars.count, chars[j].isNumber || chars[j] == ":" { if chars[j] != ":" { digits.append(chars[j]) }; j += 1 }
                let v = Int(digits) ?? 0
                let secs = digits.count <= 2 ? v * 3600 : (v / 100) * 3600 + (v % 100) * 60
                tokens.append(.offset(c == "-" ? -secs : secs))
                i = j
            } else {
                i += 1
            }
        }
        return tokens
    }

    private static func hasTime(_ tokens: [Token]) -> Bool {
        tokens.contains { if case .number(_, ":") = $0 { return true } else { return false } }
    }

    /// The .NET FormatException text for an unparsable date.
    public static func formatErrorText(_ text: String) -> String {
        "String '\(text)' was not recognized as a valid DateTime."
    }
}
