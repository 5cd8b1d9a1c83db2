import Foundation
import GRDB

/// What admins ask the engine to do. Each lifecycle cmdlet changes statuses at once and records
/// one request; the engine consumes pending requests in id order and marks them handled.
public enum SyncAction: String, Sendable, CaseIterable {
    case start, stop, complete, remove, removeUser, addUsers, syncNow
}

extension SyncAction {
    var reportLine: String {
        switch self {
        case .start: "The migration batch was started; users that aren't synced are queued."
        case .stop: "The migration batch was stopped."
        case .complete: "Completion was requested; a final incremental synchronization will run."
        case .remove: "Removal was requested; the users' stored passwords were erased."
        case .removeUser: "A user was removed from the migration batch."
        case .addUsers: "Users were added to the migration batch."
        case .syncNow: "An immediate incremental synchronization was requested."
        }
    }
}

public struct SyncRequest: Sendable, Equatable {
    public var id: Int64
    public var action: SyncAction
    public var batchGuid: UUID
    public var batchName: String
    /// Set for user-level requests (removeUser).
    public var userEmail: String?
    public var requestedAt: Date
}

/// Per-user counters the engine reports; nil leaves a counter as it is.
public struct UserProgress: Sendable, Equatable {
    public var syncedItemCount: Int?
    public var skippedItemCount: Int?
    public var totalItemsInSourceMailboxCount: Int?
    public var bytesTransferred: Int64?

    public init(syncedItemCount: Int? = nil, skippedItemCount: Int? = nil, totalItemsInSourceMailboxCount: Int? = nil,
                bytesTransferred: Int64? = nil) {
        self.syncedItemCount = syncedItemCount
        self.skippedItemCount = skippedItemCount
        self.totalItemsInSourceMailboxCount = totalItemsInSourceMailboxCount
        self.bytesTransferred = bytesTransferred
    }
}

/// Start-/Stop-/Complete-/Remove-MigrationBatch, the request queue, and the status setters
/// the engine reports progress through.
extension MigrationStore {
    /// Starts (or resumes, or retries) a batch: it becomes Syncing, its unsynced, stopped and
    /// failed users become Queued for the engine.
    @discardableResult
    public func startBatch(_ identity: String) throws -> MigrationBatch { try transition(.start, identity) }

    /// Stops a batch: it becomes Stopped, users in progress become Stopped (IncrementalStopped
    /// once synced); the engine halts their work.
    @discardableResult
    public func stopBatch(_ identity: String) throws -> MigrationBatch { try transition(.stop, identity) }

    /// Completes a Synced batch: it and its live users become Completing; the engine runs a final
    /// incremental sync and marks them Completed.
    @discardableResult
    public func completeBatch(_ identity: String) throws -> MigrationBatch { try transition(.complete, identity) }

    /// Asks for an immediate incremental sync of a batch (Set-MigrationBatch -SyncNow).
    public func syncNow(_ identity: String) throws {
        try write { db in
            let row = try changeableBatchRow(db, identity)
            try recordRequest(db, .syncNow, batchRow: row, now: Date())
        }
    }

    /// Removes a batch: its credentials are erased at once. By default the batch and its users
    /// disappear in the same transaction (nothing runs them yet). With `deferred` the batch and
    /// its users stay in `Removing` until the engine, having stopped their work, calls `purgeBatch`.
    public func removeBatch(_ identity: String, deferred: Bool = false) throws {
        try write { db in
            guard let row = try batchRow(db, identity) else { throw MigrationError.batchNotFound(identity) }
            let status = MigrationBatchStatus(rawValue: row["status"]) ?? .corrupted
            if let refusal = BatchLifecycle.canRemove(row["name"], status) { throw refusal }
            let batchId: Int64 = row["id"]
            let now = Date()
            try db.execute(sql: "DELETE FROM credential WHERE user_id IN (SELECT id FROM migration_user WHERE batch_id = ?)",
                           arguments: [batchId])
            try recordRequest(db, .remove, batchRow: row, now: now)
            if deferred {
                try setStatuses(db, .remove, batchId: batchId, from: status, now: now)
            } else {
                try db.execute(sql: "DELETE FROM batch WHERE id = ?", arguments: [batchId])
                try db.execute(sql: "DELETE FROM report_entry WHERE batch_guid = ?", arguments: [row["guid"] as String])
            }
        }
    }

