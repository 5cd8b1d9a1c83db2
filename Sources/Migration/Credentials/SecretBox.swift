import COpenSSL

/// AES-256-GCM through libcrypto: a fresh random 12-byte nonce per secret, a 16-byte tag,
/// and additional data that binds the sealed value to its owner row.
struct SecretBox: Sendable {
    struct Sealed: Equatable {
        var nonce: [UInt8]
        var ciphertext: [UInt8]
        var tag: [UInt8]
    }

    static let keyLength = 32
    static let nonceLength = 12
    static let tagLength = 16

    private let key: [UInt8]

    init(key: [UInt8]) {
        precondition(key.count == Self.keyLength, "AES-256 needs a 32-byte key")
        self.key = key
    }

    static func randomBytes(_ count: Int) throws -> [UInt8] {
        var bytes = [UInt8](repeating: 0, count: count)
        guard RAND_bytes(&bytes, Int32(count)) == 1 else { throw MigrationError.storage("the system's random generator failed.") }
        return bytes
    }

    func seal(_ plaintext: [UInt8], additionalData: [UInt8]) throws -> Sealed {
        let nonce = try Self.randomBytes(Self.nonceLength)
        guard let ctx = EVP_CIPHER_CTX_new() else { throw cryptoFailure() }
        defer { EVP_CIPHER_CTX_free(ctx) }
        var out = [UInt8](repeating: 0, count: plaintext.count + 16)
        var tag = [UInt8](repeating: 0, count: Self.tagLength)
        var len: Int32 = 0, total: Int32 = 0
        guard EVP_EncryptInit_ex(ctx, EVP_aes_256_gcm(), nil, nil, nil) == 1,
              EVP_CIPHER_CTX_ctrl(ctx, EVP_CTRL_GCM_SET_IVLEN, Int32(Self.nonceLength), nil) == 1,
              EVP_EncryptInit_ex(ctx, nil, nil, key, nonce) == 1,
              EVP_EncryptUpdate(ctx, nil, &len, additionalData, Int32(additionalData.count)) == 1,
              EVP_EncryptUpdate(ctx, &out, &len, plaintext, Int32(plaintext.count)) == 1
        else { throw cryptoFailure() }
        total = len
        let finalOK = out.withUnsafeMutableBufferPointer { buf in
            EVP_EncryptFinal_ex(ctx, buf.baseAddress! + Int(total), &len) == 1
        }
        guard finalOK, EVP_CIPHER_CTX_ctrl(ctx, EVP_CTRL_GCM_GET_TAG, Int32(Self.tagLength), &tag) == 1 else { throw cryptoFailure() }
        total += len
        return Sealed(nonce: nonce, ciphertext: Array(out.prefix(Int(total))), tag: tag)
    }

    /// Returns nil when the tag does not verify (wrong key, changed bytes, wrong owner row).
    func open(_ sealed: Sealed, additionalData: [UInt8]) -> [UInt8]? {
        guard sealed.nonce.count == Self.nonceLength, sealed.tag.count == Self.tagLength,
              let ctx = EVP_CIPHER_CTX_new() else { return nil }
        defer { EVP_CIPHER_CTX_free(ctx) }
        var out = [UInt8](repeating: 0, count: sealed.ciphertext.count + 16)
        var tag = sealed.tag
        var len: Int32 = 0
        guard EVP_DecryptInit_ex(ctx, EVP_aes_256_gcm(), nil, nil, nil) == 1,
              EVP_CIPHER_CTX_ctrl(ctx, EVP_CTRL_GCM_SET_IVLEN, Int32(Self.nonceLength), nil) == 1,
              EVP_DecryptInit_ex(ctx, nil, nil, key, sealed.nonce) == 1,
              EVP_DecryptUpdate(ctx, nil, &len, additionalData, Int32(additionalData.count)) == 1,
              EVP_DecryptUpdate(ctx, &out, &len, sealed.ciphertext, Int32(sealed.ciphertext.count)) == 1,
              EVP_CIPHER_CTX_ctrl(ctx, EVP_CTRL_GCM_SET_TAG, Int32(Self.tagLength), &tag) == 1
        else { return nil }
        let total = len
        let verified = out.withUnsafeMutableBufferPointer { buf in
            EVP_DecryptFinal_ex(ctx, buf.baseAddress! + Int(total), &len) == 1
        }
        return verified ? Array(out.prefix(Int(total + len))) : nil
    }

    private func cryptoFailure() -> MigrationError {
        ERR_clear_error()
        return .storage("encrypting a password failed in libcrypto.")
    }
}
