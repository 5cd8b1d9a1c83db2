import Migration
import PowerShell

/// The error records the migration cmdlets raise, in one table so their wording is easy to
/// review. Exchange publishes few of these texts (reference §8); the rest are written in its voice.
enum MigrationErrors {
    static let notFoundException = "Microsoft.Exchange.Configuration.Tasks.ManagementObjectNotFoundException"
    static let permanentException = "Microsoft.Exchange.Migration.MigrationPermanentException"
    static let connectionFailedException = "Microsoft.Exchange.Migration.MigrationServerConnectionFailedException"

    static func record(_ message: String, exception: String, category: ErrorCategory, target: String?,
                       command: String) -> ErrorRecord {
        let shortName = exception.split(separator: ".").last.map(String.init) ?? exception
        return ErrorRecord(message: message, errorId: "\(shortName),\(command)", category: category,
                           targetObject: target.map { .string($0) }, exceptionType: exception,
                           commandName: command)
    }

    static func batchNotFound(_ name: String, command: String) -> ErrorRecord {
        record("The migration batch \"\(name)\" couldn't be found.", exception: notFoundException,
               category: .objectNotFound, target: name, command: command)
    }

    static func endpointNotFound(_ name: String, command: String) -> ErrorRecord {
        record("The migration endpoint \"\(name)\" couldn't be found.", exception: notFoundException,
               category: .objectNotFound, target: name, command: command)
    }

    static func userNotFound(_ name: String, command: String) -> ErrorRecord {
        record("The migration user \"\(name)\" couldn't be found.", exception: notFoundException,
               category: .objectNotFound, target: name, command: command)
    }

    /// The binder-style conversion error for values a cmdlet converts itself (Unlimited).
    static func cannotConvert(_ value: Value, parameter: String, typeName: String, command: String) -> ErrorRecord {
        let shown = value.stringValue ?? "\(value)"
        return ErrorRecord(
            message: "Cannot bind parameter '\(parameter)'. Cannot convert value \"\(shown)\" to type \"\(typeName)\". Error: \"The value must be a non-negative number or Unlimited.\"",
            errorId: "CannotConvertArgumentNoMessage,\(command)", category: .invalidArgument,
            targetObject: value, exceptionType: "System.Management.Automation.ParameterBindingException",
            commandName: command)
    }

    /// A required parameter that Exchange declares optional but an IMAP batch needs.
    static func missingValue(_ message: String, parameter: String, command: String) -> ErrorRecord {
        record(message, exception: permanentException, category: .invalidArgument, target: parameter, command: command)
    }
}

extension MigrationErrors {
    /// Turns a Migration module failure into the ErrorRecord a cmdlet reports.
    static func from(_ error: Error, command: String, target: String?) -> ErrorRecord {
        if let record = error as? ErrorRecord { return record }
        guard let m = error as? MigrationError else {
            return record("\(error)", exception: "Microsoft.Exchange.Migration.MigrationTransientException",
                          category: .notSpecified, target: target, command: command)
        }
        let exception: String
        switch m {
        case .batchNotFound, .endpointNotFound, .userNotFound: exception = notFoundException
        default: exception = "Microsoft.Exchange.Migration." + m.exceptionTypeName
        }
        return record(m.message, exception: exception,
                      category: ErrorCategory(rawValue: m.categoryName) ?? .notSpecified,
                      target: target, command: command)
    }

    /// One error per CSV problem (row number and reason), for the error stream.
    static func csvProblems(_ problems: [CsvProblem], command: String) -> [ErrorRecord] {
        problems.map {
            record($0.description, exception: "Microsoft.Exchange.Migration.MigrationCSVValidationException",
                   category: .invalidData, target: $0.row.map { "Row \($0)" }, command: command)
        }
    }
}
