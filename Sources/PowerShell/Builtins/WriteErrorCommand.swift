import Foundation

/// Write-Error: a non-terminating error with pwsh's shape (WriteErrorException, NotSpecified,
/// FullyQualifiedErrorId `Microsoft.PowerShell.Commands.WriteErrorException`).
final class WriteErrorCommand: Cmdlet {
    static let categories = PSType.enumeration(name: "System.Management.Automation.ErrorCategory", values: [
        "NotSpecified", "OpenError", "CloseError", "DeviceError", "DeadlockDetected", "InvalidArgument", "InvalidData",
        "InvalidOperation", "InvalidResult", "InvalidType", "MetadataError", "NotImplemented", "NotInstalled",
        "ObjectNotFound", "OperationStopped", "OperationTimeout", "SyntaxError", "ParserError", "PermissionDenied",
        "ResourceBusy", "ResourceExists", "ResourceUnavailable", "ReadError", "WriteError", "FromStdErr",
        "SecurityError", "ProtocolError", "ConnectionError", "AuthenticationError", "LimitsExceeded", "QuotaExceeded",
        "NotEnabled"])

    static let declaration = CommandDeclaration(
        name: "Write-Error", synopsis: "Writes an object to the error stream.",
        description: "Writes a non-terminating error: the command goes on, the error is shown on stderr, added to $Error and sets $? to False. With -ErrorAction Stop it becomes terminating.",
        parameters: [
            ParameterDeclaration("Message", .string, aliases: ["Msg"], sets: [
                ParameterSetMembership("NoException", position: 0, mandatory: true, valueFromPipeline: true),
                ParameterSetMembership("WithException")], help: "The error message."),
            ParameterDeclaration("Exception", .object, sets: [ParameterSetMembership("WithException", mandatory: true)],
                                 help: "An exception (or its message) that the error wraps."),
            ParameterDeclaration("ErrorRecord", .object, sets: [ParameterSetMembership("ErrorRecord", mandatory: true)],
                                 help: "An error record to write again (for example $_ in a catch block)."),
            ParameterDeclaration("Category", categories, sets: [ParameterSetMembership("NoException"), ParameterSetMembership("WithException")],
                                 help: "The error category.", defaultDescription: "NotSpecified"),
            ParameterDeclaration("ErrorId", .string, sets: [ParameterSetMembership("NoException"), ParameterSetMembership("WithException")],
                                 help: "An identifier for the error."),
            ParameterDeclaration("TargetObject", .object, sets: [ParameterSetMembership("NoException"), ParameterSetMembership("WithException")],
                                 help: "The object being processed when the error happened."),
            Builtin.param("RecommendedAction", .string, help: "What the user should do about the error."),
            Builtin.param("CategoryActivity", .string, aliases: ["Activity"], help: "The action that failed."),
            Builtin.param("CategoryReason", .string, aliases: ["Reason"], help: "Why the action failed."),
            Builtin.param("CategoryTargetName", .string, aliases: ["TargetName"], help: "The name of the target."),
            Builtin.param("CategoryTargetType", .string, aliases: ["TargetType"], help: "The type of the target."),
        ],
        defaultParameterSet: "NoException",
        examples: [CommandExample("Write-Error \"Batch not found\"", "Writes a non-terminating error."),
                   CommandExample("Write-Error -Message \"Bad row\" -Category InvalidData -ErrorId BadRow", "Writes an error with a category and id.")],
        make: { WriteErrorCommand() })

    func process(_ context: CommandContext) throws {
        let p = context.parameters
        if let existing = p["ErrorRecord"] {
            context.writeError(Self.record(from: existing, context))
            return
        }
        var message = p.string("Message") ?? ""
        var exceptionType = "Microsoft.PowerShell.Commands.WriteErrorException"
        if let ex = p["Exception"] {
            if case .object(let o) = ex {
                if message.isEmpty { message = o["Message"].map { Conversion.toString($0) } ?? Conversion.toString(ex) }
                exceptionType = o.typeName
            } else if message.isEmpty { message = Conversion.toString(ex); exceptionType = "System.Exception" }
        }
        let category = p.string("Category").flatMap { ErrorCategory(rawValue: $0) } ?? .notSpecified
        let id = p.string("ErrorId") ?? "Microsoft.PowerShell.Commands.WriteErrorException"
        context.writeError(ErrorRecord(message: message, errorId: id, category: category, targetObject: p["TargetObject"],
                                       exceptionType: exceptionType, commandName: "Write-Error"))
    }

    /// An error record given back to Write-Error: keep its message and id when it is one.
    static func record(from value: Value, _ context: CommandContext) -> ErrorRecord {
        if case .object(let o) = value {
            let message = o["Exception"].flatMap { ex -> String? in
                if case .object(let e) = ex, let m = e["Message"] { return Conversion.toString(m) }
                return nil
            } ?? o.toStringValue ?? Conversion.toString(value)
            let id = o["FullyQualifiedErrorId"].map { Conversion.toString($0) } ?? "Microsoft.PowerShell.Commands.WriteErrorException"
            return ErrorRecord(message: message, errorId: id, commandName: "Write-Error")
        }
        return ErrorRecord(message: Conversion.toString(value), errorId: "Microsoft.PowerShell.Commands.WriteErrorException",
                           exceptionType: "Microsoft.PowerShell.Commands.WriteErrorException", commandName: "Write-Error")
    }
}

/// Write-Progress: hands a progress record to the host (a bar on a terminal, nothing otherwise).
final class WriteProgressCommand: Cmdlet {
    static let declaration = CommandDeclaration(
        name: "Write-Progress", synopsis: "Shows a progress bar.",
        description: "Reports the progress of a long operation. The console shows a bar on a terminal and nothing when output is redirected.",
        parameters: [
            Builtin.param("Activity", .string, position: 0, help: "The operation whose progress is shown."),
            Builtin.param("Status", .string, position: 1, help: "The current state of the operation."),
            ParameterDeclaration("Id", .int, sets: [.all(position: 2)], help: "Distinguishes simultaneous progress bars.", range: 0...Int(Int32.max)),
            ParameterDeclaration("PercentComplete", .int, help: "How much is done, -1 to 100.", range: -1...100),
            Builtin.param("SecondsRemaining", .int, help: "The estimated time left."),
            Builtin.param("CurrentOperation", .string, help: "The step being done now."),
            Builtin.param("ParentId", .int, help: "The parent progress bar."),
            Builtin.param("Completed", .switchParameter, help: "Removes the progress bar."),
            Builtin.param("SourceId", .int, help: "The source of the record."),
        ],
        examples: [CommandExample("Write-Progress -Activity \"Syncing\" -Status \"User 3 of 10\" -PercentComplete 30", "Shows a bar at 30%.")],
        make: { WriteProgressCommand() })

    func process(_ context: CommandContext) throws {
        let p = context.parameters
        var status = p.string("Status") ?? ""
        if let op = p.string("CurrentOperation"), !op.isEmpty { status += status.isEmpty ? op : " " + op }
        context.writeProgress(ProgressRecord(activity: p.string("Activity") ?? "", status: status,
                                             percentComplete: Builtin.int(context, "PercentComplete") ?? -1,
                                             completed: p.isSet("Completed"), id: Builtin.int(context, "Id") ?? 0))
    }
}
