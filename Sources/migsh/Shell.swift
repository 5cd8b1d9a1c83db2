#if canImport(Glibc)
@preconcurrency import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import PowerShell

/// One migsh process: parses the command line, builds the session and runs the chosen mode.
final class Shell {
    static let version = "0.1.0"
    /// pwsh's exit code for a bad command line.
    static let usageExitCode: Int32 = 64

    let options: CommandLineOptions
    let host: ConsoleHost
    let runspace: Runspace
    let state: StateDirectory

    static func main(_ arguments: [String]) -> Int32 {
        let options: CommandLineOptions
        do {
            options = try CommandLineOptions.parse(arguments)
        } catch {
            usageError(error.message)
            return usageExitCode
        }
        switch options.mode {
        case .version:
            print("migsh \(version)")
            return 0
        case .help:
            print(CommandLineOptions.usage)
            return 0
        default:
            return Shell(options: options).run()
        }
    }

    /// A bad command line: the reason, then a short usage reminder (pwsh prints its usage too).
    static func usageError(_ message: String) {
        fputs(message + "\n\nUsage: migsh [[-File] <filePath> [args]] [-Command { - | <script-text> }] [-NoProfile] [-NonInteractive] [-NoLogo]\nRun 'migsh -Help' for details.\n", stderr)
    }

    init(options: CommandLineOptions) {
        self.options = options
        var environment: [String: String] = [:]
        var env = environ
        while let entry = env.pointee {
            let pair = String(cString: entry)
            if let eq = pair.firstIndex(of: "=") { environment[String(pair[..<eq])] = String(pair[pair.index(after: eq)...]) }
            env += 1
        }
        state = StateDirectory(environment: environment)
        host = ConsoleHost(nonInteractive: options.nonInteractive)
        runspace = Runspace(host: host, registry: ShellRegistry.make())
        let host = self.host
        runspace.errorPrinter = { record in
            host.writeErrorText(ErrorView.render(record, width: host.width, color: host.stderrIsTerminal,
                                                 vscode: environment["TERM_PROGRAM"] == "vscode"))
        }
        runspace.parseErrorPrinter = { errors in
            guard let first = errors.first else { return }
            host.writeErrorText(ParseErrorView.render(extent: first.extent, message: first.message, width: host.width,
                                                      color: host.stderrIsTerminal,
                                                      vscode: environment["TERM_PROGRAM"] == "vscode"))
        }
        runspace.progressHandler = { record in host.writeProgress(record) }
    }

    func run() -> Int32 {
        if let dir = options.workingDirectory, chdir(dir) != 0 {
            fputs("The directory '\(dir)' does not exist.\n", stderr)
            return Self.usageExitCode
        }
        if let dir = options.workingDirectory { runspace.session.currentDirectory = Self.absolute(dir) }
        switch options.mode {
        case .file, .command, .commandFromStdin: installScriptInterrupts()
        default: break
        }
        switch options.mode {
        case .file(let path, let arguments):
            guard StateDirectory.fileExists(path) else {
                Self.usageError("The argument '\(path)' is not recognized as the name of a script file. Check the spelling of the name, or if a path was included, verify that the path is correct and try again.")
                return Self.usageExitCode
            }
            loadProfile()
            let code = runspace.runFile(path: Self.absolute(path), arguments: arguments.map { .string($0) })
            host.flush()
            guard options.noExit else { return code }
        case .command(let text):
            loadProfile()
            let code = runspace.execute(text)
            host.flush()
            guard options.noExit else { return code }
        case .commandFromStdin:
            loadProfile()
            return StdinRunner(runspace: runspace, host: host).run()
        case .repl:
            loadProfile()
        case .version, .help:
            return 0
        }
        // The interactive shell (also after -NoExit); statements from stdin when it is not a terminal.
        guard host.stdinIsTerminal else { return StdinRunner(runspace: runspace, host: host).run() }
        return Repl(runspace: runspace, host: host, state: state, showLogo: !options.noLogo).run()
    }

    /// Ctrl-C while a script runs stops its pipeline (finally blocks run, exit code 1);
    /// a second Ctrl-C ends the process at once, for a command that does not stop.
    private func installScriptInterrupts() {
        let runspace = self.runspace
        let count = InterruptCount()
        Interrupts.install {
            if count.next() > 1 { _exit(130) }
            runspace.stop()
        }
    }

    /// Runs `$MIGSH_HOME/profile.ps1` in the global scope unless -NoProfile.
    private func loadProfile() {
        guard !options.noProfile, StateDirectory.fileExists(state.profileFile) else { return }
        let quoted = state.profileFile.replacingOccurrences(of: "'", with: "''")
        _ = runspace.execute(". '\(quoted)'")
        host.flush()
    }

    static func absolute(_ path: String) -> String {
        if path.hasPrefix("/") { return path }
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        guard getcwd(&buffer, buffer.count) != nil else { return path }
        let cwd = String(cString: buffer)
        let trimmed = path.hasPrefix("./") ? String(path.dropFirst(2)) : path
        return cwd == "/" ? "/" + trimmed : cwd + "/" + trimmed
    }
}

/// Counts Ctrl-C presses (touched only by the interrupt watcher thread).
private final class InterruptCount: @unchecked Sendable {
    private var count = 0
    func next() -> Int { count += 1; return count }
}
