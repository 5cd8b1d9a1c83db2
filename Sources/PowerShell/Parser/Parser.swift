/// Entry point: parses a whole script before anything runs.
public enum Parser {
    /// Parses `text` (a script file's content, `-Command` text or a REPL entry). Never throws:
    /// the tree is always complete, and `errors` lists every problem found (in source order).
    public static func parse(_ text: String, file: String?) -> ParseResult {
        let parser = ScriptParser(text: text, file: file)
        let ast = parser.parseScriptBody(open: nil, isFilter: false)
        parser.reportComments()
        let errors = parser.errors.sorted { $0.extent.startOffset < $1.extent.startOffset }
        return ParseResult(ast: ast, errors: errors)
    }
}
