import Foundation
import PowerShell

/// The interactive shell: `PS /dir> ` prompt, `>> ` while a statement is open, history
/// kept in `$MIGSH_HOME/history`, Tab completion, Ctrl-C cancels the running pipeline or
/// the line being typed, Ctrl-D (end of input) leaves.
final class Repl {
    let runspace: Runspace
    let host: ConsoleHost
    let state: StateDirectory
    let showLogo: Bool

    init(runspace: Runspace, host: ConsoleHost, state: StateDirectory, showLogo: Bool) {
        self.runspace = runspace
        self.host = host
        self.state = state
        self.showLogo = showLogo
    }

    /// `PS /dir> `, or what a `prompt` function defined by the user (e.g. in the profile) returns.
    private func mainPrompt() -> String {
        let fallback = "PS \(runspace.session.currentDirectory)> "
        guard runspace.functionNames.contains(where: { $0.caseInsensitiveCompare("prompt") == .orderedSame }) else {
            return fallback
        }
        let variable = "__migshPrompt"
        _ = runspace.execute("$global:\(variable) = (prompt) -join ''")
        defer { runspace.setVariable(variable, .null) }
        guard let value = runspace.variable(variable), case .string(let text) = value, !text.isEmpty else { return fallback }
        return text
    }

    func run() -> Int32 {
        state.create()
        let runspace = self.runspace
        let completer = TabCompleter(registry: runspace.registry, functionNames: { runspace.functionNames },
                                     variableNames: { runspace.variableNames },
                                     currentDirectory: { runspace.session.currentDirectory })
        let editor = LineEditor(historyPath: state.historyFile, completer: completer)
        host.history = editor.entries
        Interrupts.install { runspace.stop() }
        if showLogo {
            host.writeOutput("migsh \(Shell.version): PowerShell-compatible shell for IMAP mailbox migrations.")
            host.writeOutput("Type 'Get-Help' for help, 'exit' or Ctrl-D to leave.")
            host.writeOutput("")
        }
        host.flush()
        var buffer = ""
        var status: Int32 = 0
        while true {
            let prompt = buffer.isEmpty ? mainPrompt() : ">> "
            switch editor.readLine(prompt: prompt) {
            case .endOfInput:
                host.writeOutput("")
                host.flush()
                return status
            case .interrupted:
                // Ctrl-C while typing: drop the line (and any open statement), new prompt.
                buffer = ""
                host.writeOutput("")
                host.flush()
            case .line(let line):
                let continuing = !buffer.isEmpty
                if !continuing && line.trimmingCharacters(in: .whitespaces).isEmpty { continue }
                buffer = continuing ? buffer + "\n" + line : line
                // An open statement asks for more; an empty line in continuation runs what is there.
                let errors = Parser.parse(buffer, file: nil).errors
                if !errors.isEmpty && errors.allSatisfy(\.incompleteInput) && !(continuing && line.isEmpty) { continue }
                let text = buffer
                buffer = ""
                editor.remember(text)
                let outcome = runspace.executeNoticingExit(text)
                // As in pwsh, a command joins Get-History once it has run.
                host.history.append(text)
                status = outcome.code
                host.flush()
                _ = Interrupts.take()   // a Ctrl-C that stopped the pipeline is used up
                if outcome.exited { return status }
            }
        }
    }
}
