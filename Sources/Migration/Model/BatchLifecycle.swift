/// Which batch operations each status allows, and what they change (reference §4.8, issue 4).
/// Pure functions: the store calls them inside its write transaction, the cmdlets may call them
/// for -WhatIf. A refusal is the ready-to-show `MigrationError.operationNotAllowed`.
///
/// | status                              | start | stop | complete | set | remove |
/// |-------------------------------------|-------|------|----------|-----|--------|
/// | Created                             | yes   | no   | no       | yes | yes    |
/// | Starting, Syncing, IncrementalSyncing, Waiting | no | yes | no  | yes | yes    |
/// | Synced, SyncedWithErrors            | yes   | yes  | yes      | yes | yes    |
/// | Stopping                            | no    | no   | no       | no  | yes    |
/// | Stopped, Failed                     | yes   | no   | no       | yes | yes    |
/// | Completing                          | no    | no   | no       | no  | yes    |
/// | Completed                           | no    | no   | no       | no  | yes    |
/// | CompletedWithErrors                 | yes   | no   | no       | no  | yes    |
/// | Corrupted                           | no    | no   | no       | no  | yes    |
/// | Removing                            | no    | no   | no       | no  | no     |
///
/// Complete is accepted for IMAP batches (Exchange Online refuses it; migsh does not, see issue 4).
public enum BatchLifecycle {
    public static func canStart(_ batch: String, _ status: MigrationBatchStatus) -> MigrationError? {
        switch status {
        case .created, .stopped, .failed, .synced, .syncedWithErrors, .completedWithErrors: nil
        default: .operationNotAllowed(.start, batch: batch, status: status)
        }
    }

    public static func canStop(_ batch: String, _ status: MigrationBatchStatus) -> MigrationError? {
        switch status {
        case .starting, .syncing, .incrementalSyncing, .waiting, .synced, .syncedWithErrors: nil
        default: .operationNotAllowed(.stop, batch: batch, status: status)
        }
    }

    public static func canComplete(_ batch: String, _ status: MigrationBatchStatus) -> MigrationError? {
        switch status {
        case .synced, .syncedWithErrors: nil
        default: .operationNotAllowed(.complete, batch: batch, status: status)
        }
    }

    public static func canSet(_ batch: String, _ status: MigrationBatchStatus) -> MigrationError? {
        switch status {
        case .created, .starting, .syncing, .incrementalSyncing, .waiting, .synced, .syncedWithErrors, .stopped, .failed: nil
        default: .operationNotAllowed(.set, batch: batch, status: status)
        }
    }

    public static func canRemove(_ batch: String, _ status: MigrationBatchStatus) -> MigrationError? {
        status == .removing ? .operationNotAllowed(.remove, batch: batch, status: status) : nil
    }

    /// Adding users from a CSV (Set-MigrationBatch -AddUsers) follows the same rule as Set.
    public static func canAddUsers(_ batch: String, _ status: MigrationBatchStatus) -> MigrationError? {
        canSet(batch, status).map { _ in .operationNotAllowed(.addUsers, batch: batch, status: status) }
    }

    public static func check(_ operation: BatchOperation, _ batch: String, _ status: MigrationBatchStatus) -> MigrationError? {
        switch operation {
        case .start: canStart(batch, status)
        case .stop: canStop(batch, status)
        case .complete: canComplete(batch, status)
        case .set: canSet(batch, status)
        case .remove: canRemove(batch, status)
        case .addUsers: canAddUsers(batch, status)
        }
    }

    // MARK: - Effects

    /// The batch status right after the cmdlet. Start and stop settle at once (the engine picks
    /// the request up and moves users on); complete waits for the engine's final sync.
    public static func statusAfter(_ operation: BatchOperation, from status: MigrationBatchStatus) -> MigrationBatchStatus {
        switch operation {
        case .start: .syncing
        case .stop: .stopped
        case .complete: .completing
        case .remove: .removing
        case .set, .addUsers: status
        }
    }

    /// The new status of a user when its batch undergoes `operation`, or nil to leave it alone.
    /// Start queues users that are not synced (retrying failures); stop halts users still
    /// in progress; complete moves everyone still alive to Completing.
    public static func userStatusAfter(_ operation: BatchOperation, from status: MigrationUserStatus) -> MigrationUserStatus? {
        switch operation {
        case .start:
            switch status {
            case .stopped, .failed, .incrementalStopped, .incrementalFailed, .completionFailed: .queued
            default: nil
            }
        case .stop:
            switch status {
            case .queued, .syncing, .starting, .validating, .provisioning, .provisionUpdating: .stopped
            case .incrementalSyncing, .synced, .incrementalSynced: .incrementalStopped
            default: nil
            }
        case .complete:
            switch status {
            case .synced, .incrementalSynced, .incrementalSyncing, .queued, .syncing: .completing
            default: nil
            }
        case .remove: .removing
        case .set, .addUsers: nil
        }
    }

    /// Statuses of users that may be removed on their own (Remove-MigrationUser).
    public static func canRemoveUser(_ user: String, _ status: MigrationUserStatus) -> MigrationError? {
        status == .removing ? .userOperationNotAllowed(.remove, user: user, status: status) : nil
    }
}