    /// Deletes a batch left in Removing by `removeBatch(deferred: true)`. For the engine.
    public func purgeBatch(_ batchGuid: UUID) throws {
        try write { db in
            let guid = batchGuid.uuidString.lowercased()
            try db.execute(sql: "DELETE FROM batch WHERE guid = ? AND status = ?", arguments: [guid, MigrationBatchStatus.removing.rawValue])
            if db.changesCount > 0 { try db.execute(sql: "DELETE FROM report_entry WHERE batch_guid = ?", arguments: [guid]) }
        }
    }

    // MARK: - Requests (engine side)

    /// Requests not yet handled, oldest first.
    public func pendingRequests(limit: Int = 1000) throws -> [SyncRequest] {
        try read { db in
            try Row.fetchAll(db, sql: """
                SELECT id, action, batch_guid, batch_name, user_email, requested_at FROM sync_request
                WHERE handled_at IS NULL ORDER BY id LIMIT ?
                """, arguments: [limit]).compactMap { row in
                guard let action = SyncAction(rawValue: row[1]) else { return nil }
                return SyncRequest(id: row[0], action: action, batchGuid: UUID(uuidString: row[2] as String) ?? RowDecoding.nullUUID,
                                   batchName: row[3], userEmail: row[4], requestedAt: Date(timeIntervalSince1970: row[5]))
            }
        }
    }

    /// Marks requests handled. Handled requests older than `keepFor` are deleted so the queue
    /// does not grow forever.
    public func markRequestsHandled(_ ids: [Int64], keepFor: TimeInterval = 30 * 86_400) throws {
        try write { db in
            let stamp = Date().timeIntervalSince1970
            for id in ids {
                try db.execute(sql: "UPDATE sync_request SET handled_at = ? WHERE id = ?", arguments: [stamp, id])
            }
            try db.execute(sql: "DELETE FROM sync_request WHERE handled_at < ?", arguments: [stamp - keepFor])
        }
    }

    // MARK: - Progress (engine side; no lifecycle check: the engine drives these statuses)

    /// Sets a batch's status as the engine sees it, stamping the sync times it implies. With `expected`
    /// it is a compare-and-set: nothing changes unless the batch still has that status (a cmdlet may have
    /// stopped or removed it meanwhile); returns whether the status was written.
    @discardableResult
    public func setBatchStatus(_ identity: String, _ status: MigrationBatchStatus, message: String? = nil,
                               expected: MigrationBatchStatus? = nil) throws -> Bool {
        try write { db in
            guard let row = try batchRow(db, identity) else { throw MigrationError.batchNotFound(identity) }
            let now = Date().timeIntervalSince1970
            let synced = [.synced, .syncedWithErrors].contains(status)
            let finalized = [.completed, .completedWithErrors].contains(status)
            try db.execute(sql: """
                UPDATE batch SET status = ?, message = COALESCE(?, message), modified_at = ?,
                    initial_sync_at = CASE WHEN ? AND initial_sync_at IS NULL THEN ? ELSE initial_sync_at END,
                    last_synced_at = CASE WHEN ? THEN ? ELSE last_synced_at END,
                    finalized_at = CASE WHEN ? THEN ? ELSE finalized_at END
                WHERE id = ? AND (? IS NULL OR status = ?)
                """, arguments: [status.rawValue, message, now, synced, now, synced, now, finalized, now, row["id"] as Int64,
                                 expected?.rawValue, expected?.rawValue])
            return db.changesCount > 0
        }
    }

    /// Sets a user's status (and error, when given) as the engine sees it. With `expected` it is a
    /// compare-and-set (a Stop or Complete may have moved the user meanwhile); returns whether it wrote.
    @discardableResult
    public func setUserStatus(_ identity: String, _ status: MigrationUserStatus, errorSummary: String? = nil,
                              expected: MigrationUserStatus? = nil) throws -> Bool {
        try write { db in
            let now = Date().timeIntervalSince1970
            // A sync ended when the user lands in a synced, completed or failed status; only the
            // first two count as successful.
            let success = status.summary == .synced || status.summary == .completed
            let ended = success || status.summary == .failed
            try db.execute(sql: """
                UPDATE migration_user SET status = ?, error_summary = ?, modified_at = ?,
                    last_sync_at = CASE WHEN ? THEN ? ELSE last_sync_at END,
                    last_successful_sync_at = CASE WHEN ? THEN ? ELSE last_successful_sync_at END
                WHERE (email_key = ? OR guid = ?) AND (? IS NULL OR status = ?)
                """, arguments: [status.rawValue, errorSummary, now, ended, now, success, now,
                                 identity.identityKey, identity.lowercased(), expected?.rawValue, expected?.rawValue])
            if db.changesCount > 0 { return true }
            if try Int.fetchOne(db, sql: "SELECT 1 FROM migration_user WHERE email_key = ? OR guid = ?",
                                arguments: [identity.identityKey, identity.lowercased()]) == nil {
                throw MigrationError.userNotFound(identity)
            }
            return false
        }
    }

