import Foundation

/// ConvertFrom-Json's parser: objects become custom objects (or ordered hashtables), numbers
/// stay integers when they are whole, ISO 8601 date strings become dates, as pwsh 7 does.
struct JsonReader {
    struct Failure: Error { let message: String }

    private let chars: [Character]
    private var i = 0
    private var line = 1, column = 0
    let asHashtable: Bool
    let maxDepth: Int

    init(_ text: String, asHashtable: Bool, maxDepth: Int = 1024) {
        chars = Array(text)
        self.asHashtable = asHashtable
        self.maxDepth = maxDepth
    }

    mutating func parseDocument() throws -> Value {
        skipSpace()
        if i >= chars.count { return .null }
        let v = try value(depth: 0)
        skipSpace()
        if i < chars.count { throw fail("Additional text encountered after finished reading JSON content: \(chars[i]).") }
        return v
    }

    private func fail(_ what: String) -> Failure { Failure(message: "\(what) Path '', line \(line), position \(column).") }

    private mutating func advance() { if chars[i] == "\n" { line += 1; column = 0 } else { column += 1 }; i += 1 }

    private mutating func skipSpace() {
        while i < chars.count, chars[i].isWhitespace || chars[i] == "\u{FEFF}" { advance() }
    }

    private mutating func expect(_ c: Character) throws {
        skipSpace()
        guard i < chars.count, chars[i] == c else {
            throw fail(i < chars.count ? "Unexpected character encountered while parsing value: \(chars[i])." : "Unexpected end when reading JSON.")
        }
        advance()
    }

    private mutating func value(depth: Int) throws -> Value {
        guard depth <= maxDepth else { throw fail("The reader's MaxDepth of \(maxDepth) has been exceeded.") }
        skipSpace()
        guard i < chars.count else { throw fail("Unexpected end when reading JSON.") }
        switch chars[i] {
        case "{": return try object(depth: depth)
        case "[": return try array(depth: depth)
        case "\"":
            let s = try string()
            if let d = Self.isoDate(s) { return .date(d) }
            return .string(s)
        case "t", "f", "n": return try literal()
        default: return try number()
        }
    }

    private mutating func object(depth: Int) throws -> Value {
        advance()
        let table = PSHashtable(ordered: true)
        let obj = PSObject()
        skipSpace()
        if i < chars.count, chars[i] == "}" { advance(); return asHashtable ? .hashtable(table) : .object(obj) }
        while true {
            skipSpace()
            guard i < chars.count, chars[i] == "\"" else {
                throw fail(i < chars.count ? "Invalid property identifier character: \(chars[i])." : "Unexpected end when reading JSON.")
            }
            let key = try string()
            try expect(":")
            let v = try value(depth: depth + 1)
            if asHashtable {
                if table.containsKey(.string(key)) && !table.keys.contains(where: { $0.stringValue == key }) {
                    throw Failure(message: "Cannot convert the JSON string because it contains keys with different casing. Please use the -AsHashTable switch instead. The key that was attempted to be added to the existing key '\(key)' was '\(key)'.")
                }
                table[.string(key)] = v
            } else {
                obj[key] = v
            }
            skipSpace()
            guard i < chars.count else { throw fail("Unexpected end when reading JSON.") }
            if chars[i] == "," { advance(); continue }
            if chars[i] == "}" { advance(); break }
            throw fail("After parsing a value an unexpected character was encountered: \(chars[i]).")
        }
        return asHashtable ? .hashtable(table) : .object(obj)
    }

    private mutating func array(depth: Int) throws -> Value {
        advance()
        var items: [Value] = []
        skipSpace()
        if i < chars.count, chars[i] == "]" { advance(); return .list(items) }
        while true {
            items.append(try value(depth: depth + 1))
            skipSpace()
            guard i < chars.count else { throw fail("Unexpected end when reading JSON.") }
            if chars[i] == "," { advance(); continue }
            if chars[i] == "]" { advance(); break }
            throw fail("After parsing a value an unexpected character was encountered: \(chars[i]).")
        }
        return .list(items)
    }

    private mutating func string() throws -> String {
        advance()
        var out = ""
        while i < chars.count {
            let c = chars[i]
            advance()
            if c == "\"" { return out }
            guard c == "\\" else { out.append(c); continue }
            guard i < chars.count else { break }
            let e = chars[i]
            advance()
            switch e {
            case "n": out += "\n"
            case "t": out += "\t"
            case "r": out += "\r"
            case "b": out += "\u{8}"
            case "f": out += "\u{C}"
            case "u":
                guard i + 4 <= chars.count, let code = UInt32(String(chars[i..<(i + 4)]), radix: 16) else {
                    throw fail("Invalid Unicode escape sequence.")
                }
                for _ in 0..<4 { advance() }
                if (0xD800...0xDBFF).contains(code), i + 6 <= chars.count, chars[i] == "\\", chars[i + 1] == "u",
                   let low = UInt32(String(chars[(i + 2)..<(i + 6)]), radix: 16), (0xDC00...0xDFFF).contains(low) {
                    for _ in 0..<6 { advance() }
                    out.unicodeScalars.append(Unicode.Scalar(0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00))!)
                } else {
                    out.unicodeScalars.append(Unicode.Scalar(code) ?? "\u{FFFD}")
                }
            default: out.append(e)
            }
        }
        throw fail("Unterminated string. Expected delimiter: \".")
    }

    private mutating func literal() throws -> Value {
        for (word, v) in [("true", Value.bool(true)), ("false", .bool(false)), ("null", .null)] {
            if i + word.count <= chars.count, String(chars[i..<(i + word.count)]) == word {
                for _ in 0..<word.count { advance() }
                return v
            }
        }
        throw fail("Unexpected character encountered while parsing value: \(chars[i]).")
    }

    private mutating func number() throws -> Value {
        let start = i
        while i < chars.count, "+-0123456789.eE".contains(chars[i]) { advance() }
        let text = String(chars[start..<i])
        if let n = Int(text) { return .int(n) }
        if let d = Double(text), !text.isEmpty { return .double(d) }
        throw fail("Unexpected character encountered while parsing value: \(start < chars.count ? chars[start] : " ").")
    }

    /// `2025-08-01T10:15:00[.fffffff][Z|±hh:mm]`: the shape Newtonsoft reads as a date.
    static func isoDate(_ s: String) -> Date? {
        let c = Array(s.utf8)
        guard c.count >= 19, c[4] == UInt8(ascii: "-"), c[7] == UInt8(ascii: "-"), c[10] == UInt8(ascii: "T"),
              c[13] == UInt8(ascii: ":"), c[16] == UInt8(ascii: ":"),
              [0, 1, 2, 3, 5, 6, 8, 9, 11, 12, 14, 15, 17, 18].allSatisfy({ c[$0] >= 48 && c[$0] <= 57 }) else { return nil }
        return DateConversion.parse(s)
    }
}
