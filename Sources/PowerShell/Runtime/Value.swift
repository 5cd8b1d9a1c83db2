import Foundation

/// A PowerShell value as the runtime passes it along pipelines and through variables.
///
/// Scalars are values; arrays, hashtables, objects and byte arrays are reference types,
/// as they are in .NET, so `$b = $a; $b[0] = 1` is seen through `$a` too.
public enum Value: @unchecked Sendable {
    case null
    case bool(Bool)
    case int(Int)
    case double(Double)
    case string(String)
    case date(Date)
    case timeSpan(Double)          // seconds, as System.TimeSpan
    case guid(UUID)
    case array(PSArray)            // object[]
    case bytes(PSBytes)            // byte[]: kept packed so a 10 MB CSV is 10 MB, not 10 M boxed values
    case hashtable(PSHashtable)    // @{} and [ordered]@{}
    case object(PSObject)          // [pscustomobject] and typed objects that cmdlets emit
    case scriptBlock(ScriptBlock)
    case type(PSType)              // a type literal used as a value, e.g. [int]
}

extension Value {
    public var isNull: Bool { if case .null = self { return true } else { return false } }

    /// Wraps a Swift array as a PowerShell array value.
    public static func list(_ items: [Value]) -> Value { .array(PSArray(items)) }

    /// The string, when the value is one (no conversion).
    public var stringValue: String? { if case .string(let s) = self { return s } else { return nil } }
}

/// object[]: a mutable, shared array.
public final class PSArray: @unchecked Sendable {
    public var items: [Value]
    /// Set for a growable list (ArrayList, List[T]); nil for a fixed-size object[].
    public var list: PSListInfo?
    public init(_ items: [Value] = []) { self.items = items }
}

/// byte[]: a mutable, shared, packed byte array.
public final class PSBytes: @unchecked Sendable {
    public var bytes: [UInt8]
    public init(_ bytes: [UInt8] = []) { self.bytes = bytes }
}
