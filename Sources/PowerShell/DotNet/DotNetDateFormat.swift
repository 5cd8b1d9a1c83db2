import Foundation

/// Local wall-clock parts of a date, and `Get-Date -UFormat` (Unix strftime-like specifiers).
/// .NET format strings (`yyyy-MM-dd`) are the runtime's ValueFormatting.formatDate.
public enum DotNetDateFormat {
    static let monthNames = ValueFormatting.monthNames
    static let dayNames = ValueFormatting.dayNames
    static var calendar: Calendar { DateConversion.calendar }

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

    private static func pad(_ n: Int, _ width: Int) -> String {
        let s = String(abs(n))
        return (n < 0 ? "-" : "") + (s.count >= width ? s : String(repeating: "0", count: width - s.count) + s)
    }

    private static func offset(_ seconds: Int) -> String {
        (seconds < 0 ? "-" : "+") + pad(abs(seconds) / 3600, 2)
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
            case "Z", "z": out += offset(p.offsetSeconds)
            case "D": out += pad(p.month, 2) + "/" + pad(p.day, 2) + "/" + pad(p.year % 100, 2)
            case "F": out += pad(p.year, 4) + "-" + pad(p.month, 2) + "-" + pad(p.day, 2)
            case "T", "X": out += pad(p.hour, 2) + ":" + pad(p.minute, 2) + ":" + pad(p.second, 2)
            case "R": out += pad(p.hour, 2) + ":" + pad(p.minute, 2)
            case "c": out += ValueFormatting.formatDate(date, spec: "ddd MMM d HH:mm:ss yyyy")
            case "x": out += ValueFormatting.formatDate(date, spec: "MM/dd/yy")
            case "n": out += "\n"
            case "t": out += "\t"
            case "%": out += "%"
            default: out.append("%"); out.append(s)
            }
        }
        return out
    }
}
