/// An error as PowerShell reports it: thrown (terminating) or written to the error stream.
public struct ErrorRecord: Error, @unchecked Sendable {
    public var message: String
    /// FullyQualifiedErrorId, e.g. "ParameterArgumentValidationError,New-MigrationBatch".
    public var errorId: String
    public var category: ErrorCategory
    public var targetObject: Value?
    /// The .NET exception type name pwsh would show, e.g. "System.Management.Automation.RuntimeException".
    public var exceptionType: String
    /// The command that raised it: the prefix of pwsh's concise view (`Get-Item: ...`).
    public var commandName: String?
    /// Where in the script it happened (the command or expression extent).
    public var position: SourceExtent?

    public init(message: String, errorId: String = "RuntimeException",
                category: ErrorCategory = .notSpecified, targetObject: Value? = nil,
                exceptionType: String = "System.Management.Automation.RuntimeException",
                commandName: String? = nil, position: SourceExtent? = nil) {
        self.message = message
        self.errorId = errorId
        self.category = category
        self.targetObject = targetObject
        self.exceptionType = exceptionType
        self.commandName = commandName
        self.position = position
    }
}

/// System.Management.Automation.ErrorCategory, the members migsh uses.
public enum ErrorCategory: String, Sendable {
    case notSpecified = "NotSpecified"
    case invalidArgument = "InvalidArgument"
    case invalidData = "InvalidData"
    case invalidOperation = "InvalidOperation"
    case invalidType = "InvalidType"
    case objectNotFound = "ObjectNotFound"
    case parserError = "ParserError"
    case permissionDenied = "PermissionDenied"
    case resourceUnavailable = "ResourceUnavailable"
    case resourceExists = "ResourceExists"
    case connectionError = "ConnectionError"
    case authenticationError = "AuthenticationError"
    case securityError = "SecurityError"
    case operationStopped = "OperationStopped"
    case operationTimeout = "OperationTimeout"
    case limitsExceeded = "LimitsExceeded"
    case writeError = "WriteError"
    case readError = "ReadError"
    case syntaxError = "SyntaxError"
    case metadataError = "MetadataError"
}
