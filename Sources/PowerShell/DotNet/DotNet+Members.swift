import Foundation

/// Instance member dispatch by value kind, and `GetType()` for everything.
extension DotNet {
    static func instanceProperty(_ value: Value, _ name: String) -> Value? {
        switch value {
        case .string(let s): return DotNetStrings.property(s, name)
        case .array(let a): return DotNetCollections.arrayProperty(a, name)
        case .bytes(let b): return DotNetCollections.bytesProperty(b, name)
        case .hashtable(let h): return DotNetCollections.hashtableProperty(h, name)
        case .date(let d): return DotNetDates.property(d, name)
        case .timeSpan(let t): return DotNetDates.timeSpanProperty(t, name)
        case .object(let o): return o[name]
        case .type(let t): return typeProperty(t, name)
        case .guid(let g) where name == "guid": return .string(g.uuidString.lowercased())
        case .scriptBlock(let s):
            switch name {
            case "ast": return .string(s.text)
            case "file": return s.ast.extent.file.map { .string($0) } ?? .null
            default: return nil
            }
        default: return nil
        }
    }

    static func instanceMethod(_ value: Value, _ c: MethodCall) throws -> Value? {
        // Methods every object has.
        switch c.lowerName {
        case "gettype": try c.expect(0); return .type(typeOf(value))
        case "tostring" where c.count == 0:
            if case .object(let o) = value, let m = o.method("ToString") { return try m(o, []) }
            // .NET Core's double.ToString() keeps the shortest round-trip digits (PowerShell's own conversion uses 15).
            if case .double(let d) = value { return .string(NumberFormatting.format(d)) }
            return .string(DotNetText.string(value))
        default: break
        }
        switch value {
        case .string(let s): return try DotNetStrings.method(s, c)
        case .array(let a): return try DotNetCollections.arrayMethod(a, c)
        case .bytes(let b): return try DotNetCollections.bytesMethod(b, c)
        case .hashtable(let h): return try DotNetCollections.hashtableMethod(h, c)
        case .date(let d): return try DotNetDates.method(d, c)
        case .timeSpan(let t): return try DotNetDates.timeSpanMethod(t, c)
        case .object(let o): return try o.method(c.name).map { try $0(o, c.arguments) }
        case .int, .double: return try numberMethod(value, c)
        case .bool(let b):
            switch c.lowerName {
            case "tostring": return .string(b ? "True" : "False")
            case "equals": try c.expect(1); return .bool(DotNetValue.equals(value, c.arguments[0]))
            case "compareto": try c.expect(1); let o = c.bool(0); return .int(b == o ? 0 : b ? 1 : -1)
            default: return nil
            }
        case .guid(let g):
            switch c.lowerName {
            case "tostring": try c.expect(0, 1); return .string(try DotNetFormat.guid(g, c.count == 1 ? c.string(0) : nil))
            case "equals": try c.expect(1); return .bool(DotNetValue.equals(value, c.arguments[0]))
            case "tobytearray": try c.expect(0); return .bytes(PSBytes(withUnsafeBytes(of: g.uuid) { Array($0) }))
            default: return nil
            }
        case .scriptBlock:
            guard c.lowerName == "invoke" || c.lowerName == "invokereturnasis", case .scriptBlock(let block) = value else { return nil }
            guard let invoke = c.environment.invoke else { throw c.exception("Script blocks cannot run here.") }
            let out = try invoke(block, nil, c.arguments)
            return out.count == 1 ? out[0] : .list(out)
        case .type(let t):
            if c.lowerName == "isinstanceoftype" { try c.expect(1); return .bool(typeOf(c.arguments[0]) == t) }
            return nil
        case .null: return nil
        }
    }

    static func numberMethod(_ value: Value, _ c: MethodCall) throws -> Value? {
        switch c.lowerName {
        case "tostring":
            try c.expect(0, 1, 2)
            return .string(try DotNetFormat.format(value, c.count >= 1 && !c.arguments[0].isNull ? c.string(0) : nil))
        case "equals": try c.expect(1); return .bool(DotNetValue.equals(value, c.arguments[0]))
        case "compareto":
            try c.expect(1)
            let a = DotNetValue.number(value) ?? 0, b = try c.double(0)
            return .int(a < b ? -1 : a > b ? 1 : 0)
        case "gethashcode": try c.expect(0); return .int(Int(DotNetValue.number(value) ?? 0) & 0x7FFF_FFFF)
        default: return nil
        }
    }

    /// The .NET type of a value, as `GetType()` returns it.
    public static func typeOf(_ value: Value) -> PSType {
        switch value {
        case .null: return .object
        case .bool: return .bool
        case .int(let i): return i >= Int(Int32.min) && i <= Int(Int32.max) ? .int : .long
        case .double: return .double
        case .string: return .string
        case .date: return .dateTime
        case .timeSpan: return .timeSpan
        case .guid: return .guid
        case .array(let a): return a.list.map { .named($0.typeName) } ?? .array(.object)
        case .bytes: return .bytes
        case .hashtable(let h): return h.isOrdered ? .orderedDictionary : .hashtable
        case .object(let o): return o.isCustomObject ? .named(PSObject.customObjectTypeName) : .named(o.typeName)
        case .scriptBlock: return .scriptBlock
        case .type: return .named("System.RuntimeType")
        }
    }

    /// Members of a type object: `.Name`, `.FullName`, `.Namespace`, `.BaseType`.
    static func typeProperty(_ t: PSType, _ name: String) -> Value? {
        let full = t.description
        let nameEnd = full.firstIndex(of: "[") ?? full.endIndex
        let dot = full[..<nameEnd].lastIndex(of: ".")
        switch name {
        case "fullname": return .string(full)
        case "name": return .string(dot.map { String(full[full.index(after: $0)...]) } ?? full)
        case "namespace": return .string(dot.map { String(full[..<$0]) } ?? "")
        case "basetype":
            switch t {
            case .array, .bytes: return .type(.named("System.Array"))
            case .int, .long, .double, .bool, .dateTime, .timeSpan, .guid, .byte, .char, .decimal: return .type(.named("System.ValueType"))
            case .object: return .null
            default: return .type(.object)
            }
        case "isarray": if case .array = t { return .bool(true) }; return .bool(t == .bytes)
        case "isvaluetype":
            switch t {
            case .int, .long, .double, .bool, .dateTime, .timeSpan, .guid, .byte, .char, .decimal: return .bool(true)
            default: return .bool(false)
            }
        default: return nil
        }
    }
}
