import Foundation

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

    static func run(_ binary: URL, arguments: [String], directory: URL, environment: [String: String],
                    stdin: Data?, timeout: TimeInterval) throws -> ProcessResult {
        let p = Process()
        p.executableURL = binary
        p.arguments = arguments
        p.currentDirectoryURL = directory
        p.environment = environment
        let out = Pipe(), err = Pipe(), input = Pipe()
        p.standardOutput = out
        p.standardError = err
        p.standardInput = stdin == nil ? FileHandle.nullDevice : input
        try p.run()
        if let stdin {
            input.fileHandleForWriting.write(stdin)
            try? input.fileHandleForWriting.close()
        }
        // Read both pipes concurrently so a full pipe never blocks the child.
        nonisolated(unsafe) var errData = Data()
        let group = DispatchGroup()
        group.enter()
        DispatchQueue.global().async {
            errData = err.fileHandleForReading.readDataToEndOfFile()
            group.leave()
        }
        final class Flag: @unchecked Sendable { var raised = false }
        let expired = Flag()
        let timer = DispatchWorkItem { if p.isRunning { expired.raised = true; p.terminate() } }
        DispatchQueue.global().asyncAfter(deadline: .now() + timeout, execute: timer)
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        p.waitUntilExit()
        timer.cancel()
        let timedOut = expired.raised
        return ProcessResult(stdout: String(decoding: outData, as: UTF8.self), stderr: String(decoding: errData, as: UTF8.self),
                             status: p.terminationStatus, timedOut: timedOut)
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
