/// `$x = ...`, `$a[0] += 1`, `[int]$n = 5`.
public final class AssignmentStatementAst: AstNode {
    public let extent: SourceExtent
    public let left: Expression
    public let op: AssignmentOperator
    /// The right side is a statement: `$x = Get-Foo | Select -First 1`, `$x = if (...) {...}`.
    public let right: Statement
    /// Where the operator is, for error messages.
    public let operatorExtent: SourceExtent
    public init(extent: SourceExtent, left: Expression, op: AssignmentOperator, right: Statement,
                operatorExtent: SourceExtent) {
        self.extent = extent
        self.left = left
        self.op = op
        self.right = right
        self.operatorExtent = operatorExtent
    }
}

/// `if (c) { } elseif (c) { } else { }`.
public final class IfStatementAst: AstNode {
    public let extent: SourceExtent
    public let clauses: [IfClause]
    public let elseBody: StatementBlockAst?
    public init(extent: SourceExtent, clauses: [IfClause], elseBody: StatementBlockAst?) {
        self.extent = extent
        self.clauses = clauses
        self.elseBody = elseBody
    }
}

public struct IfClause: Sendable {
    /// A pipeline or an assignment: `if ($x = Get-Foo)`.
    public let condition: Statement
    public let body: StatementBlockAst
    public init(condition: Statement, body: StatementBlockAst) {
        self.condition = condition
        self.body = body
    }
}

/// `:label foreach ($item in pipeline) { }`.
public final class ForEachStatementAst: AstNode {
    public let extent: SourceExtent
    public let label: String?
    public let variable: VariableExpressionAst
    public let collection: Statement
    public let body: StatementBlockAst
    public init(extent: SourceExtent, label: String?, variable: VariableExpressionAst,
                collection: Statement, body: StatementBlockAst) {
        self.extent = extent
        self.label = label
        self.variable = variable
        self.collection = collection
        self.body = body
    }
}

/// `for (init; condition; iterator) { }`, any part may be empty.
public final class ForStatementAst: AstNode {
    public let extent: SourceExtent
    public let label: String?
    public let initializer: Statement?
    public let condition: Statement?
    public let iterator: Statement?
    public let body: StatementBlockAst
    public init(extent: SourceExtent, label: String?, initializer: Statement?, condition: Statement?,
                iterator: Statement?, body: StatementBlockAst) {
        self.extent = extent
        self.label = label
        self.initializer = initializer
        self.condition = condition
        self.iterator = iterator
        self.body = body
    }
}

/// `while (condition) { }`.
public final class WhileStatementAst: AstNode {
    public let extent: SourceExtent
    public let label: String?
    public let condition: Statement
    public let body: StatementBlockAst
    public init(extent: SourceExtent, label: String?, condition: Statement, body: StatementBlockAst) {
        self.extent = extent
        self.label = label
        self.condition = condition
        self.body = body
    }
}

/// `do { } while (c)` (loops while true) or `do { } until (c)` (loops while false).
public final class DoLoopStatementAst: AstNode {
    public let extent: SourceExtent
    public let label: String?
    public let body: StatementBlockAst
    public let condition: Statement
    public let isUntil: Bool
    public init(extent: SourceExtent, label: String?, body: StatementBlockAst, condition: Statement, isUntil: Bool) {
        self.extent = extent
        self.label = label
        self.body = body
        self.condition = condition
        self.isUntil = isUntil
    }
}

/// `switch -Regex (value) { pattern { } default { } }`.
public final class SwitchStatementAst: AstNode {
    public let extent: SourceExtent
    public let label: String?
    public let flags: SwitchFlags
    public let condition: Statement
    /// Clauses in source order (without `default`).
    public let clauses: [SwitchClause]
    public let defaultBody: StatementBlockAst?
    public init(extent: SourceExtent, label: String?, flags: SwitchFlags, condition: Statement,
                clauses: [SwitchClause], defaultBody: StatementBlockAst?) {
        self.extent = extent
        self.label = label
        self.flags = flags
        self.condition = condition
        self.clauses = clauses
        self.defaultBody = defaultBody
    }
}

public struct SwitchFlags: OptionSet, Sendable {
    public let rawValue: Int
    public init(rawValue: Int) { self.rawValue = rawValue }
    public static let regex = SwitchFlags(rawValue: 1)
    public static let wildcard = SwitchFlags(rawValue: 2)
    public static let exact = SwitchFlags(rawValue: 4)
    public static let caseSensitive = SwitchFlags(rawValue: 8)
    /// `switch -File path`: the condition is a path whose lines are the input.
    public static let file = SwitchFlags(rawValue: 16)
}

public struct SwitchClause: Sendable {
    /// A bareword or string (compared as text), a number, a variable, or a script block (a condition).
    public let pattern: Expression
    public let body: StatementBlockAst
    public init(pattern: Expression, body: StatementBlockAst) {
        self.pattern = pattern
        self.body = body
    }
}

/// `try { } catch [T1], [T2] { } catch { } finally { }`.
public final class TryStatementAst: AstNode {
    public let extent: SourceExtent
    public let body: StatementBlockAst
    public let catches: [CatchClauseAst]
    public let finallyBody: StatementBlockAst?
    public init(extent: SourceExtent, body: StatementBlockAst, catches: [CatchClauseAst], finallyBody: StatementBlockAst?) {
        self.extent = extent
        self.body = body
        self.catches = catches
        self.finallyBody = finallyBody
    }
}

public final class CatchClauseAst: AstNode {
    public let extent: SourceExtent
    /// Empty for a catch-all.
    public let types: [TypeName]
    public let body: StatementBlockAst
    public init(extent: SourceExtent, types: [TypeName], body: StatementBlockAst) {
        self.extent = extent
        self.types = types
        self.body = body
    }
}

/// `function Name { }`, `function Name($a, $b) { }`, `filter Name { }`.
public final class FunctionDefinitionAst: AstNode {
    public let extent: SourceExtent
    public let name: String
    public let isFilter: Bool
    /// Parameters written in parentheses after the name (the body then has no `param()`).
    public let parameters: [ParameterAst]?
    public let body: ScriptBlockAst
    public init(extent: SourceExtent, name: String, isFilter: Bool, parameters: [ParameterAst]?, body: ScriptBlockAst) {
        self.extent = extent
        self.name = name
        self.isFilter = isFilter
        self.parameters = parameters
        self.body = body
    }
}

public enum FlowKind: String, Sendable {
    case `return`, exit, `throw`, `break`, `continue`
}

/// `return [pipeline]`, `exit [pipeline]`, `throw [pipeline]`, `break [label]`, `continue [label]`.
public final class FlowStatementAst: AstNode {
    public let extent: SourceExtent
    public let kind: FlowKind
    /// The value of return/exit/throw.
    public let pipeline: Statement?
    /// The loop label of break/continue (without the colon).
    public let label: String?
    public init(extent: SourceExtent, kind: FlowKind, pipeline: Statement?, label: String?) {
        self.extent = extent
        self.kind = kind
        self.pipeline = pipeline
        self.label = label
    }
}
