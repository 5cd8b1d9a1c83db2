@testable import PowerShell

/// Helpers shared by the lexer and parser tests.
enum ParseCheck {
    static func parse(_ text: String) -> ParseResult { Parser.parse(text, file: nil) }

    /// The debug rendering of a script that must parse without errors ("ERRORS: ..." otherwise).
    static func tree(_ text: String) -> String {
        let r = parse(text)
        if !r.errors.isEmpty { return "ERRORS: " + describeErrors(r.errors) }
        return r.ast.debugDescription
    }

    /// `Id@line:column` for each error, in order.
    static func errors(_ text: String) -> [String] {
        parse(text).errors.map { "\($0.id)@\($0.extent.startLine):\($0.extent.startColumn)" }
    }

    static func describeErrors(_ errors: [ParseError]) -> String {
        errors.map { "\($0.id)@\($0.extent.startLine):\($0.extent.startColumn) \($0.message)" }.joined(separator: " | ")
    }

    /// Tokens of `text` in one mode, as `kind:text` strings (up to end of input).
    static func tokens(_ text: String, mode: LexMode = .command) -> [String] {
        let lexer = Lexer(text)
        var pos = 0
        var out: [String] = []
        while true {
            let t = lexer.next(at: pos, mode: mode)
            if t.kind == .endOfInput { break }
            out.append("\(t.kind):\(lexer.text(t))")
            pos = max(t.end, pos + 1)
        }
        return out
    }
}
