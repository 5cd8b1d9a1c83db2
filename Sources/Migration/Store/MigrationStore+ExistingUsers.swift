import Foundation
import GRDB

/// Batches made of users the state already knows (New-MigrationBatch -UserIds/-Users), new CSV
/// entries for users already in a batch (Set-MigrationBatch -CSVData without -AddUsers), and
/// Set-MigrationBatch -Update.
extension MigrationStore {
    /// Creates a batch from existing migration users, given by EmailAddress or Guid. A user belongs
    /// to one batch, so each moves out of its batch (Exchange's -DisableOnCopy, always on) and
    /// keeps its stored password, MailboxGuid and what was already copied; it starts Queued. The
    /// batch uses `options.sourceEndpoint`, else the one endpoint of the users' batches. A user
    /// that is being synced must be stopped first. All or nothing.
    @discardableResult
    public func createBatch(_ options: NewBatchOptions, existingUsers identities: [String]) throws -> MigrationBatch {
        try Self.validateName(options.name)
        let now = Date()
        return try write { db in
            try checkNewBatch(db, name: options.name)
            var users: [MigrationUser] = []
            var batchEndpoints: [String: String?] = [:]
            for id in identities {
                guard let row = try Row.fetchOne(db, sql: Self.userSelect + " WHERE u.email_key = ? OR u.guid = ?",
                                                 arguments: [id.identityKey, id.lowercased()])
                else { throw MigrationError.userNotFound(id) }
                let u = RowDecoding.user(row)
                if users.contains(where: { $0.emailAddress.identityKey == u.emailAddress.identityKey }) { continue }
                guard let from = try batchRow(db, u.batchId) else { throw MigrationError.batchNotFound(u.batchId) }
                let status = MigrationBatchStatus(rawValue: from["status"]) ?? .corrupted
                if let refusal = UserLifecycle.canMove(u.emailAddress, u.status, batch: u.batchId, status) { throw refusal }
                batchEndpoints[u.batchId] = from["endpoint_name"] as String?
                users.append(u)
            }
            if users.isEmpty { throw MigrationError.invalidValue(parameter: "UserIds", reason: "No migration user was given.") }
            let endpointName: String
            if let given = options.sourceEndpoint {
                endpointName = given
            } else {
                let distinct = Set(batchEndpoints.values.compactMap { $0 }).sorted()
                guard distinct.count == 1 else { throw MigrationError.mixedSourceEndpoints(distinct) }
                endpointName = distinct[0]
            }
            guard let endpoint = try endpointRow(db, endpointName) else { throw MigrationError.endpointNotFound(endpointName) }
            let (batchId, guid) = try insertBatch(db, options, endpointId: endpoint["id"],
                                                  csv: CsvMetadata(rowCount: users.count), now: now)
            for (i, u) in users.enumerated() {
                try db.execute(sql: """
                    UPDATE migration_user SET batch_id = ?, csv_row = ?, status = ?, error_summary = NULL, modified_at = ?
                    WHERE email_key = ?
                    """, arguments: [batchId, i + 1, MigrationUserStatus.queued.rawValue, now.timeIntervalSince1970,
                                     u.emailAddress.identityKey])
                if let from = try batchRow(db, u.batchId) {
                    try appendReport(db, batchGuid: from["guid"], "The user \"\(u.emailAddress)\" was moved to the migration batch \"\(options.name)\".", at: now)
                }
            }
            return try finishNewBatch(db, options, batchId: batchId, guid: guid, origin: "\(users.count) existing migration users", now: now)
        }
    }

    /// Replaces the CSV entries (UserName, Password, UserRoot) of users already in the batch, e.g.
    /// after passwords changed (Set-MigrationBatch -CSVData without -AddUsers). Every row must name
    /// a user of this batch; otherwise nothing changes. Returns how many users were updated.
    @discardableResult
    public func updateUsers(inBatch identity: String, csv: ImapCsvFile) throws -> Int {
        let box = try box()
        let now = Date()
        return try write { db in
            let row = try changeableBatchRow(db, identity)
            var targets: [(id: Int64, guid: String, row: ImapCsvRow)] = []
            var strangers: [String] = []
            for r in csv.rows {
                if let u = try Row.fetchOne(db, sql: "SELECT id, guid FROM migration_user WHERE email_key = ? AND batch_id = ?",
                                            arguments: [r.emailAddress.identityKey, row["id"] as Int64]) {
                    targets.append((u[0], u[1], r))
                } else {
                    strangers.append(r.emailAddress)
                }
            }
            if !strangers.isEmpty { throw MigrationError.usersNotInBatch(batch: row["name"], strangers) }
            for t in targets {
                try db.execute(sql: "UPDATE migration_user SET user_name = ?, user_root = ?, modified_at = ? WHERE id = ?",
                               arguments: [t.row.userName, t.row.userRoot, now.timeIntervalSince1970, t.id])
                let sealed = try box.seal(Array(t.row.password.utf8), additionalData: Array(t.guid.utf8))
                try db.execute(sql: "INSERT OR REPLACE INTO credential (user_id, nonce, ciphertext, tag) VALUES (?, ?, ?, ?)",
                               arguments: [t.id, Data(sealed.nonce), Data(sealed.ciphertext), Data(sealed.tag)])
            }
            try db.execute(sql: "UPDATE batch SET modified_at = ? WHERE id = ?", arguments: [now.timeIntervalSince1970, row["id"] as Int64])
            try appendReport(db, batchGuid: row["guid"], "The CSV entries of \(targets.count) users were updated.", at: now)
            return targets.count
        }
    }

    /// Set-MigrationBatch -Update: the service is asked to apply the endpoint's, batch's and users'
    /// current settings. It reads them at every sync, so the request is an incremental sync of the
    /// batch's synced users now; users in progress pick the settings up at their next sync.
    public func requestUpdate(_ identity: String) throws {
        try write { db in
            let row = try changeableBatchRow(db, identity)
            try db.execute(sql: "UPDATE batch SET modified_at = ? WHERE id = ?", arguments: [Date().timeIntervalSince1970, row["id"] as Int64])
            try recordRequest(db, .syncNow, batchRow: row, now: Date(),
                              report: "An update was requested: the endpoint, batch and user settings are applied again, starting with an incremental synchronization.")
        }
    }
}
