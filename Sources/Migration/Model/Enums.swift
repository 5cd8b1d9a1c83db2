// Exchange's enums for IMAP migration, with Exchange's exact value names (reference §1).
// Raw values are both the text Exchange prints and the text stored in the database.

/// An enum whose raw values are Exchange's names.
public protocol ExchangeEnum: RawRepresentable, CaseIterable, Sendable where RawValue == String {}

extension ExchangeEnum {
    /// Case-insensitive lookup by Exchange name (PowerShell binds enum arguments ignoring case).
    public init?(name: String) {
        let key = name.lowercased()
        guard let match = Self.allCases.first(where: { $0.rawValue.lowercased() == key }) else { return nil }
        self = match
    }

    /// The names, in declaration order (for ValidateSet-style messages and tab completion).
    public static var names: [String] { allCases.map(\.rawValue) }
}

/// How the IMAP connection is protected (`-Security`).
public enum IMAPSecurity: String, ExchangeEnum, Codable {
    /// Exchange prints this as `None` (named differently in Swift so it never collides with `Optional.none`).
    case unencrypted = "None"
    case ssl = "Ssl"
    case tls = "Tls"
}

/// `-Authentication`. Exchange's enum is longer; only these make sense for IMAP.
public enum IMAPAuthentication: String, ExchangeEnum, Codable {
    case basic = "Basic"
    case ntlm = "Ntlm"
}

/// `MigrationType`. migsh only creates IMAP endpoints and batches.
public enum MigrationType: String, ExchangeEnum, Codable {
    case imap = "IMAP"
}

/// `MigrationBatchStatus`, in Exchange's declaration order.
public enum MigrationBatchStatus: String, ExchangeEnum, Codable {
    case created = "Created"
    case syncing = "Syncing"
    case stopping = "Stopping"
    case stopped = "Stopped"
    case completed = "Completed"
    case failed = "Failed"
    case removing = "Removing"
    case synced = "Synced"
    case incrementalSyncing = "IncrementalSyncing"
    case completing = "Completing"
    case completedWithErrors = "CompletedWithErrors"
    case syncedWithErrors = "SyncedWithErrors"
    case corrupted = "Corrupted"
    case waiting = "Waiting"
    case starting = "Starting"
}

/// `MigrationUserStatus`, in Exchange's declaration order.
public enum MigrationUserStatus: String, ExchangeEnum, Codable {
    case queued = "Queued"
    case syncing = "Syncing"
    case failed = "Failed"
    case synced = "Synced"
    case incrementalFailed = "IncrementalFailed"
    case completing = "Completing"
    case completed = "Completed"
    case completionFailed = "CompletionFailed"
    case corrupted = "Corrupted"
    case provisioning = "Provisioning"
    case provisionUpdating = "ProvisionUpdating"
    case completionSynced = "CompletionSynced"
    case validating = "Validating"
    case incrementalSyncing = "IncrementalSyncing"
    case incrementalSynced = "IncrementalSynced"
    case completedWithWarnings = "CompletedWithWarnings"
    case stopped = "Stopped"
    case incrementalStopped = "IncrementalStopped"
    case starting = "Starting"
    case stopping = "Stopping"
    case removing = "Removing"

    /// The `StatusSummary` roll-up Exchange shows beside the detailed status.
    public var summary: MigrationUserStatusSummary {
        switch self {
        case .failed, .incrementalFailed, .completionFailed, .corrupted: .failed
        case .synced, .incrementalSynced, .completionSynced: .synced
        case .completed, .completedWithWarnings: .completed
        case .stopped, .incrementalStopped: .stopped
        case .queued, .syncing, .completing, .provisioning, .provisionUpdating, .validating,
             .incrementalSyncing, .starting, .stopping, .removing: .active
        }
    }
}

/// `MigrationUserStatusSummary`.
public enum MigrationUserStatusSummary: String, ExchangeEnum, Codable {
    case active = "Active"
    case failed = "Failed"
    case synced = "Synced"
    case completed = "Completed"
    case stopped = "Stopped"

    /// The detailed statuses that roll up to this summary (for `-StatusSummary` filters in SQL).
    public var statuses: [MigrationUserStatus] { MigrationUserStatus.allCases.filter { $0.summary == self } }
}
