import Foundation

extension Conversion {
    /// Converts a value to a type as a PowerShell cast does (`[int]'42'`, `[string[]]$x`,
    /// an enum from its name). Throws an ErrorRecord carrying pwsh's InvalidCast text.
    public static func convert(_ value: Value, to type: PSType) throws -> Value {
        switch type {
        case .object: return value
        case .void: return .null
        case .string:
            if case .null = value { return .string("") }
            return .string(toString(value))
        case .bool, .switchParameter: return .bool(toBool(value))
        case .int: return try integer(value, type: type, range: Int(Int32.min)...Int(Int32.max), rangeName: "an Int32")
        case .long: return try integer(value, type: type, range: Int.min...Int.max, rangeName: "an Int64")
        case .byte: return try integer(value, type: type, range: 0...255, rangeName: "an unsigned byte")
        case .double, .decimal: return try toDoubleValue(value, type: type)
        case .char: return try char(value)
        case .dateTime: return try dateTime(value)
        case .timeSpan: return try timeSpan(value)
        case .guid: return try guid(value)
        case .scriptBlock:
            if case .scriptBlock = value { return value }
            throw castError(value, to: type, reason: nil)
        case .hashtable, .orderedDictionary:
            if case .hashtable(let h) = value {
                if type == .orderedDictionary && !h.isOrdered {
                    let copy = PSHashtable(ordered: true)
                    for (k, v) in h.entries { copy[k] = v }
                    return .hashtable(copy)
                }
                return value
            }
            throw castError(value, to: type, reason: nil)
        case .customObject: return customObject(value)
        case .credential:
            if case .object(let o) = value, o.typeNames.contains(PSType.credential.description) { return value }
            throw castError(value, to: type, reason: nil)
        case .type:
            if case .type = value { return value }
            if case .string(let s) = value, let t = TypeResolver.resolve(s) { return .type(t) }
            throw castError(value, to: type, reason: nil)
        case .regex: return try regex(value)
        case .bytes: return try bytes(value)
        case .array(let element): return try array(value, element: element)
        case .enumeration(let name, let values): return try enumeration(value, name: name, values: values)
        case .named(let name): return try named(value, name: name)
        }
    }

    /// True when the value already is of the type (`-is`), without conversion.
    public static func isInstance(_ value: Value, of type: PSType) -> Bool {
        switch (type, value) {
        case (.object, .null): return false
        case (.object, _): return true
        case (.string, .string), (.bool, .bool), (.switchParameter, .bool), (.double, .double),
             (.dateTime, .date), (.timeSpan, .timeSpan), (.guid, .guid), (.scriptBlock, .scriptBlock),
             (.bytes, .bytes), (.type, .type), (.hashtable, .hashtable): return true
        case (.int, .int(let i)): return Int32(exactly: i) != nil
        case (.long, .int(let i)): return Int32(exactly: i) == nil
        case (.orderedDictionary, .hashtable(let h)): return h.isOrdered
        case (.array(.object), .array), (.array(.object), .bytes): return true
        case (.array(.byte), .bytes): return true
        case (.array(let e), .array(let a)): return a.items.allSatisfy { isInstance($0, of: e) } && e == .object
        case (.customObject, .object): return true
        case (.credential, .object(let o)), (.regex, .object(let o)):
            return o.typeNames.contains(type.description)
        case (.named(let n), _):
            let lower = n.lowercased()
            if case .object(let o) = value { return o.typeNames.contains { $0.lowercased() == lower || $0.lowercased() == "system." + lower } }
            let actual = typeName(of: value).lowercased()
            return actual == lower || actual == "system." + lower
        case (.enumeration(let n, _), .object(let o)): return o.typeNames.contains(n)
        default: return false
        }
    }

    /// What an unset typed variable or a `$null` typed argument holds: the zero of value
    /// types, `$null` otherwise.
    public static func defaultValue(for type: PSType) -> Value {
        switch type {
        case .string: return .string("")
        case .int, .long, .byte: return .int(0)
        case .double, .decimal: return .double(0)
        case .bool, .switchParameter: return .bool(false)
        default: return .null
        }
    }

