import Foundation
@testable import PowerShell

/// A runspace with the builtins and the formatting commands, on an in-memory host.
struct BuiltinShell {
    let host: MemoryHost
    let runspace: Runspace

    init(interactive: Bool = false, input: [String] = [], directory: String? = nil) {
        host = MemoryHost(interactive: interactive, input: input)
        let registry = CommandRegistry()
        BuiltinCommands.register(in: registry)
        registry.register(FormatCommands.all)
        runspace = Runspace(host: host, registry: registry)
        if let directory { runspace.session.currentDirectory = directory }
    }

    /// Runs the script; returns what it printed (output chunks joined by newlines) and the error text.
    @discardableResult
    func run(_ script: String) -> (out: String, err: String, code: Int32) {
        host.reset()
        let code = runspace.execute(script)
        return (host.outputText, host.errorText, code)
    }

    /// The script's output as values (captured with a variable rather than formatted).
    func values(_ script: String) -> [Value] {
        host.reset()
        _ = runspace.execute("$__r = @(" + script + ")")
        guard case .array(let a)? = runspace.variable("__r") else { return [] }
        return a.items
    }

    func strings(_ script: String) -> [String] { values(script).map { Conversion.toString($0) } }
}

/// A fresh temporary directory, removed by the caller.
func makeTempDirectory() -> String {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("migsh-builtins-\(UUID().uuidString)").path
    try? FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    return dir
}
