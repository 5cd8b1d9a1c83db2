import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// One golden case: a script with its expected stdout, stderr and exit code.
struct GoldenCase: Sendable {
    let script: URL
    var name: String {
        let rootPath = GoldenCase.root.path + "/"
        return script.path.hasPrefix(rootPath) ? String(script.path.dropFirst(rootPath.count)) : script.path
    }
    var folder: URL { script.deletingLastPathComponent() }
    func sibling(_ ext: String) -> URL { script.deletingPathExtension().appendingPathExtension(ext) }

    static var root: URL { URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden") }

    static func discover(in root: URL) -> [GoldenCase] {
        guard let walker = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil) else { return [] }
        var cases: [GoldenCase] = []
        for case let url as URL in walker {
            if url.lastPathComponent == "drive_c" || url.pathExtension == "home" { walker.skipDescendants(); continue }
            guard url.pathExtension == "ps1", !url.lastPathComponent.hasPrefix("_") else { continue }
            cases.append(GoldenCase(script: url.standardizedFileURL))
        }
        return cases.sorted { $0.script.path < $1.script.path }
    }

    struct Outcome: Sendable {
        var name: String
        var problems: [String] = []
        var recorded: [String] = []
    }

    func run(binary: URL, record: Bool) -> Outcome {
        var outcome = Outcome(name: name)
        let fm = FileManager.default
        let home = fm.temporaryDirectory.appendingPathComponent("migsh-golden-\(UUID().uuidString)")
        try? fm.createDirectory(at: home, withIntermediateDirectories: true)
        defer { try? fm.removeItem(at: home) }
        // `<case>.home/` seeds the state directory (a profile.ps1, for instance).
        let seed = script.deletingPathExtension().appendingPathExtension("home")
        if let items = try? fm.contentsOfDirectory(atPath: seed.path) {
            for item in items {
                try? fm.copyItem(at: seed.appendingPathComponent(item), to: home.appendingPathComponent(item))
            }
        }

        var arguments = ["-NoProfile", "-NonInteractive", "-File", script.lastPathComponent]
        if let text = try? String(contentsOf: sibling("args"), encoding: .utf8) {
            arguments = text.split(separator: "\n", omittingEmptySubsequences: false).map {
                $0.replacingOccurrences(of: "{case}", with: script.lastPathComponent)
            }
            if arguments.last == "" { arguments.removeLast() }
        }
        var environment = ProcessInfo.processInfo.environment
        environment["MIGSH_HOME"] = home.path
        // Cases check what the cmdlets print; a background migration service would make statuses timing-dependent.
        environment["MIGSH_NO_SERVICE"] = "1"
        environment.removeValue(forKey: "MIGSH_DRIVE_C")
        let driveC = folder.appendingPathComponent("drive_c")
        if fm.fileExists(atPath: driveC.path) { environment["MIGSH_DRIVE_C"] = driveC.path }

        let result: ProcessResult
        do {
            result = try ProcessResult.run(binary, arguments: arguments, directory: folder, environment: environment,
                                           stdin: try? Data(contentsOf: sibling("stdin")), timeout: 60)
        } catch {
            outcome.problems.append("could not run migsh: \(error)")
            return outcome
        }
        // A case may have started the background migration service for its state directory: stop it
        // before the directory goes away.
        _ = try? ProcessResult.run(binary, arguments: ["--service-stop"], directory: folder, environment: environment,
                                   stdin: nil, timeout: 35)
        if result.timedOut { outcome.problems.append("timed out after 60 s") }
        let normalize = { (s: String) in
            s.replacingOccurrences(of: folder.path, with: "{casedir}").replacingOccurrences(of: home.path, with: "{home}")
        }
        let actual: [(String, String)] = [
            ("out", normalize(result.stdout)), ("err", normalize(result.stderr)),
            ("exit", result.status == 0 ? "" : "\(result.status)\n"),
        ]
        for (ext, text) in actual {
            let file = sibling(ext)
            if let expected = try? String(contentsOf: file, encoding: .utf8) {
                let want = ext == "exit" ? (expected.trimmingCharacters(in: .whitespacesAndNewlines) == "0" ? "" : expected.trimmingCharacters(in: .whitespacesAndNewlines) + "\n") : expected
                if want != text { outcome.problems.append(TextDiff.describe(label: ext, expected: want, actual: text)) }
            } else if !text.isEmpty {
                if record {
                    try? text.write(to: file, atomically: true, encoding: .utf8)
                    outcome.recorded.append(name + " -> ." + ext)
                } else {
                    outcome.problems.append(TextDiff.describe(label: ext + " (no ." + ext + " file)", expected: "", actual: text))
                }
            }
        }
        return outcome
    }
}

