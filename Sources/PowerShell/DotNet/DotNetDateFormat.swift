import Foundation

/// .NET date and time format strings (`yyyy-MM-dd HH:mm:ss`, `o`, `s`, `d`, `G`...) in the
/// en-US culture, on the local time zone. Dates are instants; they are shown as local wall clock.
public enum DotNetDateFormat {
    static let monthNames = ["January", "February", "March", "April", "May", "June", "July",
                             "August", "September", "October", "November", "December"]
    static let dayNames = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"]

    static var calendar: Calendar {
        var c = Calendar(identifier: .gregorian)
        c.timeZone = TimeZone.current
        return c
    }

    /// The local wall-clock parts of a date.
    struct Parts {
        var year, month, day, hour, minute, second, weekday: Int
        var ticks: Int   // fraction of the second in 100 ns units (0..<10_000_000)
        var offsetSeconds: Int
    }

    static func parts(_ date: Date) -> Parts {
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second, .weekday], from: date)
        let t = date.timeIntervalSince1970
        var frac = t - floor(t)
        if frac < 0 { frac = 0 }
        let ticks = min(9_999_999, Int((frac * 10_000_000).rounded()))
        return Parts(year: c.year!, month: c.month!, day: c.day!, hour: c.hour!, minute: c.minute!,
                     second: c.second!, weekday: c.weekday! - 1, ticks: ticks,
                     offsetSeconds: TimeZone.current.secondsFromGMT(for: date))
    }

    /// Expands a standard one-letter format to its en-US pattern; other strings are custom patterns.
    static func pattern(for format: String) -> (pattern: String, utc: Bool) {
        guard format.count == 1 else { return (format, false) }
        switch format {
        case "d": return ("M/d/yyyy", false)
        case "D": return ("dddd, MMMM d, yyyy", false)
        case "f": return ("dddd, MMMM d, yyyy h:mm tt", false)
        case "F": return ("dddd, MMMM d, yyyy h:mm:ss tt", false)
        case "g": return ("M/d/yyyy h:mm tt", false)
        case "G": return ("M/d/yyyy h:mm:ss tt", false)
        case "m", "M": return ("MMMM d", false)
        case "o", "O": return ("yyyy'-'MM'-'dd'T'HH':'mm':'ss'.'fffffffK", false)
        case "r", "R": return ("ddd, dd MMM yyyy HH':'mm':'ss 'GMT'", true)
        case "s": return ("yyyy'-'MM'-'dd'T'HH':'mm':'ss", false)
        case "t": return ("h:mm tt", false)
        case "T": return ("h:mm:ss tt", false)
        case "u": return ("yyyy'-'MM'-'dd HH':'mm':'ss'Z'", false)
        case "U": return ("dddd, MMMM d, yyyy h:mm:ss tt", true)
        case "y", "Y": return ("MMMM yyyy", false)
        default: return (format, false)
        }
    }

    /// Formats a date as `DateTime.ToString(format)` does; nil is the general `G` form.
    public static func format(_ date: Date, _ format: String?) -> String {
        let (pattern, utc) = Self.pattern(for: format ?? "G")
        var p = parts(utc ? date.addingTimeInterval(-Double(TimeZone.current.secondsFromGMT(for: date))) : date)
        if utc { p.offsetSeconds = 0 }
        return render(p, pattern)
    }

    private static func pad(_ n: Int, _ width: Int) -> String {
        let s = String(abs(n))
        return (n < 0 ? "-" : "") + (s.count >= width ? s : String(repeating: "0", count: width - s.count) + s)
    }

    private static func offset(_ seconds: Int, _ style: Int) -> String {
        let sign = seconds < 0 ? "-" : "+"
        let h = abs(seconds) / 3600, m = (abs(seconds) % 3600) / 60
        switch style {
        case 1: return sign + String(h)
        case 2: return sign + pad(h, 2)
        default: return sign + pad(h, 2) + ":" + pad(m, 2)
        }
    }

    static func render(_ p: Parts, _ pattern: String) -> String {
        var out = ""
        let chars = Array(pattern)
        var i = 0
        func run(_ c: Character) -> Int {
            var n = 0
            while i + n < chars.count, chars[i + n] == c { n += 1 }
            return n
        }
        while i < chars.count {
            let c = chars[i]
            switch c {
            case "y":
                let n = run(c); i += n
                out += n <= 2 ? pad(p.year % 100, n) : pad(p.year, n)
            case "M":
                let n = run(c); i += n
                out += n == 1 ? String(p.month) : n == 2 ? pad(p.month, 2)
                    : n == 3 ? String(monthNames[p.month - 1].prefix(3)) : monthNames[p.month - 1]
            case "d":
                let n = run(c); i += n
                out += n == 1 ? String(p.day) : n == 2 ? pad(p.day, 2)
                    : n == 3 ? String(dayNames[p.weekday].prefix(3)) : dayNames[p.weekday]
            case "H":
                let n = run(c); i += n
                out += pad(p.hour, min(n, 2))
            case "h":
                let n = run(c); i += n
                let h12 = p.hour % 12 == 0 ? 12 : p.hour % 12
                out += pad(h12, min(n, 2))
            case "m":
                let n = run(c); i += n
                out += pad(p.minute, min(n, 2))
            case "s":
                let n = run(c); i += n
                out += pad(p.second, min(n, 2))
            case "f", "F":
                let n = min(run(c), 7); i += run(c)
                var digits = String(pad(p.ticks, 7).prefix(n))
                if c == "F" { while digits.hasSuffix("0") { digits.removeLast() } }
                out += digits
            case "t":
                let n = run(c); i += n
                let ampm = p.hour < 12 ? "AM" : "PM"
                out += n == 1 ? String(ampm.prefix(1)) : ampm
            case "z":
                let n = run(c); i += n
                out += offset(p.offsetSeconds, min(n, 3))
            case "K":
                i += 1
                out += offset(p.offsetSeconds, 3)
            case "g":
                i += run(c)
                out += "A.D."
            case "'", "\"":
                i += 1
                while i < chars.count, chars[i] != c { out.append(chars[i]); i += 1 }
                i += 1
            case "\\":
                if i + 1 < chars.count { out.append(chars[i + 1]) }
                i += 2
            case "%":
                i += 1
            case "/":
                out += "/"; i += 1
            default:
                out.append(c); i += 1
            }
        }
        return out
    }

    /// `Get-Date -UFormat`: the Unix strftime-like specifiers pwsh supports.
    public static func uformat(_ date: Date, _ format: String) -> String {
        let p = parts(date)
        var out = ""
        var it = format.makeIterator()
        while let c = it.next() {
            guard c == "%", let s = it.next() else { out.append(c); continue }
            switch s {
            case "Y": out += pad(p.year, 4)
            case "y": out += pad(p.year % 100, 2)
            case "C": out += pad(p.year / 100, 2)
            case "m": out += pad(p.month, 2)
            case "d": out += pad(p.day, 2)
            case "e": out += (p.day < 10 ? " " : "") + String(p.day)
            case "H": out += pad(p.hour, 2)
            case "I": out += pad(p.hour % 12 == 0 ? 12 : p.hour % 12, 2)
            case "M": out += pad(p.minute, 2)
            case "S": out += pad(p.second, 2)
            case "p": out += p.hour < 12 ? "AM" : "PM"
            case "A": out += dayNames[p.weekday]
            case "a": out += String(dayNames[p.weekday].prefix(3))
            case "B": out += monthNames[p.month - 1]
            case "b", "h": out += String(monthNames[p.month - 1].prefix(3))
            case "u": out += String(p.weekday == 0 ? 7 : p.weekday)
            case "w": out += String(p.weekday)
            case "j":
                let doy = calendar.ordinality(of: .day, in: .year, for: date) ?? 1
                out += pad(doy, 3)
            case "s": out += String(Int(date.timeIntervalSince1970))
            case "Z", "z": out += offset(p.offsetSeconds, 2)
            case "D": out += pad(p.month, 2) + "/" + pad(p.day, 2) + "/" + pad(p.year % 100, 2)
            case "F": out += pad(p.year, 4) + "-" + pad(p.month, 2) + "-" + pad(p.day, 2)
            case "T", "X": out += pad(p.hour, 2) + ":" + pad(p.minute, 2) + ":" + pad(p.second, 2)
            case "R": out += pad(p.hour, 2) + ":" + pad(p.minute, 2)
            case "c": out += render(p, "ddd MMM d HH:mm:ss yyyy")
            case "x": out += render(p, "MM/dd/yy")
            case "n": out += "\n"
            case "t": out += "\t"
            case "%": out += "%"
            default: out.append("%"); out.append(s)
            }
        }
        return out
    }
}
