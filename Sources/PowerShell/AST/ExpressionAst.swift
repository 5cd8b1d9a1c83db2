/// A number literal, already converted (type and multiplier suffixes applied).
public final class NumberLiteralAst: AstNode {
    public let extent: SourceExtent
    public let value: NumberValue
    public init(extent: SourceExtent, value: NumberValue) {
        self.extent = extent
        self.value = value
    }
}

/// The .NET type a number literal has in pwsh.
public enum NumberValue: Sendable, Equatable {
    /// System.Int32
    case int(Int)
    /// System.Int64 (too big for Int32, or `L` suffix)
    case long(Int)
    /// System.Double
    case double(Double)
    /// System.Decimal (`d` suffix); kept as a Double plus its literal text.
    case decimal(Double, text: String)
}

public enum StringKind: String, Sendable {
    /// An unquoted argument-mode word (`C:\x.csv`, `Get-Item`).
    case bareword
    case singleQuoted
    case doubleQuoted
    case singleQuotedHere
    case doubleQuotedHere
}

/// A string with no expansion left to do.
public final class StringConstantAst: AstNode {
    public let extent: SourceExtent
    /// The value after quote removal and escape processing.
    public let value: String
    public let kind: StringKind
    public init(extent: SourceExtent, value: String, kind: StringKind) {
        self.extent = extent
        self.value = value
        self.kind = kind
    }
}

/// `"Hello $name, $($u.Id) ${x} $env:HOME"`: literal text and embedded expressions, in order.
public final class ExpandableStringAst: AstNode {
    public let extent: SourceExtent
    public let parts: [StringPart]
    public let kind: StringKind
    public init(extent: SourceExtent, parts: [StringPart], kind: StringKind) {
        self.extent = extent
        self.parts = parts
        self.kind = kind
    }
}

public enum StringPart: Sendable {
    /// Text after escape processing.
    case literal(String)
    /// A `$var` (variable) or `$( )` (subExpression) to convert to text at run time.
    case expression(Expression)
}

/// `$name`, `${any name}`, `$env:PATH`, `$script:count`, `$_`, `$?`, `@splat` (isSplatted).
public final class VariableExpressionAst: AstNode {
    public let extent: SourceExtent
    public let path: VariablePath
    /// True for `@name` (only meaningful as a command argument).
    public let isSplatted: Bool
    public init(extent: SourceExtent, path: VariablePath, isSplatted: Bool = false) {
        self.extent = extent
        self.path = path
        self.isSplatted = isSplatted
    }
}

/// A variable name split into its qualifier and name: `env:HOME` -> ("env", "HOME").
public struct VariablePath: Sendable, Equatable {
    /// `global`, `script`, `local`, `private`, `env`, `function`, `variable`, `using`, or another drive; nil when unqualified.
    public let qualifier: String?
    public let name: String
    public init(qualifier: String?, name: String) {
        self.qualifier = qualifier
        self.name = name
    }

    /// The text after `$`, e.g. `env:HOME`.
    public var userPath: String { qualifier.map { "\($0):\(name)" } ?? name }
    public var isEnvironment: Bool { qualifier?.lowercased() == "env" }
}

/// `[System.IO.File]` as a value (for static members or `-is`).
public final class TypeExpressionAst: AstNode {
    public let extent: SourceExtent
    public let typeName: TypeName
    public init(extent: SourceExtent, typeName: TypeName) {
        self.extent = extent
        self.typeName = typeName
    }
}

/// `[int]$x`, `[string[]]$list`, `[ordered]@{..}`, `[pscustomobject]@{..}`, `[void]$x`.
public final class ConvertExpressionAst: AstNode {
    public let extent: SourceExtent
    public let typeName: TypeName
    public let child: Expression
    public init(extent: SourceExtent, typeName: TypeName, child: Expression) {
        self.extent = extent
        self.typeName = typeName
        self.child = child
    }
}

/// `left op right`, including `..`, `-f`, `-join`, `-split`, `-replace` (right may be an array literal).
public final class BinaryExpressionAst: AstNode {
    public let extent: SourceExtent
    public let op: BinaryOperator
    /// True for the `c`-prefixed operators (`-ceq`, `-creplace`); false for default and `i`-prefixed.
    public let caseSensitive: Bool
    public let left: Expression
    public let right: Expression
    public let operatorExtent: SourceExtent
    public init(extent: SourceExtent, op: BinaryOperator, caseSensitive: Bool, left: Expression, right: Expression,
                operatorExtent: SourceExtent) {
        self.extent = extent
        self.op = op
        self.caseSensitive = caseSensitive
        self.left = left
        self.right = right
        self.operatorExtent = operatorExtent
    }
}

