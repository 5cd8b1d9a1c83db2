import Foundation

/// The registry of static types, and the small ones (Math, String, Guid, numbers, Convert, Environment).
extension DotNet {
    static func staticType(_ name: String) -> StaticType? { staticTypes[normalizeTypeName(name)] }

    static let staticTypes: [String: StaticType] = [
        "io.file": fileType, "io.path": pathType, "io.directory": directoryType,
        "text.encoding": encodingType, "math": mathType, "string": stringType, "guid": guidType,
        "int32": integerType("System.Int32", Int(Int32.min), Int(Int32.max)),
        "int64": integerType("System.Int64", Int.min, Int.max),
        "int16": integerType("System.Int16", Int(Int16.min), Int(Int16.max)),
        "byte": integerType("System.Byte", 0, 255),
        "uint32": integerType("System.UInt32", 0, Int(UInt32.max)),
        "double": doubleType, "single": doubleType, "decimal": doubleType,
        "boolean": booleanType, "char": charType,
        "environment": environmentType, "convert": convertType, "timespan": timeSpanType,
        "datetime": dateTimeType, "text.regularexpressions.regex": regexType, "net.dns": dnsType,
        "object": plainType("System.Object"), "array": plainType("System.Array"),
        "collections.hashtable": plainType("System.Collections.Hashtable"),
        "collections.arraylist": plainType("System.Collections.ArrayList"),
        "management.automation.pscustomobject": plainType("System.Management.Automation.PSCustomObject"),
        "management.automation.pscredential": plainType("System.Management.Automation.PSCredential"),
        "security.securestring": plainType("System.Security.SecureString"),
        "management.automation.scriptblock": plainType("System.Management.Automation.ScriptBlock"),
        "stringsplitoptions": enumType("System.StringSplitOptions", ["None", "RemoveEmptyEntries", "TrimEntries"]),
        "stringcomparison": enumType("System.StringComparison", ["CurrentCulture", "CurrentCultureIgnoreCase",
            "InvariantCulture", "InvariantCultureIgnoreCase", "Ordinal", "OrdinalIgnoreCase"]),
        "midpointrounding": enumType("System.MidpointRounding", ["ToEven", "AwayFromZero", "ToZero"]),
        "dayofweek": enumType("System.DayOfWeek", ValueFormatting.dayNames),
        "uri": plainType("System.Uri"), "net.ipaddress": plainType("System.Net.IPAddress"),
    ]

    static func plainType(_ fullName: String) -> StaticType {
        StaticType(fullName: fullName, member: { _, _ in nil }, method: { _ in nil })
    }

    /// An enum type: `[System.StringSplitOptions]::RemoveEmptyEntries` reads as its name.
    static func enumType(_ fullName: String, _ names: [String]) -> StaticType {
        StaticType(fullName: fullName, member: { name, _ in
            names.first { $0.lowercased() == name }.map { .string($0) }
        }, method: { _ in nil })
    }

