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

    /// The plain string form (as `ToString()` would give), except that dates read in en-US form.
    public static func scalar(_ value: Value) -> String {
        if case .date(let d) = value { return shortDate(d) }
        return Conversion.toString(value)
    }

    /// `ToString("F")`: two decimals, as table cells show doubles.
    static func fixed(_ d: Double) -> String {
        if !d.isFinite { return Conversion.toString(.double(d)) }
        return String(format: "%.2f", d)
    }

    /// en-US short date and long time, as a date shows inside a table or list: `8/1/2025 10:15:00 AM`.
    public static func shortDate(_ d: Date) -> String { ValueFormatting.formatDate(d, spec: "M/d/yyyy h:mm:ss tt") }

    /// en-US long date and long time, as a date shows on its own: `Friday, August 1, 2025 10:15:00 AM`.
    public static func longDate(_ d: Date) -> String { ValueFormatting.formatDate(d, spec: "dddd, MMMM d, yyyy h:mm:ss tt") }

    /// True for values a table right-aligns: numbers and booleans.
    static func isRightAligned(_ value: Value) -> Bool {
        switch value {
        case .int, .double, .bool: return true
        default: return false
        }
    }
}
