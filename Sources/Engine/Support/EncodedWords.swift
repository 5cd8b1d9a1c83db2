// Header text as people read it: unfolds a header field and decodes RFC 2047 encoded words
// ("=?charset?B|Q?text?="), so a skipped item's Subject and From show in plain letters.
import Foundation

enum EncodedWords {
    /// The value of the header field `name` (case-insensitive) in a header block, unfolded and
    /// decoded; nil when the block has no such field.
    static func field(_ name: String, in header: [UInt8]) -> String? {
        let text = decodeRaw(header)
        var value: String?
        for line in text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" }) {
            let line = line.hasSuffix("\r") ? line.dropLast() : line
            if let first = line.first, first == " " || first == "\t" {
                if value != nil { value! += " " + line.trimmingCharacters(in: .whitespaces) }   // folded continuation
                continue
            }
            if value != nil { break }
            guard let colon = line.firstIndex(of: ":"),
                  line[..<colon].trimmingCharacters(in: .whitespaces).lowercased() == name.lowercased() else { continue }
            value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        return value.map(decode)
    }

    /// Decodes the encoded words of an unfolded header value; whitespace between two adjacent encoded
    /// words goes (RFC 2047 §6.2), anything malformed stays as written.
    static func decode(_ value: String) -> String {
        var out = ""
        var rest = Substring(value)
        var pendingSpace = ""   // whitespace after an encoded word, dropped if another one follows
        var lastWasEncoded = false
        while !rest.isEmpty {
            if rest.hasPrefix("=?"), let (word, after) = encodedWord(rest) {
                if !lastWasEncoded { out += pendingSpace }
                out += word
                pendingSpace = ""
                lastWasEncoded = true
                rest = after
                continue
            }
            let c = rest.removeFirst()
            if c == " " || c == "\t" {
                pendingSpace.append(c)
            } else {
                out += pendingSpace
                pendingSpace = ""
                out.append(c)
                lastWasEncoded = false
            }
        }
        return out + pendingSpace
    }

    /// One encoded word at the start of `s`: its text and what follows, or nil when it is not one.
    private static func encodedWord(_ s: Substring) -> (String, Substring)? {
        let parts = s.dropFirst(2)
        guard let q1 = parts.firstIndex(of: "?") else { return nil }
        let charset = parts[..<q1].split(separator: "*").first.map(String.init) ?? ""   // RFC 2231 language suffix
        let afterCharset = parts[parts.index(after: q1)...]
        guard let q2 = afterCharset.firstIndex(of: "?") else { return nil }
        let encoding = afterCharset[..<q2].uppercased()
        let textStart = afterCharset.index(after: q2)
        guard let end = afterCharset[textStart...].range(of: "?=") else { return nil }
        let text = afterCharset[textStart..<end.lowerBound]
        guard !text.contains(" ") else { return nil }
        let bytes: [UInt8]?
        switch encoding {
        case "B": bytes = Data(base64Encoded: padded(String(text))).map { [UInt8]($0) }
        case "Q": bytes = qDecode(text)
        default: bytes = nil
        }
        guard let bytes, let decoded = string(bytes, charset: charset) else { return nil }
        return (decoded, afterCharset[end.upperBound...])
    }

    private static func padded(_ b64: String) -> String {
        b64 + String(repeating: "=", count: (4 - b64.count % 4) % 4)
    }

    /// The "Q" encoding: "_" is a space, "=XX" a byte in hex.
    private static func qDecode(_ text: Substring) -> [UInt8]? {
        var out: [UInt8] = []
        var it = Array(text.utf8)[...]
        while let c = it.popFirst() {
            switch c {
            case UInt8(ascii: "_"): out.append(0x20)
            case UInt8(ascii: "="):
                guard it.count >= 2, let v = UInt8(String(decoding: it.prefix(2), as: UTF8.self), radix: 16) else { return nil }
                out.append(v)
                it = it.dropFirst(2)
            default: out.append(c)
            }
        }
        return out
    }

    private static func string(_ bytes: [UInt8], charset: String) -> String? {
        switch charset.lowercased() {
        case "utf-8", "utf8", "us-ascii", "ascii": return String(bytes: bytes, encoding: .utf8) ?? String(decoding: bytes, as: UTF8.self)
        case "iso-8859-1", "latin1", "iso8859-1": return String(bytes: bytes, encoding: .isoLatin1)
        case "windows-1252", "cp1252": return String(bytes: bytes, encoding: .windowsCP1252)
        case "utf-16": return String(bytes: bytes, encoding: .utf16)
        default: return String(bytes: bytes, encoding: .utf8) ?? String(bytes: bytes, encoding: .isoLatin1)
        }
    }

    /// Raw header bytes as text: UTF-8 when valid (8-bit headers), else Latin-1, never lossy-dropped.
    private static func decodeRaw(_ bytes: [UInt8]) -> String {
        String(bytes: bytes, encoding: .utf8) ?? String(bytes: bytes, encoding: .isoLatin1) ?? String(decoding: bytes, as: UTF8.self)
    }
}
