import Foundation
import Testing

/// The interactive shell driven through a pseudo-terminal by `pty_session.py`:
/// prompt, Tab completion, `>>` continuation, Ctrl-C, Ctrl-D, history across restarts.
@Suite(.serialized) struct ReplPtyTests {
    enum Step {
        case send(String)
        case expect(String, timeout: Double = 10)
        case sleep(Double)
        case waitExit(Double)

        var json: [String: Any] {
            switch self {
            case .send(let s): return ["send": s]
            case .expect(let r, let t): return ["expect": r, "timeout": t]
            case .sleep(let s): return ["sleep": s]
            case .waitExit(let s): return ["wait_exit": s]
            }
        }
    }

    struct Report {
        var steps: [(ok: Bool, detail: String)]
        var transcript: String
        /// The output with its escape sequences (colours).
        var raw: String
        var exit: Int?
    }

    static let prompt = #"PS /[^\n]*> $"#

    /// Waits for a prompt, then a moment more: libedit switches the terminal to raw mode
    /// around the prompt, and keys sent before that could be dropped.
    static func atPrompt(_ pattern: String = prompt, timeout: Double = 10) -> [Step] {
        [.expect(pattern, timeout: timeout), .sleep(0.15)]
    }

    func session(home: URL, arguments: [String] = ["-NoProfile", "-NoLogo"], _ steps: [Step]) throws -> Report {
        let binary = try #require(MigshBinary.locate(), "migsh binary not found: build it first or set MIGSH_BIN")
        let helper = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("pty_session.py")
        let scenario: [String: Any] = [
            "binary": binary.path, "args": arguments, "cwd": home.path,
            "env": ["MIGSH_HOME": home.appendingPathComponent("state").path, "TERM": "xterm"], "steps": steps.map(\.json),
        ]
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = ["python3", helper.path]
        let input = Pipe(), output = Pipe()
        p.standardInput = input
        p.standardOutput = output
        try p.run()
        input.fileHandleForWriting.write(try JSONSerialization.data(withJSONObject: scenario))
        try input.fileHandleForWriting.close()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        let json = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any], "pty helper gave no report")
        let steps = (json["steps"] as? [[String: Any]] ?? []).map { ($0["ok"] as? Bool ?? false, $0["detail"] as? String ?? "") }
        return Report(steps: steps, transcript: json["transcript"] as? String ?? "", raw: json["raw"] as? String ?? "",
                      exit: json["exit"] as? Int)
    }

    func check(_ report: Report, expectedSteps: Int) {
        #expect(report.steps.count == expectedSteps, "stopped early; transcript:\n\(report.transcript)")
        for step in report.steps where !step.ok {
            Issue.record(Comment(rawValue: step.detail + "\ntranscript:\n" + report.transcript))
        }
    }

    func makeHome() throws -> URL {
        let home = FileManager.default.temporaryDirectory.appendingPathComponent("migsh-pty-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
        return home
    }

    @Test func completionContinuationAndCtrlD() throws {
        let home = try makeHome()
        defer { try? FileManager.default.removeItem(at: home) }
        try "'sample'".write(to: home.appendingPathComponent("runbook-sample.ps1"), atomically: true, encoding: .utf8)
        let steps: [Step] = Self.atPrompt() + [
            // Command name: "out-stri" + Tab completes to "Out-String ".
            .send("out-stri\t"), .expect("Out-String $"),
            .send("-InputObject 'completed'\r"), .expect(#"\ncompleted\n"#)] + Self.atPrompt() + [
            // Parameter name: "-Str" + Tab completes to "-Stream ".
            .send("Out-String -Str\t"), .expect("-Stream $"), .send("\r")] + Self.atPrompt() + [
            // A parameter's declared values: "-Encoding uni" + Tab gives "unicode".
            .send("Out-File -Encoding uni\t"), .expect("-Encoding unicode $"), .send("\u{03}")] + Self.atPrompt() + [
            // File names, case-insensitively as on Windows.
            .send("Out-File -FilePath ./RUNB\t"), .expect("./runbook-sample.ps1 $"), .send("\u{03}")] + Self.atPrompt() + [
            // Functions defined in the session complete like commands.
            .send("function Get-MyBatch { 'mine' }\r")] + Self.atPrompt() + [
            .send("get-myb\t"), .expect("Get-MyBatch $"), .send("\r"), .expect(#"\nmine\n"#)] + Self.atPrompt() + [
            // A prompt function replaces the prompt.
            .send("function prompt { 'custom> ' }\r"), .expect("custom> $"), .sleep(0.15),
            .send("function prompt { \"PS $(Get-Location)> \" }\r")]
            + Self.atPrompt() + [
            // An open block asks for more with ">> ".
            .send("if ($true) {\r")] + Self.atPrompt(">> $") + [
            .send("'inside'\r")] + Self.atPrompt(">> $") + [
            .send("}\r"), .expect(#"\ninside\n"#)] + Self.atPrompt() + [
            .send("\u{04}"), .waitExit(5),
        ]
        let report = try session(home: home, steps)
        check(report, expectedSteps: steps.count)
        #expect(report.exit == 0)
    }

    @Test func ctrlCCancelsTheLineAndRunningPipelines() throws {
        let home = try makeHome()
        defer { try? FileManager.default.removeItem(at: home) }
        let steps: [Step] = Self.atPrompt() + [
            .send("Write-Output 'typed but cancelled'"), .sleep(0.2), .send("\u{03}")] + Self.atPrompt() + [
            .send("'alive 1'\r"), .expect(#"\nalive 1\n"#)] + Self.atPrompt() + [
            .send("$n = 0; while ($true) { $n++ }\r"), .sleep(0.7), .send("\u{03}")] + Self.atPrompt(timeout: 5) + [
            .send("'alive 2'\r"), .expect(#"\nalive 2\n"#)] + Self.atPrompt() + [
            .send("Start-Sleep 100\r"), .sleep(0.7), .send("\u{03}")] + Self.atPrompt(timeout: 5) + [
            .send("'alive 3'\r"), .expect(#"\nalive 3\n"#)] + Self.atPrompt() + [
            // On a terminal Write-Host colours and errors are red.
            .send("Write-Host 'in green' -ForegroundColor Green\r"), .expect(#"\nin green\n"#)] + Self.atPrompt() + [
            .send("throw 'red alert'\r"), .expect(#"\nException: red alert\n"#)] + Self.atPrompt() + [
            .send("exit 4\r"), .waitExit(5),
        ]
        let report = try session(home: home, steps)
        check(report, expectedSteps: steps.count)
        #expect(!report.transcript.contains("typed but cancelled\n"))
        #expect(report.raw.contains("\u{1B}[92min green\u{1B}[0m"))
        #expect(report.raw.contains("\u{1B}[31;1mException: red alert"))
        // Every command really ran (Start-Sleep was stopped, not missing).
        #expect(!report.transcript.contains("is not recognized"))
        #expect(report.exit == 4)
    }

    @Test func ctrlCStopsARunningScript() throws {
        let home = try makeHome()
        defer { try? FileManager.default.removeItem(at: home) }
        let script = home.appendingPathComponent("long.ps1")
        try "'started'\nStart-Sleep 100\n'not reached'\n".write(to: script, atomically: true, encoding: .utf8)
        let steps: [Step] = [.expect("started"), .sleep(0.5), .send("\u{03}"), .waitExit(5)]
        let report = try session(home: home, arguments: ["-NoProfile", "-File", script.path], steps)
        check(report, expectedSteps: steps.count)
        #expect(report.exit == 1)
        #expect(!report.transcript.contains("not reached"))
    }

    @Test func historySurvivesARestart() throws {
        let home = try makeHome()
        defer { try? FileManager.default.removeItem(at: home) }
        let firstSteps: [Step] = Self.atPrompt() + [.send("'history marker'\r"), .expect(#"\nhistory marker\n"#)]
            + Self.atPrompt() + [.send("\u{04}"), .waitExit(5)]
        let first = try session(home: home, firstSteps)
        check(first, expectedSteps: firstSteps.count)
        // MIGSH_HOME did not exist: migsh created it, private to its owner.
        let state = home.appendingPathComponent("state")
        let attributes = try FileManager.default.attributesOfItem(atPath: state.path)
        #expect((attributes[.posixPermissions] as? Int).map { $0 & 0o777 } == 0o700)
        let history = try String(contentsOf: state.appendingPathComponent("history"), encoding: .utf8)
        #expect(history.hasPrefix("_HiStOrY_V2_"))
        // Up arrow recalls the previous session's line; Enter runs it again.
        let secondSteps: [Step] = Self.atPrompt() + [.send("\u{1B}[A"), .expect("'history marker'"), .send("\r"),
            .expect(#"\nhistory marker\n"#)] + Self.atPrompt() + [.send("\u{04}"), .waitExit(5)]
        let second = try session(home: home, secondSteps)
        check(second, expectedSteps: secondSteps.count)
    }
}
