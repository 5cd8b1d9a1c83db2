/// `a | b | c`: a head (command or expression) and further commands.
public final class PipelineAst: AstNode {
    public let extent: SourceExtent
    public let elements: [PipelineElement]
    public init(extent: SourceExtent, elements: [PipelineElement]) {
        self.extent = extent
        self.elements = elements
    }

    /// The expression when the pipeline is a lone expression without redirections.
    public var pureExpression: Expression? {
        guard elements.count == 1, case .expression(let e) = elements[0], e.redirections.isEmpty else { return nil }
        return e.expression
    }
}

public enum PipelineElement: Sendable {
    case command(CommandAst)
    /// Only ever the first element.
    case expression(CommandExpressionAst)

    public var extent: SourceExtent {
        switch self {
        case .command(let c): return c.extent
        case .expression(let e): return e.extent
        }
    }
}

/// An expression in pipeline position, with its redirections: `$x > out.txt`.
public final class CommandExpressionAst: AstNode {
    public let extent: SourceExtent
    public let expression: Expression
    public let redirections: [RedirectionAst]
    public init(extent: SourceExtent, expression: Expression, redirections: [RedirectionAst]) {
        self.extent = extent
        self.expression = expression
        self.redirections = redirections
    }
}

public enum InvocationOperator: String, Sendable {
    /// A plain command: `Get-Item x`.
    case none = ""
    /// `& $sb`, `& 'path.ps1'`: runs in a child scope.
    case ampersand = "&"
    /// `. ./lib.ps1`: runs in the current scope.
    case dot = "."
}

/// A command in argument mode: `Get-Item -Path C:\x -Force @rest 2>&1`.
public final class CommandAst: AstNode {
    public let extent: SourceExtent
    public let invocationOperator: InvocationOperator
    /// The command name: a bareword/string constant, or (after `&`/`.`) any expression.
    public let name: Expression
    /// Parameters and arguments after the name, in source order.
    public let elements: [CommandElement]
    public let redirections: [RedirectionAst]
    public init(extent: SourceExtent, invocationOperator: InvocationOperator, name: Expression,
                elements: [CommandElement], redirections: [RedirectionAst]) {
        self.extent = extent
        self.invocationOperator = invocationOperator
        self.name = name
        self.elements = elements
        self.redirections = redirections
    }

    /// The name when it is written literally (a bareword or quoted constant).
    public var literalName: String? {
        if case .string(let s) = name { return s.value }
        return nil
    }
}

public enum CommandElement: Sendable {
    /// `-Name`, `-Name:value`.
    case parameter(CommandParameterAst)
    /// A positional argument or the value following `-Name`.
    case argument(Expression)
    /// `@params`: a hashtable (named) or array (positional) spread into arguments.
    case splat(VariableExpressionAst)

    public var extent: SourceExtent {
        switch self {
        case .parameter(let p): return p.extent
        case .argument(let e): return e.extent
        case .splat(let v): return v.extent
        }
    }
}

/// `-Name` or `-Name:value` (the colon form binds the value even when it starts with `-`).
public final class CommandParameterAst: AstNode {
    public let extent: SourceExtent
    /// The name without the dash and colon, as written (`Confirm`, `ea`).
    public let name: String
    /// The value given with the colon form, e.g. `$false` in `-Confirm:$false`.
    public let argument: Expression?
    /// True when written `-Name:` (with a colon), even if the argument is missing.
    public let hasColon: Bool
    public init(extent: SourceExtent, name: String, argument: Expression?, hasColon: Bool) {
        self.extent = extent
        self.name = name
        self.argument = argument
        self.hasColon = hasColon
    }
}

/// The streams that redirections name (pwsh numbers them 1..6; `*` is all).
public enum RedirectionStream: Int, Sendable {
    case all = 0, output = 1, error = 2, warning = 3, verbose = 4, debug = 5, information = 6
}

/// `> file`, `>> file`, `2> $null`, `*> file`, `2>&1`.
public final class RedirectionAst: AstNode {
    public let extent: SourceExtent
    public let from: RedirectionStream
    public let target: RedirectionTarget
    public init(extent: SourceExtent, from: RedirectionStream, target: RedirectionTarget) {
        self.extent = extent
        self.from = from
        self.target = target
    }
}

public enum RedirectionTarget: Sendable {
    /// To a file (path expression; `$null` discards).
    case file(Expression, append: Bool)
    /// Into another stream, e.g. `2>&1` merges errors into output.
    case merge(RedirectionStream)
}
