/// A command declared once: name, parameters, sets, help and how to make an instance.
public struct CommandDeclaration: Sendable {
    public var name: String
    public var synopsis: String
    public var description: String
    public var parameters: [ParameterDeclaration]
    public var defaultParameterSet: String?
    public var examples: [CommandExample]
    /// Type names of what the command writes (Get-Help's OUTPUTS).
    public var outputTypes: [String]
    /// Adds -WhatIf and -Confirm and enables `shouldProcess`.
    public var supportsShouldProcess: Bool
    public var confirmImpact: ConfirmImpact
    public var make: @Sendable () -> Cmdlet

    public init(name: String, synopsis: String, description: String = "",
                parameters: [ParameterDeclaration] = [], defaultParameterSet: String? = nil,
                examples: [CommandExample] = [], outputTypes: [String] = [],
                supportsShouldProcess: Bool = false, confirmImpact: ConfirmImpact = .medium,
                make: @escaping @Sendable () -> Cmdlet) {
        self.name = name
        self.synopsis = synopsis
        self.description = description
        self.parameters = parameters
        self.defaultParameterSet = defaultParameterSet
        self.examples = examples
        self.outputTypes = outputTypes
        self.supportsShouldProcess = supportsShouldProcess
        self.confirmImpact = confirmImpact
        self.make = make
    }

    /// The declared parameter whose name or alias is exactly `name` (case-insensitive).
    public func parameter(named name: String) -> ParameterDeclaration? {
        parameters.first {
            $0.name.caseInsensitiveCompare(name) == .orderedSame
                || $0.aliases.contains { $0.caseInsensitiveCompare(name) == .orderedSame }
        }
    }
}

public struct CommandExample: Sendable {
    public var code: String
    public var remarks: String
    public init(_ code: String, _ remarks: String) { self.code = code; self.remarks = remarks }
}

public enum ConfirmImpact: String, Sendable { case none = "None", low = "Low", medium = "Medium", high = "High" }
