import Foundation

extension ValueFormatting {
    static let monthNames = ["January", "February", "March", "April", "May", "June", "July", "August",
                             "September", "October", "November", "December"]
    static let dayNames = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"]

    /// `date.ToString(spec)` / `{0:yyyy-MM-dd}` with invariant-culture names and patterns.
    public static func formatDate(_ date: Date, spec: String) -> String {
        if spec.count == 1 {
            switch spec {
            case "d": return formatDate(date, spec: "MM/dd/yyyy")
            case "D": return formatDate(date, spec: "dddd, dd MMMM yyyy")
            case "f": return formatDate(date, spec: "dddd, dd MMMM yyyy HH:mm")
            case "F": return formatDate(date, spec: "dddd, dd MMMM yyyy HH:mm:ss")
            case "g": return formatDate(date, spec: "MM/dd/yyyy HH:mm")
            case "G": return formatDate(date, spec: "MM/dd/yyyy HH:mm:ss")
            case "s": return formatDate(date, spec: "yyyy-MM-ddTHH:mm:ss")
            case "o", "O": return formatDate(date, spec: "yyyy-MM-ddTHH:mm:ss.fffffffzzz")
            case "u": return formatDate(date, spec: "yyyy-MM-dd HH:mm:ss", utc: true) + "Z"
            case "t": return formatDate(date, spec: "HH:mm")
            case "T": return formatDate(date, spec: "HH:mm:ss")
            case "M", "m": return formatDate(date, spec: "MMMM dd")
            case "Y", "y": return formatDate(date, spec: "yyyy MMMM")
            default: break
            }
        }
        return formatDate(date, spec: spec, utc: false)
    }

    static func formatDate(_ date: Date, spec: String, utc: Bool) -> String {
        var cal = DateConversion.calendar
        if utc { cal.timeZone = TimeZone(secondsFromGMT: 0)! }
        let c = cal.dateComponents([.year, .month, .day, .hour, .minute, .second, .nanosecond, .weekday], from: date)
        let offset = cal.timeZone.secondsFromGMT(for: date)
        let chars = Array(spec)
        var out = ""
        var i = 0
        func run(_ ch: Character) -> Int {
            var n = 0
            while i + n < chars.count, chars[i + n] == ch { n += 1 }
            return n
        }
        let pad = DateConversion.pad
        while i < chars.count {
            let ch = chars[i]
            switch ch {
            case "y":
                let n = run(ch)
                let y = c.year!
                out += n <= 2 ? pad(y % 100, n) : pad(y, n)
                i += n
            case "M":
                let n = run(ch)
                let m = c.month!
                out += n == 1 ? String(m) : n == 2 ? pad(m, 2) : n == 3 ? String(monthNames[m - 1].prefix(3)) : monthNames[m - 1]
                i += n
            case "d":
                let n = run(ch)
                let wd = dayNames[c.weekday! - 1]
                out += n == 1 ? String(c.day!) : n == 2 ? pad(c.day!, 2) : n == 3 ? String(wd.prefix(3)) : wd
                i += n
            case "H":
                let n = run(ch); out += n == 1 ? String(c.hour!) : pad(c.hour!, 2); i += n
            case "h":
                let n = run(ch)
                let h12 = c.hour! % 12 == 0 ? 12 : c.hour! % 12
                out += n == 1 ? String(h12) : pad(h12, 2); i += n
            case "m":
                let n = run(ch); out += n == 1 ? String(c.minute!) : pad(c.minute!, 2); i += n
            case "s":
                let n = run(ch); out += n == 1 ? String(c.second!) : pad(c.second!, 2); i += n
            case "f", "F":
                let n = min(run(ch), 7)
                let ticks = (c.nanosecond! / 100)
                var digits = String(pad(ticks, 7).prefix(n))
                if ch == "F" { while digits.hasSuffix("0") { digits.removeLast() } }
                out += digits
                i += run(ch)
            case "t":
                let n = run(ch)
                let ampm = c.hour! < 12 ? "AM" : "PM"
                out += n == 1 ? String(ampm.prefix(1)) : ampm
                i += n
            case "z":
                let n = run(ch)
                let sign = offset < 0 ? "-" : "+"
                let h = abs(offset) / 3600, m = abs(offset) / 60 % 60
                out += sign + (n == 1 ? String(h) : n == 2 ? pad(h, 2) : pad(h, 2) + ":" + pad(m, 2))
                i += n
            case "K":
                let sign = offset < 0 ? "-" : "+"
                out += sign + pad(abs(offset) / 3600, 2) + ":" + pad(abs(offset) / 60 % 60, 2)
                i += 1
            case "'", "\"":
                var j = i + 1
                while j < chars.count, chars[j] != ch { out.append(chars[j]); j += 1 }
                i = j + 1
            case "\\":
                if i + 1 < chars.count { out.append(chars[i + 1]) }
                i += 2
            default:
                out.append(ch); i += 1
            }
        }
        return out
    }
}