    /// Records a user's progress counters as the engine counts them (Get-MigrationUserStatistics
    /// shows them). nil leaves a counter alone.
    public func recordProgress(_ identity: String, _ progress: UserProgress) throws {
        try write { db in
            try db.execute(sql: """
                UPDATE migration_user SET synced_item_count = COALESCE(?, synced_item_count),
                    skipped_item_count = COALESCE(?, skipped_item_count),
                    total_items_in_source = COALESCE(?, total_items_in_source),
                    bytes_transferred = COALESCE(?, bytes_transferred), modified_at = ?
                WHERE email_key = ? OR guid = ?
                """, arguments: [progress.syncedItemCount, progress.skippedItemCount, progress.totalItemsInSourceMailboxCount,
                                 progress.bytesTransferred, Date().timeIntervalSince1970, identity.identityKey, identity.lowercased()])
            if db.changesCount == 0 { throw MigrationError.userNotFound(identity) }
        }
    }

    // MARK: - Helpers

    private func transition(_ op: BatchOperation, _ identity: String) throws -> MigrationBatch {
        try write { db in
            guard let row = try batchRow(db, identity) else { throw MigrationError.batchNotFound(identity) }
            try applyTransition(db, op, batchRow: row, now: Date())
            return RowDecoding.batch(try batchRow(db, identity)!, counts: try counts(db, batchId: row["id"]))
        }
    }

    /// Checks the lifecycle rule, moves batch and users, records the request. Inside a write.
    func applyTransition(_ db: Database, _ op: BatchOperation, batchRow row: Row, now: Date) throws {
        let status = MigrationBatchStatus(rawValue: row["status"]) ?? .corrupted
        if let refusal = BatchLifecycle.check(op, row["name"], status) { throw refusal }
        try setStatuses(db, op, batchId: row["id"], from: status, now: now)
        if op == .start {
            try db.execute(sql: "UPDATE batch SET started_at = COALESCE(started_at, ?) WHERE id = ?",
                           arguments: [now.timeIntervalSince1970, row["id"] as Int64])
        }
        let action: SyncAction = switch op {
        case .start: .start
        case .stop: .stop
        case .complete: .complete
        case .remove: .remove
        case .set, .addUsers: .addUsers
        }
        try recordRequest(db, action, batchRow: row, now: now)
    }

    private func setStatuses(_ db: Database, _ op: BatchOperation, batchId: Int64, from status: MigrationBatchStatus, now: Date) throws {
        let stamp = now.timeIntervalSince1970
        try db.execute(sql: "UPDATE batch SET status = ?, modified_at = ? WHERE id = ?",
                       arguments: [BatchLifecycle.statusAfter(op, from: status).rawValue, stamp, batchId])
        for from in MigrationUserStatus.allCases {
            guard let to = BatchLifecycle.userStatusAfter(op, from: from), to != from else { continue }
            try db.execute(sql: "UPDATE migration_user SET status = ?, modified_at = ? WHERE batch_id = ? AND status = ?",
                           arguments: [to.rawValue, stamp, batchId, from.rawValue])
        }
    }

    /// Records the request for the engine and its line in the batch's report.
    /// A user-level request names the user (`user`); `report` replaces the action's usual report line.
    func recordRequest(_ db: Database, _ action: SyncAction, batchRow row: Row, now: Date, user: String? = nil,
                       report: String? = nil) throws {
        try db.execute(sql: "INSERT INTO sync_request (action, batch_guid, batch_name, user_email, requested_at) VALUES (?, ?, ?, ?, ?)",
                       arguments: [action.rawValue, row["guid"] as String, row["name"] as String, user, now.timeIntervalSince1970])
        try appendReport(db, batchGuid: row["guid"], report ?? action.reportLine, at: now)
    }
}
