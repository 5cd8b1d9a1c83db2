import Foundation

/// System.Text.Encoding: `[System.Text.Encoding]::UTF8.GetBytes($s)` and friends.
extension DotNet {
    static let encodingType = StaticType(fullName: "System.Text.Encoding", member: { name, _ in
        switch name {
        case "utf8": return encodingObject(.utf8BOM)   // .NET's Encoding.UTF8 has a BOM preamble
        case "default": return encodingObject(.utf8)
        case "ascii": return encodingObject(.ascii)
        case "unicode": return encodingObject(.unicode)
        case "bigendianunicode": return encodingObject(.bigEndianUnicode)
        case "utf32": return encodingObject(.utf32)
        case "latin1": return encodingObject(.latin1)
        default: return nil
        }
    }, method: { c in
        guard c.lowerName == "getencoding" else { return nil }
        try c.expect(1)
        guard let enc = PSEncoding.from(c.arguments[0]) ?? PSEncoding.named(c.string(0)) else {
            throw c.exception("'\(c.string(0))' is not a supported encoding name.")
        }
        return encodingObject(enc)
    })

    /// An Encoding object: a PSObject with the .NET properties and methods runbooks call.
    static func encodingObject(_ enc: PSEncoding) -> Value {
        let (typeName, webName, display): (String, String, String) = {
            switch enc {
            case .utf8, .utf8BOM: return ("System.Text.UTF8Encoding", "utf-8", "Unicode (UTF-8)")
            case .ascii: return ("System.Text.ASCIIEncoding", "us-ascii", "US-ASCII")
            case .unicode: return ("System.Text.UnicodeEncoding", "utf-16", "Unicode")
            case .bigEndianUnicode: return ("System.Text.UnicodeEncoding", "utf-16BE", "Unicode (Big-Endian)")
            case .utf32: return ("System.Text.UTF32Encoding", "utf-32", "Unicode (UTF-32)")
            case .latin1: return ("System.Text.Latin1Encoding", "iso-8859-1", "Western European (ISO)")
            }
        }()
        let o = PSObject(typeNames: [typeName, "System.Text.Encoding", "System.Object"], properties: [
            ("BodyName", .string(webName)), ("EncodingName", .string(display)), ("HeaderName", .string(webName)),
            ("WebName", .string(webName)), ("CodePage", .int(enc.codePage)),
            ("IsSingleByte", .bool(enc == .ascii || enc == .latin1)),
        ])
        o.toStringValue = typeName
        o.methods["GetBytes"] = { _, args in
            guard args.count == 1 else { throw overload("GetBytes", args.count) }
            if case .null = args[0] {
                throw MethodCall(name: "GetBytes", arguments: args, environment: DotNetEnvironment())
                    .exception("Array cannot be null. (Parameter 'chars')")
            }
            let text = DotNetValue.items(args[0]).count > 1 ? DotNetValue.items(args[0]).map(DotNetValue.string).joined()
                : DotNetValue.string(args[0])
            return .bytes(PSBytes(enc.encode(text, preamble: false)))
        }
        o.methods["GetString"] = { _, args in
            guard args.count == 1 || args.count == 3 else { throw overload("GetString", args.count) }
            guard var bytes = DotNetValue.bytes(args[0]) else {
                throw MethodCall(name: "GetString", arguments: args, environment: DotNetEnvironment())
                    .exception("Cannot convert argument to byte[].")
            }
            if args.count == 3, let start = DotNetValue.number(args[1]), let n = DotNetValue.number(args[2]) {
                let s = Int(start), len = Int(n)
                guard s >= 0, len >= 0, s + len <= bytes.count else {
                    throw MethodCall(name: "GetString", arguments: args, environment: DotNetEnvironment())
                        .exception("Index and count must refer to a location within the buffer.")
                }
                bytes = Array(bytes[s..<(s + len)])
            }
            return .string(enc == .utf8BOM ? PSEncoding.utf8.decode(bytes) : enc.decode(bytes))
        }
        o.methods["GetByteCount"] = { _, args in
            guard args.count == 1 else { throw overload("GetByteCount", args.count) }
            return .int(enc.encode(DotNetValue.string(args[0]), preamble: false).count)
        }
        o.methods["GetPreamble"] = { _, args in
            guard args.isEmpty else { throw overload("GetPreamble", args.count) }
            return .bytes(PSBytes(enc.preamble))
        }
        o.methods["ToString"] = { _, _ in .string(typeName) }
        return .object(o)
    }

    static func overload(_ name: String, _ count: Int) -> ErrorRecord {
        MethodCall(name: name, arguments: Array(repeating: .null, count: count), environment: DotNetEnvironment()).overloadError()
    }
}
