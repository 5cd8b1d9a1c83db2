import PowerShell

/// Parameters that several migration cmdlets share, declared once.
enum SharedParameters {
    /// Completion provider keys registered by `MigrationCommands.register`.
    static let batchProvider = "MigrationBatch"
    static let endpointProvider = "MigrationEndpoint"
    static let userProvider = "MigrationUser"

    /// Exchange's `[-Identity]` at position 1, bound from the pipeline by value (an identity
    /// string or an object whose string form is its identity) and by property name.
    static func identity(_ type: PSType, display: String? = nil, provider: String, mandatory: Bool, help: String,
                         set: String = ParameterSetMembership.allSetsName) -> ParameterDeclaration {
        var p = ParameterDeclaration(
            "Identity", type,
            sets: [ParameterSetMembership(set, position: 1, mandatory: mandatory,
                                          valueFromPipeline: true, valueFromPipelineByPropertyName: true)],
            help: help, completion: .provider(provider))
        p.displayTypeName = display
        return p
    }

    /// Accepted for compatibility and ignored: Exchange reserves it for Microsoft's own use.
    static let partition = ParameterDeclaration(
        "Partition", .string,
        help: "Accepted for compatibility with Exchange Online, which reserves it for internal use; migsh ignores it.")

    /// Accepted for compatibility and ignored: Exchange uses it for support diagnostics.
    static let diagnosticInfo = ParameterDeclaration(
        "DiagnosticInfo", .string,
        help: "Accepted for compatibility with Exchange Online, where support staff use it; migsh ignores it.")

    static func named(_ name: String, _ type: PSType, display: String? = nil, set: String = ParameterSetMembership.allSetsName,
                      mandatory: Bool = false, help: String, range: ClosedRange<Int>? = nil,
                      maxLength: Int? = nil, completion: CompletionKind = .none,
                      defaultDescription: String? = nil) -> ParameterDeclaration {
        inSets(name, type, display: display, sets: [set], mandatory: mandatory, help: help, range: range,
               maxLength: maxLength, completion: completion, defaultDescription: defaultDescription)
    }

    /// A parameter that belongs to several (but not all) sets with the same settings.
    static func inSets(_ name: String, _ type: PSType, display: String? = nil, sets: [String], mandatory: Bool = false,
                       help: String, range: ClosedRange<Int>? = nil, maxLength: Int? = nil,
                       completion: CompletionKind = .none, defaultDescription: String? = nil) -> ParameterDeclaration {
        var p = ParameterDeclaration(name, type, sets: sets.map { ParameterSetMembership($0, mandatory: mandatory) },
                                     help: help, range: range, maxLength: maxLength, completion: completion,
                                     defaultDescription: defaultDescription)
        p.displayTypeName = display
        return p
    }
}

extension ParameterDeclaration {
    /// The declaration with the type name Get-Help shows (Exchange's documented type).
    func displayed(as typeName: String) -> ParameterDeclaration {
        var p = self
        p.displayTypeName = typeName
        return p
    }
}
