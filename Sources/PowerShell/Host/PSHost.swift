/// The user interface the runtime talks to: the terminal in the REPL, plain stdout/stderr
/// for scripts, an in-memory host in tests.
public protocol PSHost: AnyObject {
    /// True when a person can answer prompts (a terminal, and not -NonInteractive).
    var isInteractive: Bool { get }
    /// True when stdout is a terminal (colours and progress bars only then).
    var isTerminal: Bool { get }
    /// Width used for tables and lists (terminal width, 120 when not a terminal, as pwsh).
    var width: Int { get }

    func writeOutput(_ text: String)              // formatted pipeline output (stdout)
    func writeErrorText(_ text: String)           // stderr
    func write(_ text: String, foreground: String?, newline: Bool)   // Write-Host
    /// Write-Host -ForegroundColor/-BackgroundColor (ConsoleColor names); a host colours only a terminal.
    func write(_ text: String, foreground: String?, background: String?, newline: Bool)
    /// Reads one line; nil at end of input. `secure` hides the echo (passwords).
    func readLine(prompt: String, secure: Bool) -> String?
    /// Lines entered in this and earlier REPL sessions (Get-History); empty for scripts.
    var history: [String] { get }
    /// Clear-Host.
    func clear()
    /// Write-Progress: a progress bar on a terminal, nothing otherwise (default: ignored).
    func writeProgress(_ record: ProgressRecord)
}

extension PSHost {
    public func writeProgress(_ record: ProgressRecord) {}

    /// Write-Host with both colours; hosts that know no background colour drop it.
    public func write(_ text: String, foreground: String?, background: String?, newline: Bool) {
        write(text, foreground: foreground, newline: newline)
    }
}

/// Variables, location and paths of the running session.
public protocol SessionState: AnyObject {
    func variable(_ name: String) -> Value?
    func setVariable(_ name: String, _ value: Value)
    /// The current directory (Get-Location).
    var currentDirectory: String { get set }
    /// Turns a script's path into a Linux path: relative to the current directory,
    /// `C:\...` through MIGSH_DRIVE_C, case-insensitive fallback as on Windows.
    func resolvePath(_ path: String) throws -> String
    var environment: [String: String] { get }
    /// Names of the variables visible from the current scope (Get-Variable with wildcards).
    var variableNames: [String] { get }
    /// Removes a variable (Remove-Variable); false when there was none.
    func removeVariable(_ name: String) -> Bool
}

extension SessionState {
    /// Defaults for sessions that cannot list or remove variables (the runtime's session implements both).
    public var variableNames: [String] { [] }
    public func removeVariable(_ name: String) -> Bool { false }
}
