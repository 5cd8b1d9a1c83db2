/// ConsoleColor names as ANSI SGR parameters, for hosts that colour Write-Host text on a terminal.
public enum ConsoleColors {
    private static let foregroundCodes: [String: Int] = [
        "black": 30, "darkred": 31, "darkgreen": 32, "darkyellow": 33, "darkblue": 34, "darkmagenta": 35,
        "darkcyan": 36, "gray": 37, "darkgray": 90, "red": 91, "green": 92, "yellow": 93, "blue": 94,
        "magenta": 95, "cyan": 96, "white": 97,
    ]

    /// The SGR code of a foreground colour; the background code is 10 higher.
    public static func foregroundCode(_ name: String) -> Int? { foregroundCodes[name.lowercased()] }

    /// `ESC[<fg>;<bg>m text ESC[0m`, or the text unchanged when neither colour is known.
    public static func colorize(_ text: String, foreground: String?, background: String?) -> String {
        var codes: [String] = []
        if let f = foreground, let c = foregroundCode(f) { codes.append(String(c)) }
        if let b = background, let c = foregroundCode(b) { codes.append(String(c + 10)) }
        if codes.isEmpty { return text }
        return "\u{1B}[" + codes.joined(separator: ";") + "m" + text + "\u{1B}[0m"
    }
}