    static let mathType = StaticType(fullName: "System.Math", member: { name, _ in
        switch name {
        case "pi": return .double(Double.pi)
        case "e": return .double(M_E)
        case "tau": return .double(2 * Double.pi)
        default: return nil
        }
    }, method: { c in
        let integral = c.arguments.allSatisfy { if case .int = $0 { return true }; return false }
        func unary(_ f: (Double) -> Double) throws -> Value { try c.expect(1); return .double(f(try c.double(0))) }
        switch c.lowerName {
        case "round":
            try c.expect(1, 2, 3)
            let x = try c.double(0)
            var digits = 0
            var away = false
            if c.count >= 2 {
                if case .string(let mode) = c.arguments[c.count - 1] { away = mode.lowercased() == "awayfromzero" }
                else { digits = try c.int(1) }
                if c.count == 3 { digits = try c.int(1) }
            }
            let scale = pow(10.0, Double(digits))
            let r = ((x * scale).rounded(away ? .toNearestOrAwayFromZero : .toNearestOrEven)) / scale
            return integral ? .int(Int(r)) : .double(r)
        case "floor": return integral ? c.arguments[0] : try unary { $0.rounded(.down) }
        case "ceiling": return integral ? c.arguments[0] : try unary { $0.rounded(.up) }
        case "truncate": return integral ? c.arguments[0] : try unary { $0.rounded(.towardZero) }
        case "abs":
            try c.expect(1)
            return DotNetValue.numeric(abs(try c.double(0)), integral: integral)
        case "sign":
            try c.expect(1)
            let x = try c.double(0)
            return .int(x > 0 ? 1 : x < 0 ? -1 : 0)
        case "max", "min":
            try c.expect(2)
            let a = try c.double(0), b = try c.double(1)
            return DotNetValue.numeric(c.lowerName == "max" ? max(a, b) : min(a, b), integral: integral)
        case "pow": try c.expect(2); return .double(pow(try c.double(0), try c.double(1)))
        case "sqrt": return try unary(sqrt)
        case "exp": return try unary(exp)
        case "log":
            try c.expect(1, 2)
            let x = try c.double(0)
            return .double(c.count == 2 ? log(x) / log(try c.double(1)) : log(x))
        case "log10": return try unary(log10)
        case "log2": return try unary(log2)
        case "sin": return try unary(sin)
        case "cos": return try unary(cos)
        case "tan": return try unary(tan)
        case "atan": return try unary(atan)
        default: return nil
        }
    })

    static let stringType = StaticType(fullName: "System.String", member: { name, _ in
        name == "empty" ? .string("") : nil
    }, method: { c in
        switch c.lowerName {
        case "isnullorempty":
            try c.expect(1)
            if case .null = c.arguments[0] { return .bool(true) }
            return .bool(c.string(0).isEmpty)
        case "isnullorwhitespace":
            try c.expect(1)
            if case .null = c.arguments[0] { return .bool(true) }
            return .bool(c.string(0).allSatisfy(\.isWhitespace))
        case "join":
            guard c.count >= 2 else { throw c.overloadError() }
            return .string(c.rest(from: 1).map(DotNetValue.string).joined(separator: c.string(0)))
        case "concat":
            return .string(c.rest(from: 0).map(DotNetValue.string).joined())
        case "format":
            guard c.count >= 1 else { throw c.overloadError() }
            return .string(try ValueFormatting.composite(c.string(0), c.rest(from: 1)))
        case "compare":
            try c.expect(2, 3)
            let a = c.string(0), b = c.string(1)
            let ignoreCase = c.count == 3 && c.bool(2)
            let r = ignoreCase ? a.caseInsensitiveCompare(b) : a.compare(b)
            return .int(r == .orderedAscending ? -1 : r == .orderedSame ? 0 : 1)
        case "equals":
            try c.expect(2)
            return .bool(c.string(0) == c.string(1))
        case "new":
            try c.expect(2)
            return .string(String(repeating: c.string(0), count: max(0, try c.int(1))))
        default: return nil
        }
    })

    static let guidType = StaticType(fullName: "System.Guid", member: { name, _ in
        name == "empty" ? .guid(UUID(uuid: (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0))) : nil
    }, method: { c in
        switch c.lowerName {
        case "newguid": try c.expect(0); return .guid(UUID())
        case "parse":
            try c.expect(1)
            guard let g = try? Conversion.convert(c.arguments[0], to: .guid) else {
                throw c.exception("Guid should contain 32 digits with 4 dashes (xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx).")
            }
            return g
        default: return nil
        }
    })

