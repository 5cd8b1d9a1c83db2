// Exchange's enums for IMAP migration, with Exchange's exact value names (reference §1).
// Raw values are both the text Exchange prints and the text stored in the database.

/// How the IMAP connection is protected (`-Security`).
public enum IMAPSecurity: String, CaseIterable, Sendable, Codable {
    /// Exchange prints this as `None` (named differently in Swift so it never collides with `Optional.none`).
    case unencrypted = "None"
    case ssl = "Ssl"
    case tls = "Tls"
}

/// `-Authentication`. Exchange's enum is longer; only these make sense for IMAP.
public enum IMAPAuthentication: String, CaseIterable, Sendable, Codable {
    case basic = "Basic"
    case ntlm = "Ntlm"
}

/// `MigrationType`. migsh only creates IMAP endpoints and batches.
public enum MigrationType: String, CaseIterable, Sendable, Codable {
    case imap = "IMAP"
}

/// `MigrationBatchStatus`, in Exchange's declaration order.
public enum MigrationBatchStatus: String, CaseIterable, Sendable, Codable {
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

    /// Case-insensitive lookup by Exchange name (PowerShell enum binding is case-insensitive).
    public init?(name: String) {
        guard let match = Self.allCases.first(where: { $0.rawValue.lowercased() == name.lowercased() }) else { return nil }
        self = match
    }
}

/// `MigrationUserStatus`, in Exchange's declaration order.
public enum MigrationUserStatus: String, CaseIterable, Sendable, Codable {
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

    public init?(name: String) {
        guard let match = Self.allCases.first(where: { $0.rawValue.lowercased() == name.lowercased() }) else { return nil }
        self = match
    }

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
public enum MigrationUserStatusSummary: String, CaseIterable, Sendable, Codable {
    case active = "Active"
    case failed = "Failed"
    case synced = "Synced"
    case completed = "Completed"
    case stopped = "Stopped"

    public init?(name: String) {
        guard let match = Self.allCases.first(where: { $0.rawValue.lowercased() == name.lowercased() }) else { return nil }
        self = match
    }

    /// The detailed statuses that roll up to this summary (for `-StatusSummary` filters in SQL).
    public var statuses: [MigrationUserStatus] { MigrationUserStatus.allCases.filter { $0.summary == self } }
}
