import Foundation

/// The text encodings the file cmdlets and System.Text.Encoding support.
public enum PSEncoding: String, Sendable, CaseIterable {
    case utf8 = "UTF8"                // no BOM when writing (pwsh 7's default)
    case utf8BOM = "UTF8BOM"
    case ascii = "ASCII"
    case unicode = "Unicode"          // UTF-16 little endian, with BOM
    case bigEndianUnicode = "BigEndianUnicode"
    case utf32 = "UTF32"
    case latin1 = "Latin1"

    /// The values pwsh's `-Encoding` accepts (plus `Byte`, Windows PowerShell's spelling of -AsByteStream).
    public static let parameterValues = ["ASCII", "BigEndianUnicode", "BigEndianUTF32", "OEM", "Unicode", "UTF7",
                                         "UTF8", "UTF8BOM", "UTF8NoBOM", "UTF32", "Default", "ANSI", "Latin1", "Byte"]

    /// Reads an `-Encoding` value or an Encoding object; nil for unknown names (and for `Byte`).
    public static func from(_ value: Value) -> PSEncoding? {
        switch value {
        case .string(let s): return named(s)
        case .object(let o):
            if let cp = o["CodePage"], case .int(let n) = cp { return codePage(n) }
            return nil
        case .int(let n): return codePage(n)
        default: return nil
        }
    }

    public static func named(_ name: String) -> PSEncoding? {
        switch name.lowercased().replacingOccurrences(of: "-", with: "") {
        case "utf8", "utf8nobom", "default", "oem", "utf7": return .utf8
        case "utf8bom": return .utf8BOM
        case "ascii", "usascii": return .ascii
        case "unicode", "utf16", "utf16le": return .unicode
        case "bigendianunicode", "utf16be": return .bigEndianUnicode
        case "utf32", "bigendianutf32", "utf32le": return .utf32
        case "ansi", "latin1", "iso88591", "windows1252": return .latin1
        default: return nil
        }
    }

    static func codePage(_ n: Int) -> PSEncoding? {
        switch n {
        case 65001: return .utf8
        case 20127: return .ascii
        case 1200: return .unicode
        case 1201: return .bigEndianUnicode
        case 12000: return .utf32
        case 28591, 1252: return .latin1
        default: return nil
        }
    }

    var codePage: Int {
        switch self {
        case .utf8, .utf8BOM: return 65001
        case .ascii: return 20127
        case .unicode: return 1200
        case .bigEndianUnicode: return 1201
        case .utf32: return 12000
        case .latin1: return 28591
        }
    }

    var preamble: [UInt8] {
        switch self {
        case .utf8BOM: return [0xEF, 0xBB, 0xBF]
        case .unicode: return [0xFF, 0xFE]
        case .bigEndianUnicode: return [0xFE, 0xFF]
        case .utf32: return [0xFF, 0xFE, 0, 0]
        default: return []
        }
    }

    /// Text to bytes; `preamble` adds the BOM (file writes do, GetBytes does not).
    public func encode(_ text: String, preamble withBOM: Bool = true) -> [UInt8] {
        var out = withBOM ? preamble : []
        switch self {
        case .utf8, .utf8BOM: out += Array(text.utf8)
        case .ascii: out += text.unicodeScalars.map { $0.value < 128 ? UInt8($0.value) : UInt8(ascii: "?") }
        case .latin1: out += text.unicodeScalars.map { $0.value < 256 ? UInt8($0.value) : UInt8(ascii: "?") }
        case .unicode: for u in text.utf16 { out.append(UInt8(u & 0xFF)); out.append(UInt8(u >> 8)) }
        case .bigEndianUnicode: for u in text.utf16 { out.append(UInt8(u >> 8)); out.append(UInt8(u & 0xFF)) }
        case .utf32:
            for s in text.unicodeScalars {
                let v = s.value
                out += [UInt8(v & 0xFF), UInt8((v >> 8) & 0xFF), UInt8((v >> 16) & 0xFF), UInt8(v >> 24)]
            }
        }
        return out
    }

    /// Bytes to text (a BOM for this encoding is skipped).
    public func decode<C: Collection>(_ bytes: C) -> String where C.Element == UInt8 {
        var b = Array(bytes)[...]
        if !preamble.isEmpty, b.starts(with: preamble) { b = b.dropFirst(preamble.count) }
        switch self {
        case .utf8, .utf8BOM:
            if b.starts(with: [0xEF, 0xBB, 0xBF]) { b = b.dropFirst(3) }
            return String(decoding: b, as: UTF8.self)
        case .ascii: return String(String.UnicodeScalarView(b.map { Unicode.Scalar($0 < 128 ? $0 : UInt8(ascii: "?")) }))
        case .latin1: return String(String.UnicodeScalarView(b.map { Unicode.Scalar($0) }))
        case .unicode, .bigEndianUnicode:
            var units: [UInt16] = []
            units.reserveCapacity(b.count / 2)
            var it = b.makeIterator()
            while let x = it.next(), let y = it.next() {
                units.append(self == .unicode ? UInt16(x) | UInt16(y) << 8 : UInt16(x) << 8 | UInt16(y))
            }
            return String(decoding: units, as: UTF16.self)
        case .utf32:
            var scalars = String.UnicodeScalarView()
            var it = b.makeIterator()
            while let a = it.next(), let b2 = it.next(), let c = it.next(), let d = it.next() {
                let v = UInt32(a) | UInt32(b2) << 8 | UInt32(c) << 16 | UInt32(d) << 24
                scalars.append(Unicode.Scalar(v) ?? "\u{FFFD}")
            }
            return String(scalars)
        }
    }

    /// The encoding a BOM at the start announces, if any.
    public static func detect(_ bytes: [UInt8]) -> PSEncoding? {
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { return .utf8BOM }
        if bytes.starts(with: [0xFF, 0xFE, 0, 0]) { return .utf32 }
        if bytes.starts(with: [0xFF, 0xFE]) { return .unicode }
        if bytes.starts(with: [0xFE, 0xFF]) { return .bigEndianUnicode }
        return nil
    }

    /// Decodes file contents as .NET readers do: a BOM wins over the requested encoding.
    public static func decodeDetecting(_ bytes: [UInt8], fallback: PSEncoding = .utf8) -> String {
        (detect(bytes) ?? fallback).decode(bytes)
    }
}

/// Splitting text into lines as .NET's ReadLine does (`\n`, `\r\n` or `\r`; no trailing empty line).
public enum TextLines {
    public static func split(_ text: String) -> [String] {
        var lines: [String] = []
        var current = ""
        var sawCR = false
        for scalar in text.unicodeScalars {
            if sawCR { sawCR = false; if scalar == "\n" { continue } }
            if scalar == "\n" || scalar == "\r" {
                lines.append(current); current = ""
                sawCR = scalar == "\r"
            } else {
                current.unicodeScalars.append(scalar)
            }
        }
        if !current.isEmpty { lines.append(current) }
        return lines
    }
}
