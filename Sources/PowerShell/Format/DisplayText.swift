import Foundation

/// How values read on screen: whole lines for scalars at the end of a pipeline, and the
/// shorter forms used inside table cells and list values (`{a, b, c}`, en-US dates).
public enum DisplayText {
    /// pwsh's default `$FormatEnumerationLimit`.
    public static let defaultEnumerationLimit = 4

    /// A value shown on its own line by Out-Default (`$true` -> `True`, dates in long form).
    public static func line(_ value: Value) -> String {
        switch value {
        case .date(let d): return longDate(d)
        default: return scalar(value)
        }
    }

    /// A value inside a table cell or list entry.
    /// `table` rounds doubles to two decimals as pwsh's table writer does.
    public static func cell(_ value: Value, enumerationLimit: Int = defaultEnumerationLimit, table: Bool = false) -> String {
        switch value {
        case .null: return ""
        case .double(let d) where table: return fixed(d)
        case .date(let d): return shortDate(d)
        case .array(let a): return collection(a.items, limit: enumerationLimit)
        case .bytes(let b): return collection(b.bytes.map { .int(Int($0)) }, limit: enumerationLimit)
        case .hashtable(let h):
            return collection(h.entries.map { .string("[\(scalar($0.key)), \(scalar($0.value))]") }, limit: enumerationLimit)
        default: return scalar(value)
        }
    }

    /// `{a, b, c}`; more than `limit` items end in `…` (a negative limit shows all).
    static func collection(_ items: [Value], limit: Int) -> String {
        let shown = limit < 0 ? items : Array(items.prefix(limit))
        var text = "{" + shown.map(element).joined(separator: ", ")
        if limit >= 0 && items.count > limit { text += "…" }
        return text + "}"
    }

    /// An element inside `{…}`: nested collections show their type name, as .NET's ToString does.
    private static func element(_ value: Value) -> String {
        switch value {
        case .array: return "System.Object[]"
        case .bytes: return "System.Byte[]"
        case .hashtable: return "System.Collections.Hashtable"
        case .date(let d): return shortDate(d)
        default: return scalar(value)
        }
    }

    /// The plain string form (as `ToString()` would give).
    public static func scalar(_ value: Value) -> String {
        switch value {
        case .null: return ""
        case .bool(let b): return b ? "True" : "False"
        case .int(let i): return String(i)
        case .double(let d): return double(d)
        case .string(let s): return s
        case .date(let d): return shortDate(d)
        case .timeSpan(let t): return timeSpan(t)
        case .guid(let g): return g.uuidString.lowercased()
        case .array: return "System.Object[]"
        case .bytes: return "System.Byte[]"
        case .hashtable(let h): return h.isOrdered ? "System.Collections.Specialized.OrderedDictionary" : "System.Collections.Hashtable"
        case .object(let o): return objectString(o)
        case .scriptBlock(let s): return s.text
        case .type(let t): return t.description
        }
    }

    /// A custom object reads `@{A=1; B=x}`; typed objects their ToString or type name.
    static func objectString(_ o: PSObject) -> String {
        if let s = o.toStringValue { return s }
        if o.isCustomObject {
            return "@{" + o.properties.map { "\($0.name)=\(scalar($0.value))" }.joined(separator: "; ") + "}"
        }
        return o.typeName
    }

    /// .NET's shortest round-trip form: `1.5`, `1E+20`, `5.787037037037037E-05`.
    static func double(_ d: Double) -> String {
        if d.isNaN { return "NaN" }
        if d.isInfinite { return d < 0 ? "-Infinity" : "Infinity" }
        if d == d.rounded(), abs(d) < 1e15 { return String(Int(d)) }
        var s = "\(d)"
        if let e = s.firstIndex(of: "e") {
            let mantissa = s[..<e].hasSuffix(".0") ? String(s[..<e].dropLast(2)) : String(s[..<e])
            var exp = String(s[s.index(after: e)...])
            let sign = exp.hasPrefix("-") ? "-" : "+"
            exp = exp.trimmingCharacters(in: CharacterSet(charactersIn: "+-"))
            if exp.count < 2 { exp = "0" + exp }
            s = mantissa + "E" + sign + exp
        }
        return s
    }

    /// `ToString("F")`: two decimals, as table cells show doubles.
    static func fixed(_ d: Double) -> String {
        if !d.isFinite { return double(d) }
        return String(format: "%.2f", d)
    }

    /// `[timespan]` as `[-][d.]hh:mm:ss[.fffffff]`.
    static func timeSpan(_ seconds: Double) -> String {
        let negative = seconds < 0
        let ticks = Int((abs(seconds) * 10_000_000).rounded())
        let totalSeconds = ticks / 10_000_000, fraction = ticks % 10_000_000
        let days = totalSeconds / 86_400, h = totalSeconds / 3600 % 24, m = totalSeconds / 60 % 60, s = totalSeconds % 60
        var text = negative ? "-" : ""
        if days > 0 { text += "\(days)." }
        text += two(h) + ":" + two(m) + ":" + two(s)
        if fraction > 0 {
            let f = String(fraction)
            text += "." + String(repeating: "0", count: 7 - f.count) + f
        }
        return text
    }

    private static let calendar: Calendar = {
        var c = Calendar(identifier: .gregorian)
        c.timeZone = TimeZone.current
        return c
    }()

    private static let monthNames = ["January", "February", "March", "April", "May", "June", "July",
                                     "August", "September", "October", "November", "December"]
    private static let dayNames = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"]

    private static func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }

    /// en-US long time: `2:05:09 PM`.
    private static func longTime(_ c: DateComponents) -> String {
        let h = c.hour ?? 0
        let h12 = h % 12 == 0 ? 12 : h % 12
        return "\(h12):\(two(c.minute ?? 0)):\(two(c.second ?? 0)) \(h < 12 ? "AM" : "PM")"
    }

    /// en-US short date and long time, as a date shows inside a table or list: `8/1/2025 10:15:00 AM`.
    public static func shortDate(_ d: Date) -> String {
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: d)
        return "\(c.month ?? 1)/\(c.day ?? 1)/\(c.year ?? 1) " + longTime(c)
    }

    /// en-US long date and long time, as a date shows on its own: `Friday, August 1, 2025 10:15:00 AM`.
    public static func longDate(_ d: Date) -> String {
        let c = calendar.dateComponents([.year, .month, .day, .weekday, .hour, .minute, .second], from: d)
        return "\(dayNames[(c.weekday ?? 1) - 1]), \(monthNames[(c.month ?? 1) - 1]) \(c.day ?? 1), \(c.year ?? 1) " + longTime(c)
    }

    /// True for values a table right-aligns: numbers and booleans.
    static func isRightAligned(_ value: Value) -> Bool {
        switch value {
        case .int, .double, .bool: return true
        default: return false
        }
    }
}
