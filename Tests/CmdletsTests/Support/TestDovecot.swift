import Foundation

/// The private Dovecot the tests talk to: the one `Scripts/test` started (its env file is
/// `$MIGSH_TEST_DOVECOT_ENV`), or else one started here with `Scripts/test-dovecot` on first
/// use and stopped by a watcher once the test process has exited.
struct TestDovecot: Sendable {
    let values: [String: String]

    subscript(_ key: String) -> String { values[key] ?? "" }
    var host: String { self["IMAP_HOST"] }
    var plainPort: Int { Int(self["IMAP_PORT"]) ?? 0 }
    var tlsPort: Int { Int(self["IMAPS_PORT"]) ?? 0 }

    static let shared: Result<TestDovecot, Error> = Result { try locate() }

    static func get() throws -> TestDovecot { try shared.get() }

    struct StartFailed: Error, CustomStringConvertible { let description: String }

    private static func locate() throws -> TestDovecot {
        if let path = ProcessInfo.processInfo.environment["MIGSH_TEST_DOVECOT_ENV"], !path.isEmpty {
            return TestDovecot(values: try parse(String(contentsOfFile: path, encoding: .utf8)))
        }
        let dir = NSTemporaryDirectory() + "migcmdlets-dovecot-\(getpid())"
        let script = packageRoot + "/Scripts/test-dovecot"
        // Start it, and leave a watcher that stops it once this test process is gone.
        let command = """
            '\(script)' start '\(dir)' || exit 1
            ( while kill -0 \(getpid()) 2>/dev/null; do sleep 1; done; '\(script)' stop '\(dir)'; rm -rf '\(dir)' ) &
            """
        // posix_spawn + waitpid: Foundation's Process.waitUntilExit can hang inside the test runner.
        var pid: pid_t = 0
        let argv: [UnsafeMutablePointer<CChar>?] = [strdup("/bin/sh"), strdup("-c"), strdup(command), nil]
        defer { argv.forEach { free($0) } }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        guard posix_spawn(&pid, "/bin/sh", &actions, nil, argv, environ) == 0 else {
            throw StartFailed(description: "could not run \(script)")
        }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        guard status == 0 else { throw StartFailed(description: "Scripts/test-dovecot start failed (\(status))") }
        return TestDovecot(values: try parse(String(contentsOfFile: dir + "/env", encoding: .utf8)))
    }

    static var packageRoot: String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().path
    }

    /// Reads the env file's shell lines `KEY=value` / `KEY='value'` (with `'\''` for a quote).
    static func parse(_ text: String) -> [String: String] {
        var out: [String: String] = [:]
        for line in text.split(separator: "\n") {
            guard let eq = line.firstIndex(of: "=") else { continue }
            let key = String(line[..<eq])
            var value = String(line[line.index(after: eq)...])
            if value.hasPrefix("'") && value.hasSuffix("'") && value.count >= 2 {
                value = String(value.dropFirst().dropLast()).replacingOccurrences(of: "'\\''", with: "'")
            }
            out[key] = value
        }
        return out
    }
}
