import Foundation
@testable import IMAP

/// The private Dovecot the integration tests use: from `$MIGSH_TEST_DOVECOT_ENV` when the test command started
/// one, otherwise started once per machine user by `Scripts/test-dovecot` in a fixed temp directory and reused
/// by later runs while its pid is alive.
struct TestDovecot: Sendable {
    let values: [String: String]

    static let shared: TestDovecot = {
        if let path = ProcessInfo.processInfo.environment["MIGSH_TEST_DOVECOT_ENV"] {
            return TestDovecot(values: parseEnvFile(path))
        }
        let dir = NSTemporaryDirectory() + "migsh-imap-tests-\(getuid())"
        let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Scripts/test-dovecot").path
        let envFile = dir + "/env"
        if run(script, ["status", dir]) != 0 || !FileManager.default.fileExists(atPath: envFile) {
            let rc = run(script, ["start", dir])
            precondition(rc == 0, "Scripts/test-dovecot start \(dir) failed")
        }
        return TestDovecot(values: parseEnvFile(envFile))
    }()

    /// Runs `bash path args...` and waits for it. posix_spawn, not Foundation's Process: the script leaves a
    /// daemon behind, and Process.waitUntilExit can wait for that daemon's inherited descriptors.
    private static func run(_ path: String, _ args: [String]) -> Int32 {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        let argv = (["/bin/bash", path] + args).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid: pid_t = 0
        guard posix_spawn(&pid, "/bin/bash", &actions, nil, argv, environ) == 0 else { return -1 }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        return (status & 0x7f) == 0 ? (status >> 8) & 0xff : -1
    }

    /// Reads `KEY=VALUE` / `KEY='VALUE'` lines (shell single quotes with `'\''` escapes).
    static func parseEnvFile(_ path: String) -> [String: String] {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
            preconditionFailure("cannot read \(path)")
        }
        var out: [String: String] = [:]
        for line in text.split(separator: "\n") {
            guard let eq = line.firstIndex(of: "=") else { continue }
            let key = String(line[..<eq])
            var raw = Substring(line[line.index(after: eq)...])
            var value = ""
            while !raw.isEmpty {
                if raw.first == "'" {
                    raw = raw.dropFirst()
                    let close = raw.firstIndex(of: "'") ?? raw.endIndex
                    value += raw[..<close]
                    raw = close < raw.endIndex ? raw[raw.index(after: close)...] : ""
                } else if raw.first == "\\" {
                    raw = raw.dropFirst()
                    if let c = raw.first { value.append(c); raw = raw.dropFirst() }
                } else {
                    value.append(raw.first!); raw = raw.dropFirst()
                }
            }
            out[key] = value
        }
        return out
    }

    subscript(_ key: String) -> String { values[key] ?? "" }
    var host: String { self["IMAP_HOST"] }
    var plainPort: Int { Int(self["IMAP_PORT"])! }
    var tlsPort: Int { Int(self["IMAPS_PORT"])! }
    var caFile: String { self["IMAP_CA_FILE"] }
    var bundle: String { self["IMAP_CA_BUNDLE"] }
    var masterUser: String { self["IMAP_MASTER_USER"] }
    var masterPassword: String { self["IMAP_MASTER_PASSWORD"] }
    func user(_ n: Int) -> (name: String, password: String) { (self["IMAP_USER\(n)"], self["IMAP_PASSWORD\(n)"]) }

    /// Options for a plain connection with short timeouts.
    func options(_ security: Security = .none, tls: TLSConfiguration? = nil, timeout: Duration = .seconds(10))
        -> ConnectionOptions
    {
        ConnectionOptions(security: security, tls: tls ?? TLSConfiguration(additionalCAFile: caFile),
                          connectTimeout: timeout, readTimeout: timeout)
    }

    /// A logged-in plain connection as user n.
    func login(_ n: Int) throws -> IMAPConnection {
        let c = try IMAPConnection.connect(host: host, port: plainPort, options: options())
        let u = user(n)
        try c.login(user: u.name, password: u.password)
        return c
    }
}