/// A child process run to completion with its output captured.
struct ProcessResult {
    var stdout: String
    var stderr: String
    var status: Int32
    var timedOut: Bool

    /// posix_spawn + waitpid rather than Foundation's Process: Foundation notices the child's
    /// exit through a descriptor that a process migsh starts in the background (the migration
    /// service) inherits, so it would wait for that one too. Output goes to files for the same reason.
    static func run(_ binary: URL, arguments: [String], directory: URL, environment: [String: String],
                    stdin: Data?, timeout: TimeInterval) throws -> ProcessResult {
        let fm = FileManager.default
        let scratch = fm.temporaryDirectory.appendingPathComponent("migsh-run-\(UUID().uuidString)")
        try fm.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? fm.removeItem(at: scratch) }
        let outPath = scratch.appendingPathComponent("out").path, errPath = scratch.appendingPathComponent("err").path
        var inPath = "/dev/null"
        if let stdin {
            inPath = scratch.appendingPathComponent("in").path
            try stdin.write(to: URL(fileURLWithPath: inPath))
        }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, inPath, O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, outPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, errPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        // The shell only changes directory, then becomes migsh.
        let argv = ["/bin/sh", "-c", "cd \"$0\" && exec \"$@\"", directory.path, binary.path] + arguments
        let cArgs = argv.map { strdup($0) } + [nil]
        let cEnv = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { (cArgs + cEnv).forEach { free($0) } }
        var pid: pid_t = 0
        let rc = posix_spawn(&pid, "/bin/sh", &actions, nil, cArgs, cEnv)
        guard rc == 0 else { throw CocoaError(.executableLoad) }

        var status: Int32 = 0
        var timedOut = false
        let deadline = Date().addingTimeInterval(timeout)
        while waitpid(pid, &status, WNOHANG) == 0 {
            if Date() > deadline {
                timedOut = true
                kill(pid, SIGKILL)
                _ = waitpid(pid, &status, 0)
                break
            }
            usleep(5_000)
        }
        // WIFEXITED / WEXITSTATUS, spelled out (the C macros do not import).
        let code: Int32 = (status & 0x7F) == 0 ? (status >> 8) & 0xFF : 128 + (status & 0x7F)
        return ProcessResult(stdout: String(decoding: (try? Data(contentsOf: URL(fileURLWithPath: outPath))) ?? Data(), as: UTF8.self),
                             stderr: String(decoding: (try? Data(contentsOf: URL(fileURLWithPath: errPath))) ?? Data(), as: UTF8.self),
                             status: code, timedOut: timedOut)
    }
}

/// A readable line diff for failure reports.
enum TextDiff {
    static func describe(label: String, expected: String, actual: String) -> String {
        let e = expected.components(separatedBy: "\n"), a = actual.components(separatedBy: "\n")
        var lines = ["  --- expected .\(label)  +++ actual"]
        let n = max(e.count, a.count)
        for i in 0..<n {
            let x = i < e.count ? e[i] : nil, y = i < a.count ? a[i] : nil
            if x == y { lines.append("    " + (x ?? "")) ; continue }
            if let x { lines.append("  - " + visible(x)) }
            if let y { lines.append("  + " + visible(y)) }
        }
        return lines.joined(separator: "\n")
    }

    /// Makes trailing blanks and control characters visible.
    private static func visible(_ s: String) -> String {
        var out = s.replacingOccurrences(of: "\u{1B}", with: "\\e").replacingOccurrences(of: "\r", with: "\\r").replacingOccurrences(of: "\t", with: "\\t")
        if out.hasSuffix(" ") { out += "⏎" }
        return out
    }
}
