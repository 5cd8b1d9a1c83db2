/// Something written in PowerShell that runs like a command: a function, a filter,
/// a script block invoked with `&`/`.`, or a `.ps1` file.
final class FunctionInfo: @unchecked Sendable {
    enum Kind { case function, filter, scriptBlock, scriptFile(String) }

    let name: String
    let kind: Kind
    let body: ScriptBlockAst
    /// From `param(...)` or the `function f($a, $b)` form.
    let parameters: [ParameterAst]
    /// Attributes before `param` (`[CmdletBinding(...)]`).
    let attributes: [AttributeAst]
    /// Built on first use (attribute arguments are evaluated then).
    var signature: ScriptSignature?

    init(name: String, kind: Kind, body: ScriptBlockAst, parameters: [ParameterAst]? = nil) {
        self.name = name
        self.kind = kind
        self.body = body
        self.parameters = parameters ?? body.paramBlock?.parameters ?? []
        self.attributes = body.paramBlock?.attributes ?? []
    }

    var isFilter: Bool { if case .filter = kind { return true } else { return false } }
    var scriptPath: String? { if case .scriptFile(let p) = kind { return p } else { return nil } }
}

/// A script's parameters as a command declaration, so functions bind through the same binder.
struct ScriptSignature {
    var declaration: CommandDeclaration
    var options: BindingOptions
    /// Declared parameter name -> its `ParameterAst` (defaults, type constraints).
    var parameterAsts: [String: ParameterAst]
}
