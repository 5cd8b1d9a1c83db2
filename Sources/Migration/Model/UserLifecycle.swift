/// Which single-user operations (Start-/Stop-/Set-MigrationUser, moving a user into a new batch
/// with New-MigrationBatch -UserIds) a user's status and its batch's status allow. Pure functions,
/// called by the store inside its write transaction; a refusal is a ready-to-show error.
///
/// | operation | user status                                                   | batch status                                   |
/// |-----------|---------------------------------------------------------------|------------------------------------------------|
/// | start     | Stopped, IncrementalStopped, Failed, IncrementalFailed, CompletionFailed | not Created, Stopping, Completing, Completed, Removing, Corrupted |
/// | stop      | Queued, Syncing, Starting, Validating, IncrementalSyncing, Synced, IncrementalSynced | not Removing            |
/// | set       | not Removing                                                  | what Set-MigrationBatch allows                 |
/// | move      | not Removing; not Active while its batch runs                 | any                                            |
///
/// Start and stop move the user as Start-/Stop-MigrationBatch move their users (`BatchLifecycle.userStatusAfter`).
public enum UserLifecycle {
    /// Batch statuses in which the engine is working on the batch's users.
    public static let runningBatchStatuses: Set<MigrationBatchStatus> = [.starting, .syncing, .incrementalSyncing, .waiting,
                                                                          .completing, .stopping]

    public static func canStart(_ user: String, _ status: MigrationUserStatus, batch: String,
                                _ batchStatus: MigrationBatchStatus) -> MigrationError? {
        guard BatchLifecycle.userStatusAfter(.start, from: status) != nil else {
            return .userOperationNotAllowed(.start, user: user, status: status)
        }
        switch batchStatus {
        case .created, .stopping, .completing, .completed, .removing, .corrupted:
            return .userBatchForbids(.start, user: user, batch: batch, status: batchStatus)
        default: return nil
        }
    }

    public static func canStop(_ user: String, _ status: MigrationUserStatus, batch: String,
                               _ batchStatus: MigrationBatchStatus) -> MigrationError? {
        guard BatchLifecycle.userStatusAfter(.stop, from: status) != nil else {
            return .userOperationNotAllowed(.stop, user: user, status: status)
        }
        return batchStatus == .removing ? .userBatchForbids(.stop, user: user, batch: batch, status: batchStatus) : nil
    }

    public static func canSet(_ user: String, _ status: MigrationUserStatus, batch: String,
                              _ batchStatus: MigrationBatchStatus) -> MigrationError? {
        if status == .removing { return .userOperationNotAllowed(.set, user: user, status: status) }
        return BatchLifecycle.canSet(batch, batchStatus).map { _ in .userBatchForbids(.set, user: user, batch: batch, status: batchStatus) }
    }

    public static func canMove(_ user: String, _ status: MigrationUserStatus, batch: String,
                               _ batchStatus: MigrationBatchStatus) -> MigrationError? {
        if status == .removing || (status.summary == .active && runningBatchStatuses.contains(batchStatus)) {
            return .userOperationNotAllowed(.move, user: user, status: status)
        }
        return nil
    }
}
