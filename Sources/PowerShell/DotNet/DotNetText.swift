import Foundation

/// What .NET's parameterless `ToString()` gives for each value (en-US culture).
/// PowerShell's own string conversion differs for doubles and dates; that one is the runtime's.
public enum DotNetText {
    public static func string(_ value: Value) -> String {
        switch value {
        case .null: return ""
        case .bool(let b): return b ? "True" : "False"
        case .int(let i): return String(i)
        case .double(let d): return DotNetNumberFormat.roundTrip(d)
        case .string(let s): return s
        case .date(let d): return DotNetDateFormat.format(d, "G")
        case .timeSpan(let t): return (try? DotNetFormat.timeSpan(t, nil)) ?? ""
        case .guid(let g): return g.uuidString.lowercased()
        case .array: return "System.Object[]"
        case .bytes: return "System.Byte[]"
        case .hashtable(let h): return h.isOrdered ? PSType.orderedDictionary.description : PSType.hashtable.description
        case .object(let o): return o.toStringValue ?? (o.isCustomObject ? customObjectText(o) : o.typeName)
        case .scriptBlock(let s): return s.text
        case .type(let t): return t.description
        }
    }

    /// `@{A=1; B=x}`: how a custom object reads as text.
    static func customObjectText(_ o: PSObject) -> String {
        "@{" + o.properties.map { "\($0.name)=\(nested($0.value))" }.joined(separator: "; ") + "}"
    }

    private static func nested(_ v: Value) -> String {
        switch v {
        case .array(let a): return a.items.map(nested).joined(separator: " ")
        case .double(let d): return DotNetNumberFormat.powerShellString(d)
        default: return string(v)
        }
    }
}
