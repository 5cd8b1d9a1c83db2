import Foundation

/// SecureString and PSCredential objects. The plain text never sits in a property (so it is
/// never printed, exported or serialized); it is kept beside the object and read through
/// `plainText(of:)` or the pwsh-compatible `$cred.GetNetworkCredential().Password`.
public enum SecureText {
    public static let secureStringType = "System.Security.SecureString"
    public static let credentialType = "System.Management.Automation.PSCredential"

    private final class Store: @unchecked Sendable {
        let lock = NSLock()
        var secrets: [ObjectIdentifier: (object: PSObject, text: String)] = [:]
    }
    private static let store = Store()

    /// A SecureString holding `text`.
    public static func secureString(_ text: String) -> Value {
        let o = PSObject(typeNames: [secureStringType, "System.Object"], properties: [("Length", .int(text.count))])
        o.toStringValue = secureStringType
        store.lock.lock()
        store.secrets[ObjectIdentifier(o)] = (o, text)   // keeps the object alive with its secret
        store.lock.unlock()
        return .object(o)
    }

    /// The text of a SecureString (or of a plain string, which some runbooks pass instead).
    public static func plainText(of value: Value) -> String? {
        switch value {
        case .string(let s): return s
        case .object(let o):
            if o.typeNames.contains(credentialType), let pw = o["Password"] { return plainText(of: pw) }
            store.lock.lock(); defer { store.lock.unlock() }
            return store.secrets[ObjectIdentifier(o)]?.text
        default: return nil
        }
    }

    /// A PSCredential: UserName and a SecureString Password; GetNetworkCredential() as in .NET.
    public static func credential(userName: String, password: Value) -> Value {
        let secure: Value
        if case .object(let o) = password, o.typeNames.contains(secureStringType) { secure = password }
        else { secure = secureString(plainText(of: password) ?? Conversion.toString(password)) }
        let o = PSObject(typeNames: [credentialType, "System.Object"], properties: [("UserName", .string(userName)), ("Password", secure)])
        o.toStringValue = credentialType
        o.methods["GetNetworkCredential"] = { obj, _ in
            let user = Conversion.toString(obj["UserName"] ?? .null)
            let parts = user.split(separator: "\\", maxSplits: 1).map(String.init)
            let n = PSObject(typeNames: ["System.Net.NetworkCredential", "System.Object"], properties: [
                ("UserName", .string(parts.count == 2 ? parts[1] : user)),
                ("Password", .string(plainText(of: obj["Password"] ?? .null) ?? "")),
                ("Domain", .string(parts.count == 2 ? parts[0] : ""))])
            return .object(n)
        }
        return .object(o)
    }

    /// The user name of a PSCredential value, when it is one.
    public static func userName(of value: Value) -> String? {
        guard case .object(let o) = value, o.typeNames.contains(credentialType) else { return nil }
        return o["UserName"].map { Conversion.toString($0) }
    }
}
