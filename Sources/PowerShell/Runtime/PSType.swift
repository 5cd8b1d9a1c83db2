/// The types the runtime knows for casts, typed parameters and `-is`/`-as`.
/// `[string[]]` is `.array(.string)`; enums carry their allowed values for binder errors.
public indirect enum PSType: Sendable, Equatable, CustomStringConvertible {
    case object
    case string
    case char
    case bool
    case switchParameter
    case byte
    case int            // System.Int32
    case long           // System.Int64
    case double
    case decimal
    case dateTime
    case timeSpan
    case guid
    case scriptBlock
    case hashtable
    case orderedDictionary
    case customObject
    case credential
    case type
    case regex
    case void
    case bytes          // byte[]: packed
    case array(PSType)
    case enumeration(name: String, values: [String])
    /// A type known only by name (a cmdlet's output type, a static-member class such as System.IO.File).
    case named(String)

    public var description: String {
        switch self {
        case .object: return "System.Object"
        case .string: return "System.String"
        case .char: return "System.Char"
        case .bool: return "System.Boolean"
        case .switchParameter: return "System.Management.Automation.SwitchParameter"
        case .byte: return "System.Byte"
        case .int: return "System.Int32"
        case .long: return "System.Int64"
        case .double: return "System.Double"
        case .decimal: return "System.Decimal"
        case .dateTime: return "System.DateTime"
        case .timeSpan: return "System.TimeSpan"
        case .guid: return "System.Guid"
        case .scriptBlock: return "System.Management.Automation.ScriptBlock"
        case .hashtable: return "System.Collections.Hashtable"
        case .orderedDictionary: return "System.Collections.Specialized.OrderedDictionary"
        case .customObject: return "System.Management.Automation.PSObject"
        case .credential: return "System.Management.Automation.PSCredential"
        case .type: return "System.Type"
        case .regex: return "System.Text.RegularExpressions.Regex"
        case .void: return "System.Void"
        case .bytes: return "System.Byte[]"
        case .array(let t): return t.description + "[]"
        case .enumeration(let n, _): return n
        case .named(let n): return n
        }
    }
}