    /// `-as`: the converted value, or `$null` when the conversion fails.
    public static func tryConvert(_ value: Value, to type: PSType) -> Value {
        (try? convert(value, to: type)) ?? .null
    }

    // MARK: - Numbers

    static func integer(_ value: Value, type: PSType, range: ClosedRange<Int>, rangeName: String) throws -> Value {
        let overflow = "Value was either too large or too small for \(rangeName)."
        switch value {
        case .null: return .int(0)
        case .bool(let b): return .int(b ? 1 : 0)
        case .int(let i):
            guard range.contains(i) else { throw castError(value, to: type, reason: overflow) }
            return value
        case .double(let d):
            let r = d.rounded(.toNearestOrEven)
            guard r.isFinite, r >= Double(range.lowerBound), r <= Double(range.upperBound),
                  let i = Int(exactly: r) else { throw castError(value, to: type, reason: overflow) }
            return .int(i)
        case .string(let s):
            guard let n = NumberFormatting.parse(s) else {
                throw castError(value, to: type, reason: NumberFormatting.formatErrorText(s))
            }
            do { return try integer(n, type: type, range: range, rangeName: rangeName) }
            catch { throw castError(value, to: type, reason: overflow) }
        case .array(let a) where a.items.count == 1:
            return try integer(a.items[0], type: type, range: range, rangeName: rangeName)
        case .timeSpan:
            throw castError(value, to: type, reason: nil)
        default:
            throw castError(value, to: type, reason: nil)
        }
    }

    static func toDoubleValue(_ value: Value, type: PSType) throws -> Value {
        switch value {
        case .null: return .double(0)
        case .bool(let b): return .double(b ? 1 : 0)
        case .int(let i): return .double(Double(i))
        case .double: return value
        case .string(let s):
            guard let n = NumberFormatting.parse(s) else {
                throw castError(value, to: type, reason: NumberFormatting.formatErrorText(s))
            }
            if case .int(let i) = n { return .double(Double(i)) }
            return n
        case .array(let a) where a.items.count == 1: return try toDoubleValue(a.items[0], type: type)
        default: throw castError(value, to: type, reason: nil)
        }
    }

    static func char(_ value: Value) throws -> Value {
        switch value {
        case .string(let s) where s.count == 1: return value
        case .int(let i):
            guard let u = UnicodeScalar(UInt32(clamping: max(0, i))) else { throw castError(value, to: .char, reason: nil) }
            return .string(String(Character(u)))
        case .string(let s):
            throw castError(value, to: .char, reason: "String must be exactly one character long.")
        default: throw castError(value, to: .char, reason: nil)
        }
    }

    // MARK: - Dates, GUIDs

    static func dateTime(_ value: Value) throws -> Value {
        switch value {
        case .date: return value
        case .string(let s):
            guard let d = DateConversion.parse(s) else {
                throw castError(value, to: .dateTime, reason: DateConversion.formatErrorText(s))
            }
            return .date(d)
        case .int(let ticks):
            // .NET ticks: 100 ns since 0001-01-01.
            return .date(Date(timeIntervalSince1970: Double(ticks) / 10_000_000 - 62_135_596_800))
        case .array(let a) where a.items.count == 1: return try dateTime(a.items[0])
        default: throw castError(value, to: .dateTime, reason: nil)
        }
    }

    static func timeSpan(_ value: Value) throws -> Value {
        switch value {
        case .timeSpan: return value
        case .int(let ticks): return .timeSpan(Double(ticks) / 10_000_000)
        case .string(let s):
            guard let t = DateConversion.parseTimeSpan(s) else {
                throw castError(value, to: .timeSpan, reason: "String '\(s)' was not recognized as a valid TimeSpan.")
            }
            return .timeSpan(t)
        default: throw castError(value, to: .timeSpan, reason: nil)
        }
    }

    static func guid(_ value: Value) throws -> Value {
        switch value {
        case .guid: return value
        case .string(let s):
            var t = s.trimmingCharacters(in: .whitespaces)
            if t.hasPrefix("{") && t.hasSuffix("}") { t = String(t.dropFirst().dropLast()) }
            if t.count == 32, !t.contains("-") {
                let c = Array(t)
                t = String(c[0..<8]) + "-" + String(c[8..<12]) + "-" + String(c[12..<16]) + "-" + String(c[16..<20]) + "-" + String(c[20...])
            }
            guard let g = UUID(uuidString: t) else {
                throw castError(value, to: .guid, reason: "Unrecognized Guid format.")
            }
            return .guid(g)
        default: throw castError(value, to: .guid, reason: nil)
        }
    }

