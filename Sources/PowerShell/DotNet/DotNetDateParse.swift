import Foundation

/// Reads date text the way `[datetime]::Parse` does in the invariant culture (month before day):
/// ISO 8601, `M/d/yyyy h:mm[:ss] [AM|PM]`, `yyyy/MM/dd`, `August 1, 2025`, `Fri, 01 Aug 2025 10:15:00 GMT`,
/// a bare time (today). Shared with the runtime's `[datetime]` casts and the binder.
public enum DotNetDateParse {
    private enum Token: Equatable { case number(Int, digits: Int), word(String), time(Int, Int, Int, Double) }

    /// The instant the text names, or nil when it is not a date.
    public static func parse(_ text: String, now: Date = Date()) -> Date? {
        var s = Substring(text.trimmingCharacters(in: .whitespaces))
        guard !s.isEmpty else { return nil }
        var tokens: [Token] = []
        var zoneOffset: Int?      // seconds east of UTC, when the text names a zone
        var pm: Bool?
        while let c = s.first {
            if c.isNumber {
                let digits = s.prefix { $0.isNumber }
                s = s.dropFirst(digits.count)
                if s.first == ":" {   // a time: h:mm[:ss[.fff]]
                    s = s.dropFirst()
                    let mm = s.prefix { $0.isNumber }; s = s.dropFirst(mm.count)
                    var ss = Substring("0"), frac = 0.0
                    if s.first == ":" {
                        s = s.dropFirst(); ss = s.prefix { $0.isNumber }; s = s.dropFirst(ss.count)
                        if s.first == "." || s.first == "," {
                            let f = s.dropFirst().prefix { $0.isNumber }
                            frac = Double("0." + f) ?? 0; s = s.dropFirst(f.count + 1)
                        }
                    }
                    guard let h = Int(digits), let m = Int(mm), let sec = Int(ss) else { return nil }
                    tokens.append(.time(h, m, sec, frac))
                } else {
                    tokens.append(.number(Int(digits)!, digits: digits.count))
                }
            } else if c.isLetter {
                let word = s.prefix { $0.isLetter || $0 == "." }
                s = s.dropFirst(word.count)
                let w = word.lowercased().replacingOccurrences(of: ".", with: "")
                if w == "am" || w == "pm" { pm = w == "pm" }
                else if w == "z" || w == "gmt" || w == "utc" { zoneOffset = 0 }
                else if w == "t" { continue }
                else { tokens.append(.word(w)) }
            } else if (c == "+" || c == "-"), tokens.contains(where: { if case .time = $0 { return true }; return false }) {
                let sign = c == "-" ? -1 : 1
                s = s.dropFirst()
                let hh = s.prefix { $0.isNumber }; s = s.dropFirst(hh.count)
                var mm = Substring("0")
                if s.first == ":" { s = s.dropFirst() }
                if hh.count == 4 { mm = hh.suffix(2) }
                else { mm = s.prefix { $0.isNumber }; s = s.dropFirst(mm.count) }
                let h = Int(hh.count == 4 ? hh.prefix(2) : hh) ?? 0, m = Int(mm.isEmpty ? "0" : mm) ?? 0
                zoneOffset = sign * (h * 3600 + m * 60)
            } else {
                s = s.dropFirst()   // separators: / - . , space
            }
        }
        return build(tokens, pm: pm, zoneOffset: zoneOffset, now: now)
    }

    private static func month(_ word: String) -> Int? {
        guard word.count >= 3 else { return nil }
        return DotNetDateFormat.monthNames.firstIndex { $0.lowercased().hasPrefix(word) || word.hasPrefix($0.lowercased().prefix(3)) && word.count <= $0.count }
            .map { $0 + 1 }
    }

    private static func build(_ tokens: [Token], pm: Bool?, zoneOffset: Int?, now: Date) -> Date? {
        var numbers: [(Int, Int)] = []
        var monthFromWord: Int?
        var time: (Int, Int, Int, Double)?
        for t in tokens {
            switch t {
            case .number(let n, let d): numbers.append((n, d))
            case .word(let w):
                if let m = month(w) { if monthFromWord != nil { return nil }; monthFromWord = m }
                else if !DotNetDateFormat.dayNames.contains(where: { $0.lowercased().hasPrefix(w) && w.count >= 3 }) { return nil }
            case .time(let h, let m, let s, let f):
                if time != nil { return nil }
                time = (h, m, s, f)
            }
        }
        let cal = DotNetDateFormat.calendar
        let today = cal.dateComponents([.year, .month, .day], from: now)
        var year = today.year!, month = today.month!, day = today.day!
        func fullYear(_ n: Int, _ digits: Int) -> Int { digits <= 2 ? (n <= 49 ? 2000 + n : 1900 + n) : n }
        if let m = monthFromWord {
            month = m
            switch numbers.count {
            case 1: day = numbers[0].0
            case 2:
                if numbers[0].1 == 4 || numbers[0].0 > 31 { year = numbers[0].0; day = numbers[1].0 }
                else { day = numbers[0].0; year = fullYear(numbers[1].0, numbers[1].1) }
            default: return nil
            }
        } else {
            switch numbers.count {
            case 0: if time == nil { return nil }
            case 2: month = numbers[0].0; day = numbers[1].0
            case 3:
                if numbers[0].1 == 4 { year = numbers[0].0; month = numbers[1].0; day = numbers[2].0 }
                else { month = numbers[0].0; day = numbers[1].0; year = fullYear(numbers[2].0, numbers[2].1) }
            default: return nil
            }
        }
        var (hour, minute, second, frac) = time ?? (0, 0, 0, 0)
        if let pm {
            guard hour >= 1 && hour <= 12 else { return nil }
            if pm && hour < 12 { hour += 12 } else if !pm && hour == 12 { hour = 0 }
        }
        guard (1...12).contains(month), (1...31).contains(day), (0...23).contains(hour),
              (0...59).contains(minute), (0...59).contains(second) else { return nil }
        var c = DateComponents(year: year, month: month, day: day, hour: hour, minute: minute, second: second)
        var calendar = cal
        if let zoneOffset, let tz = TimeZone(secondsFromGMT: zoneOffset) { calendar.timeZone = tz }
        c.calendar = calendar
        guard let date = calendar.date(from: c),
              calendar.component(.day, from: date) == day else { return nil }   // rejects 2/30
        return date.addingTimeInterval(frac)
    }

    /// `[datetime]::ParseExact(text, format)`: the custom pattern decides where each part is.
    public static func parseExact(_ text: String, _ format: String) -> Date? {
        let pattern = DotNetDateFormat.pattern(for: format).pattern
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
