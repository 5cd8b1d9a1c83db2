/// The root of a parsed script, and the body of a `{ }` script block or a function.
///
/// Statements outside `begin`/`process`/`end` go into `endBlock` (for a filter: `processBlock`),
/// as in PowerShell, so the interpreter has one way to run a body.
public final class ScriptBlockAst: AstNode {
    /// The whole script, or the script block including its braces.
    public let extent: SourceExtent
    public let paramBlock: ParamBlockAst?
    public let beginBlock: NamedBlockAst?
    public let processBlock: NamedBlockAst?
    public let endBlock: NamedBlockAst?
    /// Offsets of the text between the braces (the whole text for a script).
    public let bodyStartOffset: Int
    public let bodyEndOffset: Int

    public init(extent: SourceExtent, paramBlock: ParamBlockAst? = nil,
                beginBlock: NamedBlockAst? = nil, processBlock: NamedBlockAst? = nil,
                endBlock: NamedBlockAst? = nil,
                bodyStartOffset: Int? = nil, bodyEndOffset: Int? = nil) {
        self.extent = extent
        self.paramBlock = paramBlock
        self.beginBlock = beginBlock
        self.processBlock = processBlock
        self.endBlock = endBlock
        self.bodyStartOffset = bodyStartOffset ?? extent.startOffset
        self.bodyEndOffset = bodyEndOffset ?? extent.endOffset
    }

    /// Kept for the original contract: an empty script block spanning `extent`.
    public convenience init(extent: SourceExtent) {
        self.init(extent: extent, paramBlock: nil)
    }

    /// The source text between the braces, as `$sb.ToString()` gives it.
    public var bodyText: String { extent.source.slice(bodyStartOffset, bodyEndOffset) }

    /// The statements of an unnamed body (`endBlock`), the common case.
    public var statements: [Statement] { endBlock?.statements ?? [] }
}

public enum NamedBlockKind: String, Sendable {
    case begin, process, end
}

/// `begin { }`, `process { }`, `end { }`, or the implicit block of statements outside them.
public final class NamedBlockAst: AstNode {
    public let extent: SourceExtent
    public let kind: NamedBlockKind
    /// True when the statements were not inside an explicit `begin`/`process`/`end`.
    public let isUnnamed: Bool
    public let statements: [Statement]
    public init(extent: SourceExtent, kind: NamedBlockKind, isUnnamed: Bool, statements: [Statement]) {
        self.extent = extent
        self.kind = kind
        self.isUnnamed = isUnnamed
        self.statements = statements
    }
}

/// `[CmdletBinding()] param( ... )`.
public final class ParamBlockAst: AstNode {
    public let extent: SourceExtent
    /// Attributes written before `param`, e.g. `[CmdletBinding()]`.
    public let attributes: [AttributeAst]
    public let parameters: [ParameterAst]
    public init(extent: SourceExtent, attributes: [AttributeAst], parameters: [ParameterAst]) {
        self.extent = extent
        self.attributes = attributes
        self.parameters = parameters
    }
}

/// One parameter: `[Parameter(Mandatory)][string]$Name = 'x'`.
public final class ParameterAst: AstNode {
    public let extent: SourceExtent
    public let name: VariableExpressionAst
    /// `[Parameter(...)]`, `[ValidateSet(...)]`, ... in source order.
    public let attributes: [AttributeAst]
    /// The type constraint (`[string]`, `[switch]`, `[string[]]`), when one is written.
    public let typeConstraint: TypeName?
    public let defaultValue: Expression?
    public init(extent: SourceExtent, name: VariableExpressionAst, attributes: [AttributeAst],
                typeConstraint: TypeName?, defaultValue: Expression?) {
        self.extent = extent
        self.name = name
        self.attributes = attributes
        self.typeConstraint = typeConstraint
        self.defaultValue = defaultValue
    }
}

/// `[Name(positional, Named = value, Flag)]`.
public final class AttributeAst: AstNode {
    public let extent: SourceExtent
    public let typeName: TypeName
    public let positionalArguments: [Expression]
    public let namedArguments: [NamedAttributeArgumentAst]
    public init(extent: SourceExtent, typeName: TypeName, positionalArguments: [Expression],
                namedArguments: [NamedAttributeArgumentAst]) {
        self.extent = extent
        self.typeName = typeName
        self.positionalArguments = positionalArguments
        self.namedArguments = namedArguments
    }
}

/// `Mandatory = $true`, or `Mandatory` alone (value omitted means `$true`).
public final class NamedAttributeArgumentAst: AstNode {
    public let extent: SourceExtent
    public let name: String
    /// nil when written without `= value`.
    public let value: Expression?
    public init(extent: SourceExtent, name: String, value: Expression?) {
        self.extent = extent
        self.name = name
        self.value = value
    }
}

/// A type name as written inside `[ ]`: `int`, `System.IO.File`, `string[]`, `byte[]`.
public final class TypeName: AstNode {
    public let extent: SourceExtent
    /// The name without array brackets, e.g. `System.IO.File`, `byte`.
    public let name: String
    /// Generic arguments (`[List[string]]`); empty for the subset's types.
    public let genericArguments: [TypeName]
    /// 0 for a plain type, 1 for `T[]`.
    public let arrayRank: Int
    public init(extent: SourceExtent, name: String, genericArguments: [TypeName] = [], arrayRank: Int = 0) {
        self.extent = extent
        self.name = name
        self.genericArguments = genericArguments
        self.arrayRank = arrayRank
    }

    /// The name as written, e.g. `byte[]`.
    public var fullName: String {
        var s = name
        if !genericArguments.isEmpty { s += "[" + genericArguments.map(\.fullName).joined(separator: ",") + "]" }
        for _ in 0..<arrayRank { s += "[]" }
        return s
    }
}