    // MARK: - Objects and collections

    /// `[pscustomobject]` of a hashtable: a custom object with the keys, in their order.
    static func customObject(_ value: Value) -> Value {
        guard case .hashtable(let h) = value else { return value }
        let o = PSObject()
        for (k, v) in h.entries { o[toString(k)] = v }
        return .object(o)
    }

    /// `[regex]'pattern'`: an object the runtime recognises by its type name.
    static func regex(_ value: Value) throws -> Value {
        if case .object(let o) = value, o.typeNames.contains(PSType.regex.description) { return value }
        let pattern = toString(value)
        do { _ = try RegexCache.regex(pattern, ignoreCase: false) } catch let e as ErrorRecord {
            throw castError(value, to: .regex, reason: e.message)
        }
        let o = PSObject(typeNames: [PSType.regex.description, "System.Object"], properties: [])
        o.toStringValue = pattern
        return .object(o)
    }

    static func bytes(_ value: Value) throws -> Value {
        switch value {
        case .bytes: return value
        case .null: return .null
        case .array(let a):
            var out: [UInt8] = []
            out.reserveCapacity(a.items.count)
            for item in a.items {
                guard case .int(let b) = try integer(item, type: .byte, range: 0...255, rangeName: "an unsigned byte") else { continue }
                out.append(UInt8(b))
            }
            return .bytes(PSBytes(out))
        default:
            guard case .int(let b) = try integer(value, type: .byte, range: 0...255, rangeName: "an unsigned byte") else { return .null }
            return .bytes(PSBytes([UInt8(b)]))
        }
    }

    static func array(_ value: Value, element: PSType) throws -> Value {
        if element == .byte { return try bytes(value) }
        switch value {
        case .null: return .null
        case .array(let a):
            if element == .object { return value }
            return .list(try a.items.map { try convert($0, to: element) })
        case .bytes(let b):
            return .list(try b.bytes.map { try convert(.int(Int($0)), to: element) })
        default:
            return .list([try convert(value, to: element)])
        }
    }

    /// An enum value from its name (case-insensitive) or its index; the canonical name is kept.
    static func enumeration(_ value: Value, name: String, values: [String]) throws -> Value {
        let type = PSType.enumeration(name: name, values: values)
        switch value {
        case .string(let s):
            let wanted = s.trimmingCharacters(in: .whitespaces)
            if let match = values.first(where: { $0.caseInsensitiveCompare(wanted) == .orderedSame }) { return .string(match) }
            if let i = Int(wanted), values.indices.contains(i) { return .string(values[i]) }
            throw castError(value, to: type, reason: enumErrorText(wanted, values: values))
        case .int(let i) where values.indices.contains(i): return .string(values[i])
        case .object(let o) where o.typeNames.contains(name): return value
        case .array(let a) where a.items.count == 1: return try enumeration(a.items[0], name: name, values: values)
        default:
            throw castError(value, to: type, reason: enumErrorText(toString(value), values: values))
        }
    }

    /// pwsh's text when a name is not one of an enum's members.
    public static func enumErrorText(_ name: String, values: [String]) -> String {
        "Unable to match the identifier name \(name) to a valid enumerator name. Specify one of the following enumerator names and try again:\n"
            + values.joined(separator: ", ")
    }

    static func named(_ value: Value, name: String) throws -> Value {
        if isInstance(value, of: .named(name)) { return value }
        if let list = PSList.info(forTypeName: name) { return try PSList.make(list, from: value) }
        if name == PSReference.typeName {
            throw ErrorRecord(message: "Reference type is expected in argument.", errorId: "ReferenceTypeExpected",
                              category: .invalidArgument, targetObject: value,
                              exceptionType: "System.Management.Automation.PSInvalidCastException")
        }
        throw castError(value, to: .named(name), reason: nil)
    }
}
