import Foundation

/// `[datetime]::ParseExact`: reading a date by an explicit .NET pattern. (Free-form parsing is
/// the runtime's DateConversion.parse.)
public enum DotNetDateParse {
    static let standardPatterns = ["d": "MM/dd/yyyy", "s": "yyyy'-'MM'-'dd'T'HH':'mm':'ss", "t": "HH:mm", "T": "HH:mm:ss",
                                    "u": "yyyy'-'MM'-'dd HH':'mm':'ss'Z'", "g": "MM/dd/yyyy HH:mm", "G": "MM/dd/yyyy HH:mm:ss"]

    /// `[datetime]::ParseExact(text, format)`: the custom pattern decides where each part is.
    public static func parseExact(_ text: String, _ format: String) -> Date? {
        let pattern = standardPatterns[format] ?? format
        var input = Array(text)[...]
        var year = 1, month = 1, day = 1, hour = 0, minute = 0, second = 0, frac = 0.0
        var pm: Bool?
        let chars = Array(pattern)
        var i = 0
        func number(maxDigits: Int, exact: Bool) -> Int? {
            let digits = input.prefix { $0.isNumber }.prefix(maxDigits)
            if digits.isEmpty || (exact && digits.count != maxDigits) { return nil }
            input = input.dropFirst(digits.count)
            return Int(String(digits))
        }
        while i < chars.count {
            let c = chars[i]
            var n = 0
            while i + n < chars.count, chars[i + n] == c { n += 1 }
            switch c {
            case "y": guard let v = number(maxDigits: n <= 2 ? 2 : 4, exact: n > 1) else { return nil }
                year = n <= 2 ? (v <= 49 ? 2000 + v : 1900 + v) : v
            case "M" where n >= 3:
                guard let idx = DotNetDateFormat.monthNames.firstIndex(where: {
                    let name = n == 3 ? String($0.prefix(3)) : $0
                    return String(input.prefix(name.count)).caseInsensitiveCompare(name) == .orderedSame
                }) else { return nil }
                input = input.dropFirst(n == 3 ? 3 : DotNetDateFormat.monthNames[idx].count)
                month = idx + 1
            case "M": guard let v = number(maxDigits: 2, exact: n == 2) else { return nil }; month = v
            case "d" where n >= 3:
                guard let name = DotNetDateFormat.dayNames.first(where: {
                    let nm = n == 3 ? String($0.prefix(3)) : $0
                    return String(input.prefix(nm.count)).caseInsensitiveCompare(nm) == .orderedSame
                }) else { return nil }
                input = input.dropFirst(n == 3 ? 3 : name.count)
            case "d": guard let v = number(maxDigits: 2, exact: n == 2) else { return nil }; day = v
            case "H", "h": guard let v = number(maxDigits: 2, exact: n == 2) else { return nil }; hour = v
            case "m": guard let v = number(maxDigits: 2, exact: n == 2) else { return nil }; minute = v
            case "s": guard let v = number(maxDigits: 2, exact: n == 2) else { return nil }; second = v
            case "f", "F":
                let digits = input.prefix { $0.isNumber }.prefix(n)
                input = input.dropFirst(digits.count)
                frac = Double("0." + String(digits)) ?? 0
            case "t":
                let word = String(input.prefix(n == 1 ? 1 : 2)).uppercased()
                guard word.hasPrefix("A") || word.hasPrefix("P") else { return nil }
                pm = word.hasPrefix("P"); input = input.dropFirst(n == 1 ? 1 : 2)
            case "'", "\"":
                var j = i + 1
                while j < chars.count, chars[j] != c {
                    guard input.first == chars[j] else { return nil }
                    input = input.dropFirst(); j += 1
                }
                i = j + 1; continue
            case "\\":
                guard i + 1 < chars.count, input.first == chars[i + 1] else { return nil }
                input = input.dropFirst(); i += 2; continue
            default:
                for _ in 0..<n {
                    guard input.first == c else { return nil }
                    input = input.dropFirst()
                }
            }
            i += n
        }
        guard input.isEmpty else { return nil }
        if let pm { if pm && hour < 12 { hour += 12 } else if !pm && hour == 12 { hour = 0 } }
        let cal = DotNetDateFormat.calendar
        let comps = DateComponents(year: year, month: month, day: day, hour: hour, minute: minute, second: second)
        guard (1...12).contains(month), let date = cal.date(from: comps),
              cal.component(.day, from: date) == day else { return nil }
        return date.addingTimeInterval(frac)
    }
}
