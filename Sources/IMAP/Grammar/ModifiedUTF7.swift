/// Modified UTF-7 for mailbox names (RFC 3501 §5.1.3): printable ASCII except `&` stands for itself, `&` is
/// written `&-`, every other run of characters is UTF-16 in base64 (with `,` for `/`, no padding) between `&` and `-`.
public enum ModifiedUTF7 {
    private static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+,".utf8)
    private static let reverse: [Int8] = {
        var table = [Int8](repeating: -1, count: 256)
        for (i, c) in alphabet.enumerated() { table[Int(c)] = Int8(i) }
        return table
    }()

    /// Encodes a Unicode mailbox name for the wire.
    public static func encode(_ name: String) -> String {
        var out: [UInt8] = []
        var pending: [UInt16] = []
        func flush() {
            guard !pending.isEmpty else { return }
            out.append(UInt8(ascii: "&"))
            var bytes: [UInt8] = []
            for unit in pending { bytes.append(UInt8(unit >> 8)); bytes.append(UInt8(unit & 0xFF)) }
            var i = 0
            while i < bytes.count {
                let chunk = Array(bytes[i..<min(i + 3, bytes.count)])
                let n = (UInt32(chunk[0]) << 16) | (UInt32(chunk.count > 1 ? chunk[1] : 0) << 8)
                    | UInt32(chunk.count > 2 ? chunk[2] : 0)
                let chars = chunk.count + 1  // 1 byte -> 2 chars, 2 -> 3, 3 -> 4
                for k in 0..<chars { out.append(alphabet[Int((n >> (18 - 6 * UInt32(k))) & 0x3F)]) }
                i += 3
            }
            out.append(UInt8(ascii: "-"))
            pending.removeAll()
        }
        for scalar in name.unicodeScalars {
            let v = scalar.value
            if v >= 0x20 && v <= 0x7E {
                flush()
                out.append(UInt8(v))
                if v == 0x26 { out.append(UInt8(ascii: "-")) }
            } else {
                pending.append(contentsOf: Array(String(scalar).utf16))
            }
        }
        flush()
        return String(decoding: out, as: UTF8.self)
    }

    /// Decodes a wire mailbox name; nil if it is not valid modified UTF-7 (the caller may then show it raw).
    public static func decode(_ wire: String) -> String? {
        let bytes = Array(wire.utf8)
        var units: [UInt16] = []
        var i = 0
        while i < bytes.count {
            let c = bytes[i]
            guard c >= 0x20 && c <= 0x7E else { return nil }
            if c != UInt8(ascii: "&") { units.append(UInt16(c)); i += 1; continue }
            guard let end = bytes[(i + 1)...].firstIndex(of: UInt8(ascii: "-")) else { return nil }
            if end == i + 1 { units.append(0x26); i = end + 1; continue }
            var acc: UInt32 = 0, bits = 0
            var run: [UInt16] = []
            var pendingByte: UInt8? = nil
            for b in bytes[(i + 1)..<end] {
                let v = reverse[Int(b)]
                guard v >= 0 else { return nil }
                acc = (acc << 6) | UInt32(v); bits += 6
                if bits >= 8 {
                    bits -= 8
                    let byte = UInt8((acc >> UInt32(bits)) & 0xFF)
                    if let hi = pendingByte { run.append(UInt16(hi) << 8 | UInt16(byte)); pendingByte = nil }
                    else { pendingByte = byte }
                }
            }
            // Leftover bits must be zero padding, and no half UTF-16 unit may remain.
            guard pendingByte == nil, bits < 6, acc & ((1 << UInt32(bits)) - 1) == 0, !run.isEmpty else { return nil }
            // A shifted run must not encode printable ASCII (it has a direct form).
            guard !run.contains(where: { $0 >= 0x20 && $0 <= 0x7E }) else { return nil }
            units.append(contentsOf: run)
            i = end + 1
        }
        var result = ""
        for scalar in Swift.UTF16.decode(units) { guard let s = scalar else { return nil }; result.unicodeScalars.append(s) }
        return result
    }
}

extension UTF16 {
    /// Decodes UTF-16 units into scalars; nil elements mark unpaired surrogates.
    fileprivate static func decode(_ units: [UInt16]) -> [Unicode.Scalar?] {
        var it = units.makeIterator()
        var decoder = UTF16()
        var out: [Unicode.Scalar?] = []
        loop: while true {
            switch decoder.decode(&it) {
            case .scalarValue(let s): out.append(s)
            case .emptyInput: break loop
            case .error: out.append(nil)
            }
        }
        return out
    }
}
