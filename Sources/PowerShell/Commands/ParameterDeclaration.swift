/// One parameter of a command, declared once: the binder, Get-Help, Get-Command -Syntax
/// and tab completion all read this value.
public struct ParameterDeclaration: Sendable {
    public var name: String
    public var type: PSType
    public var aliases: [String]
    /// Membership in parameter sets; `[.all()]` for a parameter in every set.
    public var sets: [ParameterSetMembership]
    public var help: String
    /// ValidateRange for numeric parameters.
    public var range: ClosedRange<Int>?
    /// ValidateLength for strings (e.g. batch names up to 64 characters).
    public var maxLength: Int?
    public var completion: CompletionKind
    /// Shown by Get-Help as the default value, when there is one.
    public var defaultDescription: String?
    /// ValidateSet: the allowed values (compared case-insensitively), nil when any value goes.
    public var validateSet: [String]? = nil
    /// ValidateNotNullOrEmpty.
    public var validateNotNullOrEmpty: Bool = false
    /// Other Validate* checks (pattern, script, count, minimum length).
    public var validations: [ParameterValidation] = []
    /// ValueFromRemainingArguments: positional arguments no other parameter takes are collected
    /// here as an array (`Write-Output a b c`, `ForEach-Object Replace '-' '+'`).
    public var valueFromRemainingArguments: Bool = false
    /// The type name Get-Help and Get-Command -Syntax show instead of the binder type's, when the
    /// declared type is looser than the documented one (Exchange's `<MigrationBatchIdParameter>`
    /// is bound as an object). nil shows the binder type.
    public var displayTypeName: String? = nil

    public init(_ name: String, _ type: PSType, aliases: [String] = [],
                sets: [ParameterSetMembership] = [.all()], help: String = "",
                range: ClosedRange<Int>? = nil, maxLength: Int? = nil,
                completion: CompletionKind = .none, defaultDescription: String? = nil) {
        self.name = name
        self.type = type
        self.aliases = aliases
        self.sets = sets
        self.help = help
        self.range = range
        self.maxLength = maxLength
        self.completion = completion
        self.defaultDescription = defaultDescription
    }

    public var isSwitch: Bool { type == .switchParameter }
}

public struct ParameterSetMembership: Sendable {
    public static let allSetsName = "__AllParameterSets"
    public var setName: String
    public var position: Int?
    public var mandatory: Bool
    public var valueFromPipeline: Bool
    public var valueFromPipelineByPropertyName: Bool

    public init(_ setName: String = ParameterSetMembership.allSetsName, position: Int? = nil,
                mandatory: Bool = false, valueFromPipeline: Bool = false,
                valueFromPipelineByPropertyName: Bool = false) {
        self.setName = setName
        self.position = position
        self.mandatory = mandatory
        self.valueFromPipeline = valueFromPipeline
        self.valueFromPipelineByPropertyName = valueFromPipelineByPropertyName
    }

    public static func all(position: Int? = nil, mandatory: Bool = false, valueFromPipeline: Bool = false,
                           valueFromPipelineByPropertyName: Bool = false) -> ParameterSetMembership {
        ParameterSetMembership(allSetsName, position: position, mandatory: mandatory,
                               valueFromPipeline: valueFromPipeline,
                               valueFromPipelineByPropertyName: valueFromPipelineByPropertyName)
    }
}

/// What the REPL offers after `-Param <Tab>`.
public enum CompletionKind: Sendable, Equatable {
    case none
    case files
    /// Fixed values (enums are completed from their type without this).
    case values([String])
    /// Values computed at completion time by a provider registered under this key
    /// (e.g. "MigrationBatch" lists existing batch identities).
    case provider(String)
}
