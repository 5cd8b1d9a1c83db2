// SHA-256 over a message's bytes, fed chunk by chunk while the message streams through.
@preconcurrency import COpenSSL

/// An incremental SHA-256. Not thread-safe; one per message.
final class SHA256Hasher {
    private let ctx: OpaquePointer
    private(set) var byteCount = 0

    init() {
        ctx = EVP_MD_CTX_new()
        EVP_DigestInit_ex(ctx, EVP_sha256(), nil)
    }
    deinit { EVP_MD_CTX_free(ctx) }

    func update(_ bytes: UnsafeRawBufferPointer) {
        guard let base = bytes.baseAddress, bytes.count > 0 else { return }
        EVP_DigestUpdate(ctx, base, bytes.count)
        byteCount += bytes.count
    }

    /// The digest as 64 lowercase hex characters. Call once.
    func finalizeHex() -> String {
        var digest = [UInt8](repeating: 0, count: 32)
        var len: UInt32 = 0
        EVP_DigestFinal_ex(ctx, &digest, &len)
        return hexString(digest)
    }

    static func hex(of bytes: some Collection<UInt8>) -> String {
        let h = SHA256Hasher()
        Array(bytes).withUnsafeBytes { h.update($0) }
        return h.finalizeHex()
    }
}

func hexString(_ bytes: [UInt8]) -> String {
    let digits = Array("0123456789abcdef".utf8)
    var out: [UInt8] = []
    out.reserveCapacity(bytes.count * 2)
    for b in bytes { out.append(digits[Int(b >> 4)]); out.append(digits[Int(b & 0xF)]) }
    return String(decoding: out, as: UTF8.self)
}

/// The identity the verifier compares: bytes, flags and internal date in one digest.
func messageFingerprint(contentHash: String, flags: MessageFlags, date: InternalDate) -> String {
    SHA256Hasher.hex(of: Array("\(contentHash)|\(flags.canonical.lowercased())|\(date.secondsSince1970)".utf8))
}
