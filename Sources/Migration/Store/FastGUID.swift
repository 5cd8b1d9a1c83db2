import COpenSSL

/// Random (version 4) GUID text, lower-case. Foundation's `UUID()` opens /dev/urandom on every
/// call on Linux, which dominated creating 50,000 users; this draws from libcrypto's generator
/// (no system call per GUID) and formats without printf.
enum FastGUID {
    private static let hex: [UInt8] = Array("0123456789abcdef".utf8)

    static func make() -> String {
        var words: (UInt64, UInt64) = (0, 0)
        let ok = withUnsafeMutableBytes(of: &words) { RAND_bytes($0.baseAddress!.assumingMemoryBound(to: UInt8.self), 16) == 1 }
        if !ok {
            var rng = SystemRandomNumberGenerator()
            words = (rng.next(), rng.next())
        }
        var (hi, lo) = words
        hi = (hi & ~0xF000) | 0x4000                         // version 4
        lo = (lo & ~(0xC000 << 48)) | (0x8000 << 48)         // RFC 4122 variant
        var out = [UInt8](repeating: UInt8(ascii: "-"), count: 36)
        var pos = 0
        for word in [hi, lo] {
            for nibble in 0..<16 {
                if pos == 8 || pos == 13 || pos == 18 || pos == 23 { pos += 1 }
                let shift = UInt64(60 - nibble * 4)
                out[pos] = hex[Int((word >> shift) & 0xF)]
                pos += 1
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}