    static func integerType(_ fullName: String, _ minValue: Int, _ maxValue: Int) -> StaticType {
        StaticType(fullName: fullName, member: { name, _ in
            switch name {
            case "maxvalue": return .int(maxValue)
            case "minvalue": return .int(minValue)
            default: return nil
            }
        }, method: { c in
            let s = c.count > 0 ? c.string(0).trimmingCharacters(in: .whitespaces) : ""
            let parsed = Int(s.hasPrefix("+") ? String(s.dropFirst()) : s)
            if c.lowerName == "tryparse" {
                try c.expect(2)
                guard let n = parsed, n >= minValue && n <= maxValue else { return try tryParseResult(c, nil, failed: .int(0)) }
                return try tryParseResult(c, .int(n), failed: .int(0))
            }
            guard c.lowerName == "parse" else { return nil }
            try c.expect(1)
            guard let n = parsed else {
                throw c.exception("The input string '\(c.string(0))' was not in a correct format.")
            }
            guard n >= minValue && n <= maxValue else {
                throw c.exception("Value was either too large or too small for \(fullName.replacingOccurrences(of: "System.", with: "an ")).")
            }
            return .int(n)
        })
    }

    static let doubleType = StaticType(fullName: "System.Double", member: { name, _ in
        switch name {
        case "maxvalue": return .double(Double.greatestFiniteMagnitude)
        case "minvalue": return .double(-Double.greatestFiniteMagnitude)
        case "nan": return .double(Double.nan)
        case "epsilon": return .double(Double.leastNonzeroMagnitude)
        case "positiveinfinity": return .double(Double.infinity)
        case "negativeinfinity": return .double(-Double.infinity)
        default: return nil
        }
    }, method: { c in
        switch c.lowerName {
        case "parse":
            try c.expect(1)
            guard let d = Double(c.string(0).trimmingCharacters(in: .whitespaces).replacingOccurrences(of: ",", with: "")) else {
                throw c.exception("The input string '\(c.string(0))' was not in a correct format.")
            }
            return .double(d)
        case "tryparse":
            try c.expect(2)
            let d = Double(c.string(0).trimmingCharacters(in: .whitespaces).replacingOccurrences(of: ",", with: ""))
            return try tryParseResult(c, d.map(Value.double), failed: .double(0))
        case "isnan": try c.expect(1); return .bool(try c.double(0).isNaN)
        default: return nil
        }
    })

    /// `TryParse(text, [ref]$result)`: stores the parsed value (or the type's zero) through the
    /// `[ref]` argument and says whether parsing worked; `[ref]$null` discards the value.
    static func tryParseResult(_ c: MethodCall, _ parsed: Value?, failed: Value) throws -> Value {
        guard let variable = PSReference.variable(of: c.arguments[1]) else {
            throw c.exception("Argument: '2' should be a System.Management.Automation.PSReference. Use [ref].")
        }
        variable.value = parsed ?? failed
        return .bool(parsed != nil)
    }

    static let booleanType = StaticType(fullName: "System.Boolean", member: { name, _ in
        switch name {
        case "truestring": return .string("True")
        case "falsestring": return .string("False")
        default: return nil
        }
    }, method: { c in
        guard c.lowerName == "parse" else { return nil }
        try c.expect(1)
        switch c.string(0).trimmingCharacters(in: .whitespaces).lowercased() {
        case "true": return .bool(true)
        case "false": return .bool(false)
        default: throw c.exception("String '\(c.string(0))' was not recognized as a valid Boolean.")
        }
    })

    static let charType = StaticType(fullName: "System.Char", member: { _, _ in nil }, method: { c in
        try c.expect(1)
        let ch = c.string(0).first ?? " "
        switch c.lowerName {
        case "isdigit": return .bool(ch.isNumber)
        case "isletter": return .bool(ch.isLetter)
        case "isletterordigit": return .bool(ch.isLetter || ch.isNumber)
        case "iswhitespace": return .bool(ch.isWhitespace)
        case "isupper": return .bool(ch.isUppercase)
        case "islower": return .bool(ch.isLowercase)
        case "toupper": return .string(ch.uppercased())
        case "tolower": return .string(ch.lowercased())
        default: return nil
        }
    })
}
