// The project's private test Dovecot (Scripts/test-dovecot): the engine's tests start one of their own
// (they write to its accounts); `TestDovecot()` alone would reuse the one named by $MIGSH_TEST_DOVECOT_ENV.
@preconcurrency import Glibc
import Testing
@testable import Engine

/// Every engine suite that talks to Dovecot, run one after the other: they share one private instance and
/// its accounts.
@Suite(.serialized) struct EngineDovecotSuites {}

/// The private instance of this test process, stopped when the process exits.
nonisolated(unsafe) private var sharedDovecot: TestDovecot?
nonisolated(unsafe) private var sharedDovecotError: (any Error)?
private let sharedDovecotOnce: Void = {
    do { sharedDovecot = try TestDovecot(reuseEnvironment: false) } catch { sharedDovecotError = error }
    atexit { sharedDovecot?.stop() }
}()

final class TestDovecot {
    /// One private Dovecot for the whole test process (the engine's tests write to its accounts, so they do
    /// not share the instance other test targets use).
    static func shared() throws -> TestDovecot {
        _ = sharedDovecotOnce
        if let e = sharedDovecotError { throw e }
        return sharedDovecot!
    }

    let envFile: String
    let env: [String: String]
    private let ownDir: TempDir?

    var directory: String { String(envFile[..<envFile.lastIndex(of: "/")!]) }
    var configPath: String { directory + "/dovecot.conf" }
    var port: Int { Int(env["IMAPS_PORT"] ?? "") ?? 0 }

    init(reuseEnvironment: Bool = true) throws {
        if reuseEnvironment, let path = getenv("MIGSH_TEST_DOVECOT_ENV").map({ String(cString: $0) }), Posix.exists(path) {
            envFile = path
            ownDir = nil
        } else {
            let dir = TempDir("dovecot")
            let script = Self.repoRoot + "/Scripts/test-dovecot"
            let (status, output) = run("'\(script)' start '\(dir.path)' 2>&1")
            guard status == 0 else { dir.remove(); throw StoreError.store("test-dovecot failed: \(output)") }
            envFile = dir.path + "/env"
            ownDir = dir
        }
        env = Self.parseEnv(readText(envFile) ?? "")
    }

    func stop() {
        guard let dir = ownDir else { return }
        _ = run("'\(Self.repoRoot)/Scripts/test-dovecot' stop '\(dir.path)' >/dev/null 2>&1")
        dir.remove()
    }

    static var repoRoot: String {
        var path = #filePath
        for _ in 0..<3 { path = String(path[..<path.lastIndex(of: "/")!]) }
        return path
    }

    /// KEY='VALUE' lines, with the shell's '\'' escape.
    static func parseEnv(_ text: String) -> [String: String] {
        var out: [String: String] = [:]
        for line in text.split(separator: "\n") {
            guard let eq = line.firstIndex(of: "=") else { continue }
            var value = String(line[line.index(after: eq)...])
            if value.hasPrefix("'") && value.hasSuffix("'") && value.count >= 2 {
                value = String(value.dropFirst().dropLast()).replacingOccurrences("'\\''", "'")
            }
            out[String(line[..<eq])] = value
        }
        return out
    }
}

/// Runs a shell command and returns its exit status and standard output.
func run(_ command: String) -> (Int32, String) {
    guard let pipe = popen(command, "r") else { return (-1, "") }
    var out: [UInt8] = []
    var buf = [UInt8](repeating: 0, count: 65536)
    while true {
        let n = fread(&buf, 1, buf.count, pipe)
        if n <= 0 { break }
        out += buf[0..<n]
    }
    let status = pclose(pipe)
    return ((status >> 8) & 0xFF, String(decoding: out, as: UTF8.self))
}