/// `-not x`, `!x`, `-x`, `+x`, `-bnot x`, `-join x`, `-split x`, `++$x`, `$x--`.
public final class UnaryExpressionAst: AstNode {
    public let extent: SourceExtent
    public let op: UnaryOperator
    public let caseSensitive: Bool
    public let child: Expression
    public init(extent: SourceExtent, op: UnaryOperator, caseSensitive: Bool = false, child: Expression) {
        self.extent = extent
        self.op = op
        self.caseSensitive = caseSensitive
        self.child = child
    }
}

/// `a, b, c` or `,a` (one element).
public final class ArrayLiteralAst: AstNode {
    public let extent: SourceExtent
    public let elements: [Expression]
    public init(extent: SourceExtent, elements: [Expression]) {
        self.extent = extent
        self.elements = elements
    }
}

/// `target.Member` / `[T]::Member`. The member is usually a bareword string constant,
/// but may be a variable, a string or a parenthesized expression (`$x.$name`, `$x.('a')`).
public final class MemberExpressionAst: AstNode {
    public let extent: SourceExtent
    public let target: Expression
    public let member: Expression
    public let isStatic: Bool
    public init(extent: SourceExtent, target: Expression, member: Expression, isStatic: Bool) {
        self.extent = extent
        self.target = target
        self.member = member
        self.isStatic = isStatic
    }

    /// The member name when written literally.
    public var memberName: String? {
        if case .string(let s) = member { return s.value }
        return nil
    }
}

/// `target.Method(a, b)` / `[T]::Method(a, b)`.
public final class InvokeMemberExpressionAst: AstNode {
    public let extent: SourceExtent
    public let target: Expression
    public let member: Expression
    public let arguments: [Expression]
    public let isStatic: Bool
    public init(extent: SourceExtent, target: Expression, member: Expression, arguments: [Expression], isStatic: Bool) {
        self.extent = extent
        self.target = target
        self.member = member
        self.arguments = arguments
        self.isStatic = isStatic
    }

    public var memberName: String? {
        if case .string(let s) = member { return s.value }
        return nil
    }
}

/// `$a[0]`, `$a[1..2]`, `$a[-1]`, `$a[0, 2]` (index is then an array literal).
public final class IndexExpressionAst: AstNode {
    public let extent: SourceExtent
    public let target: Expression
    public let index: Expression
    public init(extent: SourceExtent, target: Expression, index: Expression) {
        self.extent = extent
        self.target = target
        self.index = index
    }
}

/// `@{ Name = 'x'; 'Other Key' = 2 }`; order of entries is the source order.
public final class HashtableAst: AstNode {
    public let extent: SourceExtent
    public let entries: [HashtableEntry]
    public init(extent: SourceExtent, entries: [HashtableEntry]) {
        self.extent = extent
        self.entries = entries
    }
}

public struct HashtableEntry: Sendable {
    /// A bareword key is a string constant; any other key is an expression.
    public let key: Expression
    /// Values are statements: `@{ a = Get-Foo | Select -First 1 }`.
    public let value: Statement
    public init(key: Expression, value: Statement) {
        self.key = key
        self.value = value
    }
}

/// `$( statements )`.
public final class SubExpressionAst: AstNode {
    public let extent: SourceExtent
    public let statements: [Statement]
    public init(extent: SourceExtent, statements: [Statement]) {
        self.extent = extent
        self.statements = statements
    }
}

/// `@( statements )`: always an array.
public final class ArrayExpressionAst: AstNode {
    public let extent: SourceExtent
    public let statements: [Statement]
    public init(extent: SourceExtent, statements: [Statement]) {
        self.extent = extent
        self.statements = statements
    }
}

/// `( pipeline )` - also `($x = 5)`, which assigns and yields the value.
public final class ParenExpressionAst: AstNode {
    public let extent: SourceExtent
    public let pipeline: Statement
    public init(extent: SourceExtent, pipeline: Statement) {
        self.extent = extent
        self.pipeline = pipeline
    }
}

/// `{ param($x) ... }` as a value.
public final class ScriptBlockExpressionAst: AstNode {
    public let extent: SourceExtent
    public let scriptBlock: ScriptBlockAst
    public init(extent: SourceExtent, scriptBlock: ScriptBlockAst) {
        self.extent = extent
        self.scriptBlock = scriptBlock
    }
}
