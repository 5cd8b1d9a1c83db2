#if canImport(Glibc)
@preconcurrency import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import PowerShell

/// The terminal (or redirected stdout/stderr) as the runtime's host.
final class ConsoleHost: PSHost, @unchecked Sendable {
    let isTerminal: Bool
    let stderrIsTerminal: Bool
    let stdinIsTerminal: Bool
    /// -NonInteractive, or a script run with nothing to answer prompts.
    var nonInteractive: Bool
    /// Lines the REPL has read (Get-History).
    var history: [String] = []
    private var progressShown = false

    init(nonInteractive: Bool) {
        isTerminal = isatty(1) == 1
        stderrIsTerminal = isatty(2) == 1
        stdinIsTerminal = isatty(0) == 1
        self.nonInteractive = nonInteractive
    }

    var isInteractive: Bool { stdinIsTerminal && !nonInteractive }

    /// The terminal's columns; 120 when stdout is not a terminal, as pwsh.
    var width: Int {
        guard isTerminal else { return 120 }
        var size = winsize()
        if ioctl(1, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 { return Int(size.ws_col) }
        return 120
    }

    func writeOutput(_ text: String) {
        clearProgress()
        fputs(text, stdout)
        fputc(0x0A, stdout)
    }

    func writeErrorText(_ text: String) {
        clearProgress()
        fflush(stdout)
        fputs(text, stderr)
        fputc(0x0A, stderr)
    }

    func write(_ text: String, foreground: String?, newline: Bool) {
        write(text, foreground: foreground, background: nil, newline: newline)
    }

    func write(_ text: String, foreground: String?, background: String?, newline: Bool) {
        clearProgress()
        fputs(isTerminal ? ConsoleColors.colorize(text, foreground: foreground, background: background) : text, stdout)
        if newline { fputc(0x0A, stdout) }
        if isTerminal { fflush(stdout) }
    }

    /// Reads one line from stdin after showing `prompt`; `secure` turns the terminal's echo off.
    func readLine(prompt: String, secure: Bool) -> String? {
        clearProgress()
        fputs(prompt, stdout)
        fflush(stdout)
        var saved = termios()
        let hideEcho = secure && stdinIsTerminal && tcgetattr(0, &saved) == 0
        if hideEcho {
            var quiet = saved
            quiet.c_lflag &= ~tcflag_t(ECHO)
            tcsetattr(0, TCSAFLUSH, &quiet)
        }
        defer {
            if hideEcho {
                tcsetattr(0, TCSAFLUSH, &saved)
                fputc(0x0A, stdout)
                fflush(stdout)
            }
        }
        return Self.readStdinLine()
    }

    /// One line of stdin without its terminator; nil at end of input.
    static func readStdinLine() -> String? {
        // A Ctrl-C or an earlier end of input leaves stdin's EOF/error flag set (sticky in glibc).
        clearerr(stdin)
        var bytes: [UInt8] = []
        while true {
            let c = getchar()
            if c == EOF { return bytes.isEmpty ? nil : String(decoding: bytes, as: UTF8.self) }
            if c == 0x0A { break }
            bytes.append(UInt8(c))
        }
        if bytes.last == 0x0D { bytes.removeLast() }
        return String(decoding: bytes, as: UTF8.self)
    }

    func clear() {
        if isTerminal { fputs("\u{1B}[2J\u{1B}[H", stdout); fflush(stdout) }
    }

    /// A one-line bar on the terminal's current line, erased when done or when output follows.
    func writeProgress(_ record: ProgressRecord) {
        guard isTerminal else { return }
        if record.completed { clearProgress(); return }
        fputs("\r\u{1B}[K\u{1B}[7m" + ProgressView.render(record, width: width) + "\u{1B}[0m", stdout)
        fflush(stdout)
        progressShown = true
    }

    private func clearProgress() {
        guard progressShown else { return }
        progressShown = false
        fputs("\r\u{1B}[K", stdout)
    }

    func flush() { fflush(stdout); fflush(stderr) }
}
