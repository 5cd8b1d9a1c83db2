/// A host that keeps everything in memory: tests (and embedders) read what a script wrote
/// and script the answers to its prompts.
public final class MemoryHost: PSHost, @unchecked Sendable {
    public var isInteractive: Bool
    public var isTerminal: Bool = false
    public var width: Int = 120
    /// Formatted pipeline output, as written (each call is one chunk, usually one line).
    public private(set) var output: [String] = []
    /// Error-stream text (errors, warnings, verbose lines).
    public private(set) var errors: [String] = []
    /// Write-Host text, with newlines where the caller asked for them.
    public private(set) var hostText: String = ""
    /// Answers for `readLine`, consumed front first; nil (end of input) when exhausted.
    public var pendingInput: [String]
    /// The prompts `readLine` was called with, in order.
    public private(set) var prompts: [String] = []
    public var history: [String] = []
    public private(set) var clearCount = 0

    public init(interactive: Bool = false, input: [String] = []) {
        self.isInteractive = interactive
        self.pendingInput = input
    }

    public func writeOutput(_ text: String) { output.append(text) }
    public func writeErrorText(_ text: String) { errors.append(text) }

    /// The colours each Write-Host call asked for, in order (nil = the default colour).
    public private(set) var hostColors: [(foreground: String?, background: String?)] = []

    public func write(_ text: String, foreground: String?, newline: Bool) {
        write(text, foreground: foreground, background: nil, newline: newline)
    }

    public func write(_ text: String, foreground: String?, background: String?, newline: Bool) {
        hostColors.append((foreground, background))
        hostText += text
        if newline { hostText += "\n" }
    }

    public func readLine(prompt: String, secure: Bool) -> String? {
        prompts.append(prompt)
        return pendingInput.isEmpty ? nil : pendingInput.removeFirst()
    }

    public func clear() { clearCount += 1 }

    /// Everything written to the output stream, one chunk per line.
    public var outputText: String { output.joined(separator: "\n") }
    public var errorText: String { errors.joined(separator: "\n") }

    public func reset() { output = []; errors = []; hostText = ""; prompts = []; hostColors = [] }
}
