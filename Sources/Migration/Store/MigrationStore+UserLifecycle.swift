import Foundation
import GRDB

/// Start-/Stop-/Set-MigrationUser and skipped-item approval: one user at a time, checked against
/// `UserLifecycle` inside the write transaction, each leaving a request for the engine and a
/// report line. A refusal changes nothing.
extension MigrationStore {
    /// The user whose target mailbox has this GUID (Get-MigrationUser -MailboxGuid).
    public func user(mailboxGuid: UUID) throws -> MigrationUser {
        try read { db in
            guard let row = try Row.fetchOne(db, sql: Self.userSelect + " WHERE u.mailbox_guid = ?",
                                             arguments: [mailboxGuid.uuidString.lowercased()])
            else { throw MigrationError.userNotFound(mailboxGuid.uuidString.lowercased()) }
            return RowDecoding.user(row)
        }
    }

    /// Queues a stopped or failed user again (Start-MigrationUser). A batch that isn't running
    /// (Stopped, Failed, Synced, ...) becomes Syncing, as Start-MigrationBatch would make it;
    /// its other users stay as they are.
    @discardableResult
    public func startUser(_ identity: String) throws -> MigrationUser {
        try userChange(identity) { db, u, batchRow in
            let batchStatus = MigrationBatchStatus(rawValue: batchRow["status"]) ?? .corrupted
            if let refusal = UserLifecycle.canStart(u.emailAddress, u.status, batch: u.batchId, batchStatus) { throw refusal }
            try requeue(db, [u], batchRow: batchRow, report: "The user \"\(u.emailAddress)\" was started.")
        }
    }

    /// Stops one user (Stop-MigrationUser): Stopped, or IncrementalStopped once it has synced.
    /// The engine is asked to halt the user's sync in progress.
    @discardableResult
    public func stopUser(_ identity: String) throws -> MigrationUser {
        try userChange(identity) { db, u, batchRow in
            let batchStatus = MigrationBatchStatus(rawValue: batchRow["status"]) ?? .corrupted
            if let refusal = UserLifecycle.canStop(u.emailAddress, u.status, batch: u.batchId, batchStatus) { throw refusal }
            let to = BatchLifecycle.userStatusAfter(.stop, from: u.status)!
            try db.execute(sql: "UPDATE migration_user SET status = ?, modified_at = ? WHERE email_key = ?",
                           arguments: [to.rawValue, Date().timeIntervalSince1970, u.emailAddress.identityKey])
            try recordRequest(db, .stop, batchRow: batchRow, now: Date(), user: u.emailAddress,
                              report: "The user \"\(u.emailAddress)\" was stopped.")
        }
    }

    /// Changes a user's own settings (Set-MigrationUser); nil fields of `changes` stay as they are.
    /// With `syncNow` the engine is asked for an incremental sync of the user's batch.
    @discardableResult
    public func setUser(_ identity: String, _ changes: UserSettings, syncNow: Bool = false) throws -> MigrationUser {
        try userChange(identity) { db, u, batchRow in
            let batchStatus = MigrationBatchStatus(rawValue: batchRow["status"]) ?? .corrupted
            if let refusal = UserLifecycle.canSet(u.emailAddress, u.status, batch: u.batchId, batchStatus) { throw refusal }
            let s = u.settings.merging(changes)
            try db.execute(sql: """
                UPDATE migration_user SET bad_item_limit = ?, large_item_limit = ?, start_after = ?, complete_after = ?, modified_at = ?
                WHERE email_key = ?
                """, arguments: [UserSettings.column(s.badItemLimit), UserSettings.column(s.largeItemLimit),
                                 s.startAfter?.timeIntervalSince1970, s.completeAfter?.timeIntervalSince1970,
                                 Date().timeIntervalSince1970, u.emailAddress.identityKey])
            if syncNow {
                try recordRequest(db, .syncNow, batchRow: batchRow, now: Date(), user: u.emailAddress,
                                  report: "An immediate incremental synchronization was requested for \"\(u.emailAddress)\".")
            }
        }
    }

