// Modified UTF-7 for mailbox names (RFC 3501 §5.1.3): printable ASCII but "&" stands for itself,
// "&" is written "&-", anything else is UTF-16 in base64 (with "," for "/") between "&" and "-".

enum MUTF7 {
    private static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+,".utf8)
    private static let reverse: [UInt8: UInt8] = {
        var r: [UInt8: UInt8] = [:]
        for (i, c) in alphabet.enumerated() { r[c] = UInt8(i) }
        return r
    }()

    static func encode(_ name: String) -> String {
        var out = ""
        var pending: [UInt16] = []
        func flush() {
            guard !pending.isEmpty else { return }
            var bytes: [UInt8] = []
            for u in pending { bytes.append(UInt8(u >> 8)); bytes.append(UInt8(u & 0xFF)) }
            out += "&" + base64(bytes) + "-"
            pending.removeAll()
        }
        for scalar in name.unicodeScalars {
            if scalar.value >= 0x20 && scalar.value <= 0x7E {
                flush()
                out += scalar == "&" ? "&-" : String(scalar)
            } else {
                pending.append(contentsOf: Array(String(scalar).utf16))
            }
        }
        flush()
        return out
    }

    /// Decodes; nil when the text is not valid modified UTF-7.
    static func decode(_ text: String) -> String? {
        var out = ""
        var chars = Array(text.utf8)[...]
        while let c = chars.first {
            chars = chars.dropFirst()
            if c < 0x20 || c > 0x7E { return nil }
            guard c == UInt8(ascii: "&") else { out.unicodeScalars.append(Unicode.Scalar(c)); continue }
            guard let end = chars.firstIndex(of: UInt8(ascii: "-")) else { return nil }
            let run = chars[chars.startIndex..<end]
            chars = chars[(end + 1)...]
            if run.isEmpty { out += "&"; continue }
            guard let bytes = unbase64(run), bytes.count % 2 == 0 else { return nil }
            var units: [UInt16] = []
            for i in stride(from: 0, to: bytes.count, by: 2) { units.append(UInt16(bytes[i]) << 8 | UInt16(bytes[i + 1])) }
            var decoded = ""
            var it = units.makeIterator()
            var utf16 = UTF16()
            loop: while true {
                switch utf16.decode(&it) {
                case .scalarValue(let s): decoded.unicodeScalars.append(s)
                case .emptyInput: break loop
                case .error: return nil
                }
            }
            out += decoded
        }
        return out
    }

    private static func base64(_ bytes: [UInt8]) -> String {
        var out: [UInt8] = []
        var i = 0
        while i < bytes.count {
            let b0 = bytes[i], b1 = i + 1 < bytes.count ? bytes[i + 1] : 0, b2 = i + 2 < bytes.count ? bytes[i + 2] : 0
            out.append(alphabet[Int(b0 >> 2)])
            out.append(alphabet[Int((b0 & 0x03) << 4 | b1 >> 4)])
            if i + 1 < bytes.count { out.append(alphabet[Int((b1 & 0x0F) << 2 | b2 >> 6)]) }
            if i + 2 < bytes.count { out.append(alphabet[Int(b2 & 0x3F)]) }
            i += 3
        }
        return String(decoding: out, as: UTF8.self)
    }

    private static func unbase64(_ chars: ArraySlice<UInt8>) -> [UInt8]? {
        var out: [UInt8] = []
        var acc: UInt32 = 0, bits = 0
        for c in chars {
            guard let v = reverse[c] else { return nil }
            acc = acc << 6 | UInt32(v); bits += 6
            if bits >= 8 { bits -= 8; out.append(UInt8((acc >> UInt32(bits)) & 0xFF)) }
        }
        // Leftover bits must be padding only: fewer than 6 and all zero.
        guard bits < 6, acc & ((1 << UInt32(bits)) - 1) == 0, !out.isEmpty else { return nil }
        return out
    }
}
