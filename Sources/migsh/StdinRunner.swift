import Foundation
import PowerShell

/// `migsh -Command -` and a non-terminal stdin: statements read from stdin without prompts.
/// Lines gather until they parse as complete statements (a `{` block may span lines), then run.
struct StdinRunner {
    let runspace: Runspace
    let host: ConsoleHost

    func run() -> Int32 {
        var pending = ""
        var status: Int32 = 0
        var exited = false
        func flush() {
            guard !pending.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else { pending = ""; return }
            let outcome = runspace.executeNoticingExit(pending)
            status = outcome.code
            exited = outcome.exited
            host.flush()
            pending = ""
        }
        while let line = ConsoleHost.readStdinLine() {
            pending += pending.isEmpty ? line : "\n" + line
            let errors = Parser.parse(pending, file: nil).errors
            if !errors.isEmpty && errors.allSatisfy(\.incompleteInput) { continue }
            flush()
            if exited { return status }
        }
        flush()
        return status
    }
}
