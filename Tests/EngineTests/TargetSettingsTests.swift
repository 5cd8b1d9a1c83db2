// The target setting of a state directory (`<state>/target.conf`): parsing, the owner-only rule, the
// sealed password (never in clear text in the file) and the password file.
@preconcurrency import Glibc
import Foundation
import Testing
import Migration
@testable import Engine

@Suite struct TargetSettingsTests {
    private func write(_ text: String, to path: String, mode: mode_t = 0o600) {
        FileManager.default.createFile(atPath: path, contents: Data(text.utf8))
        chmod(path, mode)
    }

    @Test func noFileMeansTheEmbeddedMaildir() throws {
        let dir = TempDir("target"); defer { dir.remove() }
        let s = try TargetSettings.load(stateDirectory: dir.path)
        #expect(s.kind == .maildir && s.maildirRoot == nil)
        #expect(s.summary(stateDirectory: dir.path) == "Maildir under \(dir.path)/mailboxes")
    }

    @Test func imapSettingsParseWithLoginTemplate() throws {
        let s = try TargetSettings.parse("""
            # the new server
            kind = IMAP
            host = mail.fabrikam.example
            port = 143
            security = tls
            login = {local}*mailadmin
            password-file = /etc/migsh/target.pass
            """)
        #expect(s.kind == .imap && s.host == "mail.fabrikam.example" && s.port == 143 && s.security == .tls)
        #expect(s.login(for: "terry.adams@contoso.com") == "terry.adams*mailadmin")
        let other = try TargetSettings.parse("kind = imap\nhost = h\npassword-file = /p\nlogin = {email}|{domain}")
        #expect(other.login(for: "a@b.example") == "a@b.example|b.example")
    }

    @Test(arguments: [
        ("kind = exchange", "line 1: kind must be maildir or imap"),
        ("kind = imap\nport = 70000", "line 2: port must be 1 to 65535"),
        ("kind = imap\nhost = h", "kind = imap needs a password"),
        ("kind = imap\npassword-file = /p", "kind = imap needs a host"),
        ("kind = imap\nhost = h\npassword = hunter2", "line 3: the password must be sealed"),
        ("colour = blue", "line 1: unknown setting 'colour'"),
        ("just words", "line 1: expected 'key = value'"),
    ])
    func badSettingsAreRefusedWithTheLine(text: String, expected: String) throws {
        let error = #expect(throws: TargetSettings.ConfigError.self) { try TargetSettings.parse(text) }
        #expect(error?.description.contains(expected) == true, "\(error?.description ?? "")")
    }

    @Test func aFileOthersCanReadIsRefused() throws {
        let dir = TempDir("target"); defer { dir.remove() }
        write("kind = maildir\n", to: dir.path + "/target.conf", mode: 0o644)
        let error = #expect(throws: TargetSettings.ConfigError.self) { try TargetSettings.load(stateDirectory: dir.path) }
        #expect(error?.description.contains("readable by its owner only") == true)
        chmod(dir.path + "/target.conf", 0o600)
        #expect(try TargetSettings.load(stateDirectory: dir.path).kind == .maildir)
    }

    @Test func sealedPasswordIsNotInTheFileAndOpensWithTheStateKey() throws {
        let dir = TempDir("target"); defer { dir.remove() }
        let store = MigrationStore(directory: StateDirectory(path: dir.path))
        write("kind = imap\nhost = 127.0.0.1\nlogin = {email}*mailadmin\n", to: dir.path + "/target.conf")
        try TargetSettings.storePassword("Adm1n P@ss", stateDirectory: dir.path, store: store)
        try TargetSettings.storePassword("S3cond P@ss", stateDirectory: dir.path, store: store)   // replaces the first
        let text = try #require(readText(dir.path + "/target.conf"))
        #expect(!text.contains("P@ss"))
        #expect(text.components(separatedBy: "password = sealed:v1:").count == 2)
        #expect(text.hasPrefix("kind = imap\nhost = 127.0.0.1\n"))
        var st = stat()
        #expect(stat(dir.path + "/target.conf", &st) == 0 && st.st_mode & 0o777 == 0o600)
        let s = try TargetSettings.load(stateDirectory: dir.path)
        #expect(try s.password(store: store) == "S3cond P@ss")
        // Another state directory's key does not open it.
        let other = TempDir("target"); defer { other.remove() }
        #expect(throws: (any Error).self) { try s.password(store: MigrationStore(directory: StateDirectory(path: other.path))) }
    }

    @Test func passwordFileMustBeOwnerOnly() throws {
        let dir = TempDir("target"); defer { dir.remove() }
        let store = MigrationStore(directory: StateDirectory(path: dir.path))
        write("secret line\nignored\n", to: dir.path + "/pass", mode: 0o640)
        let s = try TargetSettings.parse("kind = imap\nhost = h\npassword-file = \(dir.path)/pass")
        #expect(throws: TargetSettings.ConfigError.self) { try s.password(store: store) }
        chmod(dir.path + "/pass", 0o400)
        #expect(try s.password(store: store) == "secret line")
    }
}
