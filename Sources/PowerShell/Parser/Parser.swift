/// Entry point: parses a whole script before anything runs.
public enum Parser {
    /// Parses `text` (a script file's content, `-Command` text or a REPL entry). Never throws.
    public static func parse(_ text: String, file: String?) -> ParseResult {
        let source = SourceText(file: file, text: text)
        let lastLine = source.lineStarts.count
        let extent = SourceExtent(source: source, startOffset: 0, endOffset: text.utf8.count,
                                  startLine: 1, startColumn: 1, endLine: lastLine,
                                  endColumn: source.line(lastLine).count + 1)
        return ParseResult(ast: ScriptBlockAst(extent: extent), errors: [])
    }
}
