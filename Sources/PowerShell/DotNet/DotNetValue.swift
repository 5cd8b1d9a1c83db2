import Foundation

/// Reading PowerShell values as .NET method arguments (strings, numbers, booleans).
enum DotNetValue {
    static func string(_ v: Value) -> String { Conversion.toString(v) }

    static func truthy(_ v: Value) -> Bool { Conversion.toBool(v) }

    static func number(_ v: Value) -> Double? { try? Conversion.toDouble(v) }

    static func int(_ v: Value, method: String, count: Int) throws -> Int {
        if case .int(let i) = v { return i }
        guard let d = number(v), d.isFinite, abs(d) < 9.2e18 else { throw conversionError(v, "System.Int32", method, count) }
        // .NET rounds to even when converting a double to an integer argument.
        return Int(d.rounded(.toNearestOrEven))
    }

    static func double(_ v: Value, method: String, count: Int) throws -> Double {
        guard let d = number(v) else { throw conversionError(v, "System.Double", method, count) }
        return d
    }

    static func conversionError(_ v: Value, _ type: String, _ method: String, _ count: Int) -> ErrorRecord {
        ErrorRecord(message: "Cannot convert argument \"0\", with value: \"\(string(v))\", for \"\(method)\" to type \"\(type)\": \"Cannot convert value \"\(string(v))\" to type \"\(type)\". Error: \"Input string was not in a correct format.\"\"",
                    errorId: "MethodArgumentConversionInvalidCastArgument", category: .notSpecified,
                    exceptionType: "System.Management.Automation.MethodException")
    }

    /// A number result as .NET would type it: integral results of integer inputs stay integers.
    static func numeric(_ d: Double, integral: Bool) -> Value {
        integral && d == d.rounded() && abs(d) < 9.2e18 ? .int(Int(d)) : .double(d)
    }

    /// Items of an enumerable value (a scalar is one item, null none).
    static func items(_ v: Value) -> [Value] {
        switch v {
        case .null: return []
        case .array(let a): return a.items
        case .bytes(let b): return b.bytes.map { .int(Int($0)) }
        default: return [v]
        }
    }

    /// Bytes from a byte[] or an array of numbers.
    static func bytes(_ v: Value) -> [UInt8]? {
        switch v {
        case .bytes(let b): return b.bytes
        case .array(let a):
            var out: [UInt8] = []
            out.reserveCapacity(a.items.count)
            for item in a.items {
                guard let d = number(item), d >= 0, d <= 255 else { return nil }
                out.append(UInt8(d))
            }
            return out
        case .null: return []
        default: return nil
        }
    }

    static func strings(_ items: [String]) -> Value { .list(items.map { .string($0) }) }

    /// .NET Equals for two values (strings compare case-sensitively, numbers by value).
    static func equals(_ a: Value, _ b: Value) -> Bool {
        switch (a, b) {
        case (.null, .null): return true
        case (.string(let x), .string(let y)): return x == y
        case (.bool(let x), .bool(let y)): return x == y
        case (.int(let x), .int(let y)): return x == y
        case (.int, .double), (.double, .int), (.double, .double): return number(a) == number(b)
        case (.date(let x), .date(let y)): return x == y
        case (.guid(let x), .guid(let y)): return x == y
        case (.timeSpan(let x), .timeSpan(let y)): return x == y
        case (.array(let x), .array(let y)): return x === y
        case (.hashtable(let x), .hashtable(let y)): return x === y
        case (.object(let x), .object(let y)): return x === y
        case (.bytes(let x), .bytes(let y)): return x === y
        default: return false
        }
    }
}
