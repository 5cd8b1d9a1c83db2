import Foundation
import GRDB

/// Users: Get-/Remove-MigrationUser, and the credentials only the engine reads.
extension MigrationStore {
    /// The user with this EmailAddress (or GUID), ignoring case.
    public func user(_ identity: String) throws -> MigrationUser {
        try read { db in
            guard let row = try Row.fetchOne(db, sql: Self.userSelect + " WHERE u.email_key = ? OR u.guid = ?",
                                             arguments: [identity.identityKey, identity.lowercased()])
            else { throw MigrationError.userNotFound(identity) }
            return RowDecoding.user(row)
        }
    }

    /// Users in batch order then CSV order, filtered by batch, status or status summary.
    /// `limit` caps the result (Get-MigrationUser's -ResultSize, 1000 by default there).
    public func users(batch: String? = nil, status: MigrationUserStatus? = nil,
                      statusSummary: MigrationUserStatusSummary? = nil, limit: Int? = nil) throws -> [MigrationUser] {
        try read { db in
            var conditions: [String] = []
            var arguments: StatementArguments = []
            if let batch {
                guard let b = try batchRow(db, batch) else { throw MigrationError.batchNotFound(batch) }
                conditions.append("u.batch_id = ?")
                _ = arguments.append(contentsOf: [b["id"] as Int64])
            }
            if let status {
                conditions.append("u.status = ?")
                _ = arguments.append(contentsOf: [status.rawValue])
            }
            if let statusSummary {
                let statuses = statusSummary.statuses
                conditions.append("u.status IN (\(statuses.map { _ in "?" }.joined(separator: ",")))")
                _ = arguments.append(contentsOf: StatementArguments(statuses.map(\.rawValue)))
            }
            var sql = Self.userSelect
            if !conditions.isEmpty { sql += " WHERE " + conditions.joined(separator: " AND ") }
            sql += " ORDER BY u.batch_id, u.csv_row"
            if let limit { sql += " LIMIT \(max(0, limit))" }
            var result: [MigrationUser] = []
            let cursor = try Row.fetchCursor(db, sql: sql, arguments: arguments)
            while let row = try cursor.next() { result.append(RowDecoding.user(row)) }
            return result
        }
    }

