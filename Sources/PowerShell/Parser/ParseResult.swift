/// A syntax error, as pwsh reports it: where, a stable id, the message, and whether more input could fix it.
public struct ParseError: Error, Sendable {
    public let extent: SourceExtent
    /// pwsh's ErrorId, e.g. `MissingEndParenthesisInExpression`.
    public let id: String
    /// pwsh's message text (ParserStrings).
    public let message: String
    /// True when the input simply ended too early (the REPL then asks for another line with `>>`).
    public let incompleteInput: Bool

    public init(extent: SourceExtent, id: String, message: String, incompleteInput: Bool = false) {
        self.extent = extent
        self.id = id
        self.message = message
        self.incompleteInput = incompleteInput
    }
}

/// The tree of a whole script plus every error found; the tree is complete even when there are errors.
public struct ParseResult: Sendable {
    public let ast: ScriptBlockAst
    public let errors: [ParseError]
    public init(ast: ScriptBlockAst, errors: [ParseError]) {
        self.ast = ast
        self.errors = errors
    }
}
