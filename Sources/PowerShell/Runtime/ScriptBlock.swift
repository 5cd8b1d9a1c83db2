/// A script block value: `{ ... }`, a function body, or a whole script.
/// PowerShell scopes are dynamic, so a script block captures no variables.
public final class ScriptBlock: @unchecked Sendable {
    public let ast: ScriptBlockAst
    public init(ast: ScriptBlockAst) { self.ast = ast }
    /// The source text between the braces, as `$sb.ToString()` gives it.
    public var text: String { ast.bodyText }
}
