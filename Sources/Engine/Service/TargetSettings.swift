// Where migrated mail goes: a setting of the state directory, `<state>/target.conf`, so runbooks never
// change. No file means the embedded Maildir target. The file must be private to its owner (it names an
// admin login); the admin password is kept sealed with the state directory's credential key
// (`migsh --set-target-password`) or read from a separate owner-only file, and never logged.
@preconcurrency import Glibc
import Foundation
import IMAP
import Migration

public struct TargetSettings: Equatable, Sendable {
    public enum Kind: String, Sendable { case maildir, imap }
    public enum Security: String, Sendable { case ssl, tls, none }

    public var kind: Kind = .maildir
    /// Maildir: where the users' trees go (default `<state>/mailboxes`).
    public var maildirRoot: String?
    public var host = ""
    public var port = 993
    public var security = Security.ssl
    public var acceptUntrustedCertificates = false
    /// The login per migration user; `{email}`, `{local}` and `{domain}` stand for the user's EmailAddress
    /// and its parts. Dovecot master login: `{email}*admin`.
    public var login = "{email}"
    /// `password = sealed:v1:…` as written by `migsh --set-target-password`.
    public var sealedPassword: String?
    /// `password-file = path`: a file holding the password on its first line, readable by its owner only.
    public var passwordFile: String?

    public init() {}

    public static let fileName = "target.conf"
    /// The purpose a sealed target password is bound to.
    public static let secretPurpose = "target.conf password"

    public struct ConfigError: Error, CustomStringConvertible, Equatable {
        public let description: String
    }

    /// Reads `<state>/target.conf`; the Maildir default when there is none.
    public static func load(stateDirectory: String) throws -> TargetSettings {
        let path = stateDirectory + "/" + fileName
        guard let text = try readPrivateFile(path) else { return TargetSettings() }
        return try parse(text, file: path)
    }

    /// `key = value` lines; `#` starts a comment; keys are case-insensitive.
    public static func parse(_ text: String, file: String = fileName) throws -> TargetSettings {
        var s = TargetSettings()
        for (n, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line.isEmpty || line.hasPrefix("#") { continue }
            func bad(_ why: String) -> ConfigError { ConfigError(description: "\(file) line \(n + 1): \(why)") }
            guard let eq = line.firstIndex(of: "=") else { throw bad("expected 'key = value'") }
            let key = line[..<eq].trimmingCharacters(in: .whitespaces).lowercased()
            let value = line[line.index(after: eq)...].trimmingCharacters(in: .whitespaces)
            switch key {
            case "kind":
                guard let k = Kind(rawValue: value.lowercased()) else { throw bad("kind must be maildir or imap") }
                s.kind = k
            case "root": s.maildirRoot = value
            case "host": s.host = value
            case "port":
                guard let p = Int(value), (1...65535).contains(p) else { throw bad("port must be 1 to 65535") }
                s.port = p
            case "security":
                guard let v = Security(rawValue: value.lowercased()) else { throw bad("security must be ssl, tls or none") }
                s.security = v
            case "accept-untrusted-certificates":
                guard let b = ["true": true, "yes": true, "false": false, "no": false][value.lowercased()] else {
                    throw bad("accept-untrusted-certificates must be true or false")
                }
                s.acceptUntrustedCertificates = b
            case "login": s.login = value
            case "password":
                guard value.hasPrefix(MigrationStore.sealedSecretPrefix) else {
                    throw bad("the password must be sealed: set it with 'migsh --set-target-password', or use password-file")
                }
                s.sealedPassword = value
            case "password-file": s.passwordFile = value
            default: throw bad("unknown setting '\(key)'")
            }
        }
        if s.kind == .imap {
            if s.host.isEmpty { throw ConfigError(description: "\(file): kind = imap needs a host") }
            if s.sealedPassword == nil && s.passwordFile == nil {
                throw ConfigError(description: "\(file): kind = imap needs a password (migsh --set-target-password) or a password-file")
            }
        }
        return s
    }

    /// For the service log (never the password).
    public func summary(stateDirectory: String) -> String {
        switch kind {
        case .maildir: "Maildir under \(maildirRoot ?? stateDirectory + "/mailboxes")"
        case .imap: "IMAP \(host):\(port) (\(security.rawValue)), login \(login)"
        }
    }

    /// The target login of a migration user.
    public func login(for emailAddress: String) -> String {
        let at = emailAddress.lastIndex(of: "@")
        let local = at.map { String(emailAddress[..<$0]) } ?? emailAddress
        let domain = at.map { String(emailAddress[emailAddress.index(after: $0)...]) } ?? ""
        return login.replacingOccurrences(of: "{email}", with: emailAddress)
            .replacingOccurrences(of: "{local}", with: local).replacingOccurrences(of: "{domain}", with: domain)
    }

    /// The admin password: unsealed with the state directory's key, or read from the password file.
    public func password(store: MigrationStore) throws -> String {
        if let sealed = sealedPassword { return try store.openSecret(sealed, purpose: Self.secretPurpose) }
        guard let path = passwordFile, let text = try Self.readPrivateFile(path) else {
            throw ConfigError(description: "the target password file '\(passwordFile ?? "")' does not exist")
        }
        return String(text.split(separator: "\n", omittingEmptySubsequences: false).first ?? "")
    }

    /// The file's text, nil when it does not exist; refuses a file others may read or that someone else owns.
    static func readPrivateFile(_ path: String) throws -> String? {
        var st = stat()
        guard stat(path, &st) == 0 else {
            if errno == ENOENT { return nil }
            throw ConfigError(description: "\(path): \(String(cString: strerror(errno)))")
        }
        guard st.st_uid == geteuid() else { throw ConfigError(description: "\(path) must belong to the user running migsh") }
        guard st.st_mode & 0o077 == 0 else {
            throw ConfigError(description: "\(path) must be readable by its owner only (chmod 600 '\(path)')")
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ConfigError(description: "\(path) cannot be read")
        }
        return String(decoding: data, as: UTF8.self)
    }

    /// Stores a sealed password in `<state>/target.conf` (replacing any `password` line, creating the file
    /// owner-only). For `migsh --set-target-password`.
    public static func storePassword(_ password: String, stateDirectory: String, store: MigrationStore) throws {
        let path = stateDirectory + "/" + fileName
        let sealed = try store.sealSecret(password, purpose: secretPurpose)
        var lines = (try readPrivateFile(path) ?? "").split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        lines.removeAll { line in
            line.split(separator: "=", maxSplits: 1).first.map { $0.trimmingCharacters(in: .whitespaces).lowercased() } == "password"
        }
        while lines.last == "" { lines.removeLast() }
        lines.append("password = \(sealed)")
        let tmp = path + ".tmp.\(getpid())"
        let fd = open(tmp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw ConfigError(description: "\(tmp): \(String(cString: strerror(errno)))") }
        let text = lines.joined(separator: "\n") + "\n"
        let ok = text.withCString { write(fd, $0, strlen($0)) } == text.utf8.count && fsync(fd) == 0
        close(fd)
        guard ok, rename(tmp, path) == 0 else {
            unlink(tmp)
            throw ConfigError(description: "\(path) could not be written")
        }
    }
}