    /// How many users match, without loading them.
    public func userCount(batch: String? = nil) throws -> Int {
        try read { db in
            guard let batch else { return try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM migration_user") ?? 0 }
            guard let b = try batchRow(db, batch) else { throw MigrationError.batchNotFound(batch) }
            return try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM migration_user WHERE batch_id = ?", arguments: [b["id"] as Int64]) ?? 0
        }
    }

    /// Removes a user from its batch and erases its credential (Remove-MigrationUser).
    /// The engine is told through a `removeUser` request so it drops any work in progress.
    public func removeUser(_ identity: String) throws {
        try write { db in
            guard let row = try Row.fetchOne(db, sql: """
                SELECT u.id, u.email, u.status, b.guid, b.name FROM migration_user u JOIN batch b ON b.id = u.batch_id
                WHERE u.email_key = ? OR u.guid = ?
                """, arguments: [identity.identityKey, identity.lowercased()])
            else { throw MigrationError.userNotFound(identity) }
            let email: String = row[1]
            if let refusal = BatchLifecycle.canRemoveUser(email, MigrationUserStatus(rawValue: row[2]) ?? .corrupted) { throw refusal }
            try db.execute(sql: "DELETE FROM credential WHERE user_id = ?", arguments: [row[0] as Int64])
            try db.execute(sql: "DELETE FROM migration_user WHERE id = ?", arguments: [row[0] as Int64])
            try db.execute(sql: """
                INSERT INTO sync_request (action, batch_guid, batch_name, user_email, requested_at) VALUES (?, ?, ?, ?, ?)
                """, arguments: [SyncAction.removeUser.rawValue, row[3] as String, row[4] as String, email, Date().timeIntervalSince1970])
            try db.execute(sql: "DELETE FROM report_entry WHERE user_key = ?", arguments: [email.identityKey])
            try appendReport(db, batchGuid: row[3], "The user \"\(email)\" was removed from the migration batch.", at: Date())
        }
    }

    /// The decrypted source login of one user. For the engine only; never show its password.
    public func credential(for identity: String) throws -> ImapCredential {
        let box = try box()
        return try read { db in
            guard let row = try Row.fetchOne(db, sql: """
                SELECT u.email, u.user_name, u.user_root, u.guid, c.nonce, c.ciphertext, c.tag
                FROM migration_user u JOIN credential c ON c.user_id = u.id WHERE u.email_key = ? OR u.guid = ?
                """, arguments: [identity.identityKey, identity.lowercased()])
            else {
                if try Int.fetchOne(db, sql: "SELECT 1 FROM migration_user WHERE email_key = ? OR guid = ?",
                                    arguments: [identity.identityKey, identity.lowercased()]) != nil {
                    throw MigrationError.credentialUnavailable(identity)
                }
                throw MigrationError.userNotFound(identity)
            }
            let email: String = row[0]
            let sealed = SecretBox.Sealed(nonce: [UInt8](row[4] as Data), ciphertext: [UInt8](row[5] as Data), tag: [UInt8](row[6] as Data))
            guard let plain = box.open(sealed, additionalData: Array((row[3] as String).utf8)) else {
                throw MigrationError.credentialUnavailable(email)
            }
            return ImapCredential(emailAddress: email, userName: row[1], userRoot: row[2], password: String(decoding: plain, as: UTF8.self))
        }
    }

    // MARK: - Helpers

    static let userSelect = "SELECT \(RowDecoding.userColumns) FROM migration_user u JOIN batch b ON b.id = u.batch_id"

    /// Inserts validated rows as Queued users with sealed passwords. A row whose address is
    /// already in a batch is collected; if any was, the whole transaction fails with every such row.
    func insertUsers(_ db: Database, _ rows: [ImapCsvRow], batchId: Int64, box: SecretBox, now: Date, storedRowOffset: Int = 0) throws {
        let insertUser = try RawStatement(db, sql: """
            INSERT INTO migration_user (guid, batch_id, email, email_key, user_name, user_root, csv_row, status, recipient_type,
                created_at, modified_at, mailbox_guid) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, 'Mailbox', ?9, ?9, ?10)
            ON CONFLICT(email_key) DO NOTHING
            """)
        let insertCredential = try RawStatement(db, sql: "INSERT INTO credential (user_id, nonce, ciphertext, tag) VALUES (?, ?, ?, ?)")
        var problems: [CsvProblem] = []
        let stamp = now.timeIntervalSince1970
        let queued = MigrationUserStatus.queued.rawValue
        for r in rows {
            let guid = FastGUID.make()
            let key = r.emailAddress.identityKey
            insertUser.bind(1, guid)
            insertUser.bind(2, batchId)
            insertUser.bind(3, r.emailAddress)
            insertUser.bind(4, key)
            insertUser.bind(5, r.userName)
            insertUser.bind(6, r.userRoot)
            insertUser.bind(7, Int64(r.row + storedRowOffset))
            insertUser.bind(8, queued)
            insertUser.bind(9, stamp)
            insertUser.bind(10, FastGUID.make())
            if try insertUser.run() == 0 {
                let other = try String.fetchOne(db, sql: """
                    SELECT b.name FROM migration_user u JOIN batch b ON b.id = u.batch_id WHERE u.email_key = ?
                    """, arguments: [key]) ?? "?"
                problems.append(CsvProblem(row: r.row, line: r.line, reason: .alreadyInBatch(r.emailAddress, batch: other)))
                continue
            }
            guard problems.isEmpty else { continue }  // the transaction will fail; skip the crypto
            let userId = insertUser.lastInsertedRowID
            let sealed = try box.seal(Array(r.password.utf8), additionalData: Array(guid.utf8))
            insertCredential.bind(1, userId)
            insertCredential.bind(2, bytes: sealed.nonce)
            insertCredential.bind(3, bytes: sealed.ciphertext)
            insertCredential.bind(4, bytes: sealed.tag)
            try insertCredential.run()
        }
        if !problems.isEmpty { throw MigrationError.csvInvalid(problems) }
    }
}