    /// Approves a user's skipped items known now (Set-MigrationUser -ApproveSkippedItems). A user
    /// that failed with skipped items is queued again, so its batch can reach Synced.
    @discardableResult
    public func approveSkippedItems(user identity: String) throws -> MigrationUser {
        try userChange(identity) { db, u, batchRow in
            let batchStatus = MigrationBatchStatus(rawValue: batchRow["status"]) ?? .corrupted
            if let refusal = UserLifecycle.canSet(u.emailAddress, u.status, batch: u.batchId, batchStatus) { throw refusal }
            try approve(db, [u], batchRow: batchRow)
        }
    }

    /// Approves the skipped items of every user of a batch (Set-MigrationBatch -ApproveSkippedItems).
    /// Returns how many users had skipped items.
    @discardableResult
    public func approveSkippedItems(batch identity: String) throws -> Int {
        try write { db in
            let row = try changeableBatchRow(db, identity)
            let users = try Row.fetchAll(db, sql: Self.userSelect + " WHERE u.batch_id = ? AND u.skipped_item_count > 0",
                                         arguments: [row["id"] as Int64]).map(RowDecoding.user)
            try approve(db, users, batchRow: row)
            return users.count
        }
    }

    // MARK: - Helpers

    /// Runs `body` on one user and its batch in a write transaction; returns the user afterwards.
    private func userChange(_ identity: String, _ body: (Database, MigrationUser, Row) throws -> Void) throws -> MigrationUser {
        try write { db in
            guard let row = try Row.fetchOne(db, sql: Self.userSelect + " WHERE u.email_key = ? OR u.guid = ?",
                                             arguments: [identity.identityKey, identity.lowercased()])
            else { throw MigrationError.userNotFound(identity) }
            let user = RowDecoding.user(row)
            guard let batchRow = try batchRow(db, user.batchId) else { throw MigrationError.batchNotFound(user.batchId) }
            try body(db, user, batchRow)
            return RowDecoding.user(try Row.fetchOne(db, sql: Self.userSelect + " WHERE u.email_key = ?",
                                                     arguments: [user.emailAddress.identityKey])!)
        }
    }

    private func approve(_ db: Database, _ users: [MigrationUser], batchRow: Row) throws {
        let now = Date()
        for u in users {
            try db.execute(sql: "UPDATE migration_user SET skipped_approved_at = ?, skipped_approved_count = skipped_item_count, modified_at = ? WHERE email_key = ?",
                           arguments: [now.timeIntervalSince1970, now.timeIntervalSince1970, u.emailAddress.identityKey])
            try appendReport(db, batchGuid: batchRow["guid"], userKey: u.emailAddress.identityKey,
                             "\(u.skippedItemCount) skipped items were approved.", at: now)
        }
        let retry = users.filter { $0.skippedItemCount > 0 && $0.status.summary == .failed }
        try appendReport(db, batchGuid: batchRow["guid"], "Skipped items were approved for \(users.count) users"
                         + (retry.isEmpty ? "." : "; \(retry.count) failed users are queued again."), at: now)
        if !retry.isEmpty { try requeue(db, retry, batchRow: batchRow, report: nil) }
    }

    /// Queues users again and makes sure their batch runs, recording a start request.
    func requeue(_ db: Database, _ users: [MigrationUser], batchRow: Row, report: String?) throws {
        let now = Date().timeIntervalSince1970
        for u in users {
            try db.execute(sql: "UPDATE migration_user SET status = ?, error_summary = NULL, modified_at = ? WHERE email_key = ?",
                           arguments: [MigrationUserStatus.queued.rawValue, now, u.emailAddress.identityKey])
        }
        let batchStatus = MigrationBatchStatus(rawValue: batchRow["status"]) ?? .corrupted
        if !UserLifecycle.runningBatchStatuses.contains(batchStatus) {
            try db.execute(sql: "UPDATE batch SET status = ?, started_at = COALESCE(started_at, ?), modified_at = ? WHERE id = ?",
                           arguments: [MigrationBatchStatus.syncing.rawValue, now, now, batchRow["id"] as Int64])
        }
        try recordRequest(db, .start, batchRow: batchRow, now: Date(), user: users.count == 1 ? users[0].emailAddress : nil,
                          report: report)
    }
}
