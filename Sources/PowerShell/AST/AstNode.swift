/// Every syntax node knows where it came from, so errors can point at the source.
public protocol AstNode: AnyObject, Sendable {
    var extent: SourceExtent { get }
}

/// A statement: what a script, block or `$( )` is made of.
/// The interpreter switches over this closed enum; each payload is an immutable node.
public enum Statement: Sendable {
    case pipeline(PipelineAst)
    case assignment(AssignmentStatementAst)
    case ifStatement(IfStatementAst)
    case foreachStatement(ForEachStatementAst)
    case forStatement(ForStatementAst)
    case whileStatement(WhileStatementAst)
    case doLoop(DoLoopStatementAst)
    case switchStatement(SwitchStatementAst)
    case tryStatement(TryStatementAst)
    case functionDefinition(FunctionDefinitionAst)
    /// `return`, `exit`, `throw`, `break`, `continue`.
    case flow(FlowStatementAst)
    /// What the parser kept of a statement it could not parse (only present when errors were reported).
    case error(ErrorStatementAst)

    public var node: any AstNode {
        switch self {
        case .pipeline(let n): return n
        case .assignment(let n): return n
        case .ifStatement(let n): return n
        case .foreachStatement(let n): return n
        case .forStatement(let n): return n
        case .whileStatement(let n): return n
        case .doLoop(let n): return n
        case .switchStatement(let n): return n
        case .tryStatement(let n): return n
        case .functionDefinition(let n): return n
        case .flow(let n): return n
        case .error(let n): return n
        }
    }

    public var extent: SourceExtent { node.extent }
}

/// An expression (expression mode), or an argument of a command (argument mode).
public indirect enum Expression: Sendable {
    /// A number literal (`993`, `0x10`, `1KB`, `5L`, `1.5d`).
    case number(NumberLiteralAst)
    /// A string without expansion: `'x'`, `@'..'@`, a bareword argument, a `"..."` with nothing to expand.
    case string(StringConstantAst)
    /// `"..$x.."`, `@"..."@`, or a bareword argument containing `$`.
    case expandableString(ExpandableStringAst)
    /// `$x`, `${x}`, `$env:X`, `$script:x`, `$_`, `$true` (the interpreter resolves automatic names).
    case variable(VariableExpressionAst)
    /// `[System.IO.File]` used as a value.
    case typeLiteral(TypeExpressionAst)
    /// `[int]$x`, `[ordered]@{}`, `[pscustomobject]@{}`, `[void](...)`.
    case convert(ConvertExpressionAst)
    case binary(BinaryExpressionAst)
    case unary(UnaryExpressionAst)
    /// `1, 2, 3` and unary `,x`.
    case arrayLiteral(ArrayLiteralAst)
    /// `$x.Prop`, `[T]::Prop`.
    case member(MemberExpressionAst)
    /// `$x.Method(args)`, `[T]::Method(args)`.
    case invokeMember(InvokeMemberExpressionAst)
    /// `$a[0]`, `$a[1..2]`.
    case index(IndexExpressionAst)
    /// `@{ k = v }`.
    case hashtable(HashtableAst)
    /// `$( statements )`.
    case subExpression(SubExpressionAst)
    /// `@( statements )`.
    case arrayExpression(ArrayExpressionAst)
    /// `( pipeline )`.
    case paren(ParenExpressionAst)
    /// `{ ... }`.
    case scriptBlock(ScriptBlockExpressionAst)
    /// What the parser kept of an expression it could not parse (only present when errors were reported).
    case error(ErrorExpressionAst)

    public var node: any AstNode {
        switch self {
        case .number(let n): return n
        case .string(let n): return n
        case .expandableString(let n): return n
        case .variable(let n): return n
        case .typeLiteral(let n): return n
        case .convert(let n): return n
        case .binary(let n): return n
        case .unary(let n): return n
        case .arrayLiteral(let n): return n
        case .member(let n): return n
        case .invokeMember(let n): return n
        case .index(let n): return n
        case .hashtable(let n): return n
        case .subExpression(let n): return n
        case .arrayExpression(let n): return n
        case .paren(let n): return n
        case .scriptBlock(let n): return n
        case .error(let n): return n
        }
    }

    public var extent: SourceExtent { node.extent }
}

/// A statement block `{ ... }` of if/loop/try/switch bodies (not a script block value).
public final class StatementBlockAst: AstNode {
    public let extent: SourceExtent
    public let statements: [Statement]
    public init(extent: SourceExtent, statements: [Statement]) {
        self.extent = extent
        self.statements = statements
    }
}

/// Statement text the parser could not make sense of; the parse errors say why.
public final class ErrorStatementAst: AstNode {
    public let extent: SourceExtent
    /// Pieces that did parse, kept for tools (never run: a script with errors does not run).
    public let nested: [Statement]
    public init(extent: SourceExtent, nested: [Statement] = []) {
        self.extent = extent
        self.nested = nested
    }
}

/// Expression text the parser could not make sense of; the parse errors say why.
public final class ErrorExpressionAst: AstNode {
    public let extent: SourceExtent
    public let nested: [Expression]
    public init(extent: SourceExtent, nested: [Expression] = []) {
        self.extent = extent
        self.nested = nested
    }
}
