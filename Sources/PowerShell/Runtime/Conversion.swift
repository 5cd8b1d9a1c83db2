import Foundation

/// PowerShell's value conversions (LanguagePrimitives): string form, truthiness, numbers,
/// and casts to a `PSType` with pwsh's error texts. Culture is always invariant, as in pwsh
/// string conversion and casts.
public enum Conversion {
    /// The string form PowerShell uses for `"$x"`, `[string]$x` and string parameters.
    /// Collections are joined by `ofs` (`$OFS`, a space by default).
    public static func toString(_ value: Value, ofs: String = " ") -> String {
        switch value {
        case .null: return ""
        case .bool(let b): return b ? "True" : "False"
        case .int(let i): return String(i)
        case .double(let d): return NumberFormatting.formatG15(d)
        case .string(let s): return s
        case .date(let d): return DateConversion.invariantString(d)
        case .timeSpan(let t): return DateConversion.timeSpanString(t)
        case .guid(let g): return g.uuidString.lowercased()
        case .array(let a): return a.items.map { toString($0, ofs: ofs) }.joined(separator: ofs)
        case .bytes(let b): return b.bytes.map { String($0) }.joined(separator: ofs)
        case .hashtable(let h): return h.isOrdered ? PSType.orderedDictionary.description : PSType.hashtable.description
        case .object(let o): return objectString(o)
        case .scriptBlock(let s): return s.text
        case .type(let t): return t.description
        }
    }

    /// A custom object's `@{A=1; B=2}` form, or what the object says it is.
    static func objectString(_ o: PSObject) -> String {
        if let s = o.toStringValue { return s }
        guard o.isCustomObject else { return o.typeName }
        let body = o.properties.map { "\($0.name)=\(toString($0.value))" }.joined(separator: "; ")
        return "@{" + body + "}"
    }

    /// PowerShell truthiness: `$null`, `$false`, 0, '' and empty collections are false;
    /// a one-element collection takes its element's truthiness.
    public static func toBool(_ value: Value) -> Bool {
        switch value {
        case .null: return false
        case .bool(let b): return b
        case .int(let i): return i != 0
        case .double(let d): return d != 0
        case .string(let s): return !s.isEmpty
        case .array(let a):
            if a.items.isEmpty { return false }
            if a.items.count == 1 {
                if case .array = a.items[0] { return true }
                return toBool(a.items[0])
            }
            return true
        case .bytes(let b): return b.bytes.count > 1 || (b.bytes.count == 1 && b.bytes[0] != 0)
        case .timeSpan, .date, .guid, .hashtable, .object, .scriptBlock, .type: return true
        }
    }

    /// The .NET type name pwsh would report for the value (`[System.String]` in errors, `.GetType()`).
    public static func typeName(of value: Value) -> String {
        switch value {
        case .null: return "null"
        case .bool: return "System.Boolean"
        case .int(let i): return Int32(exactly: i) != nil ? "System.Int32" : "System.Int64"
        case .double: return "System.Double"
        case .string: return "System.String"
        case .date: return "System.DateTime"
        case .timeSpan: return "System.TimeSpan"
        case .guid: return "System.Guid"
        case .array(let a): return a.list?.typeName ?? "System.Object[]"
        case .bytes: return "System.Byte[]"
        case .hashtable(let h): return h.isOrdered ? PSType.orderedDictionary.description : PSType.hashtable.description
        case .object(let o): return o.typeName
        case .scriptBlock: return PSType.scriptBlock.description
        case .type: return "System.RuntimeType"
        }
    }

    /// The items of a value PowerShell enumerates in pipelines and loops (arrays and byte
    /// arrays); nil for scalars, hashtables and objects, which travel as one object.
    public static func enumerate(_ value: Value) -> [Value]? {
        switch value {
        case .array(let a): return a.items
        case .bytes(let b): return b.bytes.map { .int(Int($0)) }
        default: return nil
        }
    }

    /// True for values that are numbers (int, long, double).
    public static func isNumeric(_ value: Value) -> Bool {
        switch value {
        case .int, .double: return true
        default: return false
        }
    }

    /// A number from any value as arithmetic sees it: strings are parsed, `$null` is 0,
    /// booleans are 0/1. Throws pwsh's conversion error when it is not a number.
    public static func toNumber(_ value: Value) throws -> Value {
        switch value {
        case .int, .double: return value
        case .null: return .int(0)
        case .bool(let b): return .int(b ? 1 : 0)
        case .string(let s):
            if let n = NumberFormatting.parse(s) { return n }
            throw castError(value, to: .double, reason: NumberFormatting.formatErrorText(s))
        case .array(let a) where a.items.count == 1: return try toNumber(a.items[0])
        case .timeSpan(let t): return .double(t)
        default:
            throw castError(value, to: .double, reason: nil)
        }
    }

    /// A Swift Int from any value (indexes, counts), with pwsh's conversion rules.
    public static func toInt(_ value: Value) throws -> Int {
        guard case .int(let i) = try convert(value, to: .long) else { return 0 }
        return i
    }

    public static func toDouble(_ value: Value) throws -> Double {
        switch try toNumber(value) {
        case .int(let i): return Double(i)
        case .double(let d): return d
        default: return 0
        }
    }

    /// `Cannot convert value "x" to type "T". Error: "reason"`, or the no-reason form.
    static func castError(_ value: Value, to type: PSType, reason: String?) -> ErrorRecord {
        let message: String
        // .NET shows a collection by its type name, not its items.
        let shown: String
        switch value {
        case .array, .bytes, .hashtable: shown = typeName(of: value)
        default: shown = toString(value)
        }
        if case .null = value {
            message = "Cannot convert null to type \"\(type)\"."
        } else if let reason {
            message = "Cannot convert value \"\(shown)\" to type \"\(type)\". Error: \"\(reason)\""
        } else {
            message = "Cannot convert the \"\(shown)\" value of type \"\(typeName(of: value))\" to type \"\(type)\"."
        }
        return ErrorRecord(message: message, errorId: reason == nil ? "ConvertToFinalInvalidCastException" : "InvalidCastParseTargetInvocation",
                           category: .invalidArgument, targetObject: value,
                           exceptionType: "System.Management.Automation.PSInvalidCastException")
    }
}
