import Foundation

/// Every failure the Migration module reports, with a message ready to show an admin.
/// Messages follow Exchange Online's voice where its text is known (reference §8); where it is
/// not published the wording is ours, kept in this one file so it is easy to correct.
/// No case ever carries a password.
public enum MigrationError: Error, Sendable, Equatable, CustomStringConvertible {
    case batchNotFound(String)
    case endpointNotFound(String)
    case userNotFound(String)
    case batchAlreadyExists(String)
    case endpointAlreadyExists(String)
    case tooManyBatches(limit: Int)
    case invalidValue(parameter: String, reason: String)
    case maxConcurrentMigrationsExceeded(value: Int, limit: Int)
    case incrementalSyncsExceedMigrations(incremental: Int, migrations: Int)
    case endpointInUse(endpoint: String, batches: [String])
    /// The batch's status forbids the operation (reference §4.8). Nothing was changed.
    case operationNotAllowed(BatchOperation, batch: String, status: MigrationBatchStatus)
    /// The user's status forbids the operation. Nothing was changed.
    case userOperationNotAllowed(UserOperation, user: String, status: MigrationUserStatus)
    /// The status of the user's batch forbids the user operation. Nothing was changed.
    case userBatchForbids(UserOperation, user: String, batch: String, status: MigrationBatchStatus)
    /// New-MigrationBatch -UserIds/-Users: the users' batches copy mail from different endpoints.
    case mixedSourceEndpoints([String])
    /// Set-MigrationBatch -CSVData without -AddUsers names users the batch doesn't have.
    case usersNotInBatch(batch: String, [String])
    /// The CSV has errors; no batch was created. Each problem names its row.
    case csvInvalid([CsvProblem])
    /// A stored password could not be decrypted (wrong or missing key file, damaged row).
    case credentialUnavailable(String)
    /// The state directory or database failed (I/O, permissions, SQLite).
    case storage(String)

    public var description: String { message }

    public var message: String {
        switch self {
        case .batchNotFound(let id): "The migration batch \"\(id)\" couldn't be found."
        case .endpointNotFound(let id): "The migration endpoint \"\(id)\" couldn't be found."
        case .userNotFound(let id): "The migration user \"\(id)\" couldn't be found."
        case .batchAlreadyExists(let name): "A migration batch with the name \"\(name)\" already exists."
        case .endpointAlreadyExists(let name): "A migration endpoint with the name \"\(name)\" already exists."
        case .tooManyBatches:
            "The maximum number of migration batches is already running. Please remove a batch before you add another one."
        case .invalidValue(let parameter, let reason): "Cannot validate argument on parameter '\(parameter)'. \(reason)"
        case .maxConcurrentMigrationsExceeded(let value, let limit):
            "The maximum number of concurrent migrations for this endpoint, '\(value)', isn't within the allowed range of 1 to '\(limit)' for endpoints of type 'IMAP'."
        case .incrementalSyncsExceedMigrations(let incremental, let migrations):
            "The value of MaxConcurrentIncrementalSyncs ('\(incremental)') must be at least 1 and can't be greater than MaxConcurrentMigrations ('\(migrations)')."
        case .endpointInUse(let endpoint, let batches):
            "The migration endpoint \"\(endpoint)\" can't be removed because it's used by the migration batch(es): \(batches.joined(separator: ", "))."
        case .operationNotAllowed(let op, let batch, let status):
            "The migration batch \"\(batch)\" can't be \(op.pastParticiple) because its status is \(status.rawValue)."
        case .userOperationNotAllowed(let op, let user, let status):
            "The migration user \"\(user)\" can't be \(op.pastParticiple) because its status is \(status.rawValue)."
        case .userBatchForbids(let op, let user, let batch, let status):
            "The migration user \"\(user)\" can't be \(op.pastParticiple) because its migration batch \"\(batch)\" is \(status.rawValue)."
        case .mixedSourceEndpoints(let endpoints):
            "The users come from batches with different source endpoints (\(endpoints.joined(separator: ", "))); a migration batch has one source endpoint."
        case .usersNotInBatch(let batch, let users):
            "The CSV data names users that aren't in the migration batch \"\(batch)\": \(users.joined(separator: ", ")). Use -AddUsers to add new users."
        case .csvInvalid(let problems): CsvProblem.summary(of: problems)
        case .credentialUnavailable(let email):
            "The stored password for \"\(email)\" can't be read. The key file may be missing or changed; recreate the batch."
        case .storage(let detail): "The migration state couldn't be accessed: \(detail)"
        }
    }

    /// The Exchange exception class name an ErrorRecord can show (reference §1, §8; partly inferred).
    public var exceptionTypeName: String {
        switch self {
        case .batchNotFound: "MigrationBatchNotFoundException"
        case .endpointNotFound: "MigrationEndpointNotFoundException"
        case .userNotFound: "MigrationUserNotFoundException"
        case .batchAlreadyExists: "MigrationBatchDuplicateException"
        case .endpointAlreadyExists: "MigrationEndpointDuplicateException"
        case .tooManyBatches: "MaximumNumberOfBatchesReachedException"
        case .invalidValue: "ParameterBindingValidationException"
        case .maxConcurrentMigrationsExceeded: "MaximumConcurrentMigrationLimitExceededException"
        case .incrementalSyncsExceedMigrations: "MigrationMaxConcurrentIncrementalSyncsVerificationFailedException"
        case .endpointInUse: "MigrationEndpointInUseException"
        case .operationNotAllowed, .userOperationNotAllowed, .userBatchForbids, .mixedSourceEndpoints: "MigrationPermanentException"
        case .usersNotInBatch: "MigrationUserNotFoundException"
        case .csvInvalid: "MigrationCSVValidationException"
        case .credentialUnavailable: "MigrationPermanentException"
        case .storage: "MigrationTransientException"
        }
    }

    /// PowerShell's ErrorCategory name that fits (for CategoryInfo).
    public var categoryName: String {
        switch self {
        case .batchNotFound, .endpointNotFound, .userNotFound: "ObjectNotFound"
        case .batchAlreadyExists, .endpointAlreadyExists: "ResourceExists"
        case .tooManyBatches: "LimitsExceeded"
        case .invalidValue, .maxConcurrentMigrationsExceeded, .incrementalSyncsExceedMigrations: "InvalidArgument"
        case .endpointInUse, .operationNotAllowed, .userOperationNotAllowed, .userBatchForbids, .mixedSourceEndpoints: "InvalidOperation"
        case .usersNotInBatch: "ObjectNotFound"
        case .csvInvalid: "InvalidData"
        case .credentialUnavailable: "SecurityError"
        case .storage: "WriteError"
        }
    }
}

/// Batch operations whose allowance depends on the batch status.
public enum BatchOperation: String, Sendable, CaseIterable {
    case start, stop, complete, set, remove, addUsers

    var pastParticiple: String {
        switch self {
        case .start: "started"
        case .stop: "stopped"
        case .complete: "completed"
        case .set: "changed"
        case .remove: "removed"
        case .addUsers: "given new users"
        }
    }
}

/// User operations whose allowance depends on the user status.
public enum UserOperation: String, Sendable, CaseIterable {
    case remove, start, stop, set, move

    var pastParticiple: String {
        switch self {
        case .remove: "removed"
        case .start: "started"
        case .stop: "stopped"
        case .set: "changed"
        case .move: "moved to another batch"
        }
    }
}
