import Foundation

/// Secrets of the state directory other than the CSV passwords (e.g. the target server's admin password
/// in target.conf), sealed with the same key and cipher as the credentials. The text form is
/// "sealed:v1:" + base64(nonce | ciphertext | tag); `purpose` is bound in as additional data, so a value
/// sealed for one setting does not open as another.
extension MigrationStore {
    public static let sealedSecretPrefix = "sealed:v1:"

    public func sealSecret(_ plaintext: String, purpose: String) throws -> String {
        let sealed = try box().seal(Array(plaintext.utf8), additionalData: Array(purpose.utf8))
        return Self.sealedSecretPrefix + Data(sealed.nonce + sealed.ciphertext + sealed.tag).base64EncodedString()
    }

    /// Throws when the text is not a sealed value or does not open with this directory's key.
    public func openSecret(_ text: String, purpose: String) throws -> String {
        let failure = MigrationError.storage("a sealed secret for \(purpose) does not open with this state directory's key.")
        guard text.hasPrefix(Self.sealedSecretPrefix),
              let data = Data(base64Encoded: String(text.dropFirst(Self.sealedSecretPrefix.count))),
              data.count >= SecretBox.nonceLength + SecretBox.tagLength else { throw failure }
        let bytes = [UInt8](data)
        let sealed = SecretBox.Sealed(nonce: Array(bytes.prefix(SecretBox.nonceLength)),
                                      ciphertext: Array(bytes.dropFirst(SecretBox.nonceLength).dropLast(SecretBox.tagLength)),
                                      tag: Array(bytes.suffix(SecretBox.tagLength)))
        guard let plain = try box().open(sealed, additionalData: Array(purpose.utf8)) else { throw failure }
        return String(decoding: plain, as: UTF8.self)
    }
}
