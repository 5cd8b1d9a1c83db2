import Foundation
import Testing

/// Golden tests: every `Golden/**/<case>.ps1` runs through the built migsh binary as
/// `migsh -NoProfile -NonInteractive -File <case>.ps1` (cwd = the case's folder,
/// MIGSH_HOME = a fresh temp dir, MIGSH_DRIVE_C = the folder's `drive_c/` if present)
/// and must print exactly `<case>.out` on stdout, `<case>.err` on stderr and exit with
/// `<case>.exit` (a missing file means empty output / exit 0).
///
/// Optional per-case files: `<case>.args` replaces the arguments (one per line, `{case}`
/// is the script's file name), `<case>.stdin` is fed to standard input, the files in the
/// `<case>.home/` folder are copied into MIGSH_HOME.
/// In the actual output, the case folder's absolute path reads `{casedir}` and the state
/// directory `{home}`, so expectations do not depend on where the repository lives.
/// Scripts whose names start with `_` and anything under `drive_c/` or `*.home/` are helpers, not cases.
/// `MIGSH_RECORD_GOLDEN=1` writes the expectation files that are missing (review them!).
@Suite struct GoldenTests {
    @Test func goldenScriptsMatchTheirExpectations() throws {
        let root = GoldenCase.root
        let cases = GoldenCase.discover(in: root)
        #expect(!cases.isEmpty, "no golden cases under \(root.path)")
        let binary = try #require(MigshBinary.locate(), "migsh binary not found: build it first or set MIGSH_BIN")
        let record = ProcessInfo.processInfo.environment["MIGSH_RECORD_GOLDEN"] == "1"

        final class Results: @unchecked Sendable {
            let lock = NSLock()
            var outcomes: [GoldenCase.Outcome?]
            init(_ n: Int) { outcomes = Array(repeating: nil, count: n) }
        }
        let results = Results(cases.count)
        DispatchQueue.concurrentPerform(iterations: cases.count) { i in
            let outcome = cases[i].run(binary: binary, record: record)
            results.lock.lock(); results.outcomes[i] = outcome; results.lock.unlock()
        }
        let outcomes = results.outcomes
        var failed = 0
        for case let outcome? in outcomes where !outcome.problems.isEmpty {
            failed += 1
            Issue.record(Comment(rawValue: "golden case \(outcome.name) failed:\n" + outcome.problems.joined(separator: "\n")))
        }
        let recorded = outcomes.compactMap { $0 }.flatMap(\.recorded)
        if !recorded.isEmpty { print("golden: recorded \(recorded.count) expectation file(s), review them:\n  " + recorded.joined(separator: "\n  ")) }
        print("golden: \(cases.count - failed) of \(cases.count) cases passed")
    }
}

enum MigshBinary {
    /// $MIGSH_BIN, else `migsh` next to the test bundle in the build products directory.
    static func locate() -> URL? {
        if let path = ProcessInfo.processInfo.environment["MIGSH_BIN"], FileManager.default.isExecutableFile(atPath: path) {
            return URL(fileURLWithPath: path)
        }
        var candidates: [URL] = []
        if let exe = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") {
            candidates.append(URL(fileURLWithPath: exe).deletingLastPathComponent())
        }
        candidates.append(Bundle.main.bundleURL.deletingLastPathComponent())
        candidates.append(Bundle.main.bundleURL)
        for dir in candidates {
            var d = dir
            for _ in 0..<4 {
                let bin = d.appendingPathComponent("migsh")
                if FileManager.default.isExecutableFile(atPath: bin.path) { return bin }
                d = d.deletingLastPathComponent()
            }
        }
        return nil
    }
}
