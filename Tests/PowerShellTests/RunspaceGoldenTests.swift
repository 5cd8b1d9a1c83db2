import Foundation
import Testing
@testable import PowerShell

/// Runs the language and binding golden cases in-process (real builtins, formatter, runtime
/// and error views), so interpreter changes are checked without building the CLI.
/// `MIGSH_RECORD_GOLDEN=1` writes missing expectation files (review them).
@Suite struct RunspaceGoldenTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("migshTests/Golden")

    static func cases() -> [String] {
        var out: [String] = []
        for area in ["language", "binding"] {
            let dir = root.appendingPathComponent(area)
            let names = (try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []
            for n in names.sorted() where n.hasSuffix(".ps1") && !n.hasPrefix("_") {
                out.append("\(area)/\(n)")
            }
        }
        return out
    }

    @Test func casesExist() { #expect(Self.cases().count >= 20) }

    @Test(arguments: cases())
    func golden(_ name: String) throws {
        let script = Self.root.appendingPathComponent(name)
        let dir = script.deletingLastPathComponent()
        let base = script.deletingPathExtension().path
        let host = CaptureHost()
        let registry = CommandRegistry()
        BuiltinCommands.register(in: registry)
        registry.register(FormatCommands.all)
        for (alias, target) in FormatCommands.aliases { registry.registerAlias(alias, for: target) }
        let rs = Runspace(host: host, registry: registry)
        rs.session.currentDirectory = dir.path
        var args: [Value] = []
        if let lines = try? String(contentsOfFile: base + ".args", encoding: .utf8) {
            let parts = lines.split(separator: "\n").map(String.init)
            if let file = parts.firstIndex(of: "{case}") { args = parts[(file + 1)...].map { .string($0) } }
        }
        let drive = dir.appendingPathComponent("drive_c").path
        if FileManager.default.fileExists(atPath: drive) { setenv("MIGSH_DRIVE_C", drive, 1) }
        let code = rs.runFile(path: script.path, arguments: args)
        let out = host.stdout.replacingOccurrences(of: dir.path, with: "{casedir}")
        let err = host.stderr.replacingOccurrences(of: dir.path, with: "{casedir}")
        let record = ProcessInfo.processInfo.environment["MIGSH_RECORD_GOLDEN"] == "1"
        for (ext, actual) in [("out", out), ("err", err), ("exit", code == 0 ? "" : "\(code)\n")] {
            let path = base + "." + ext
            if let expected = try? String(contentsOfFile: path, encoding: .utf8) {
                #expect(actual == expected, "\(name).\(ext)")
            } else if record && !actual.isEmpty {
                try actual.write(toFile: path, atomically: true, encoding: .utf8)
            } else {
                #expect(actual.isEmpty, "\(name).\(ext) expected empty, got:\n\(actual)")
            }
        }
    }
}

/// Captures stdout (pipeline output and Write-Host) and stderr as the console host writes them.
final class CaptureHost: PSHost {
    var isInteractive = false
    var isTerminal = false
    var width = 120
    var history: [String] = []
    var stdout = ""
    var stderr = ""
    func writeOutput(_ text: String) { stdout += text + "\n" }
    func writeErrorText(_ text: String) { stderr += text + "\n" }
    func write(_ text: String, foreground: String?, newline: Bool) { stdout += text + (newline ? "\n" : "") }
    func readLine(prompt: String, secure: Bool) -> String? { nil }
    func clear() {}
}
