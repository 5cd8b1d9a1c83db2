import Foundation
import GRDB

/// Batches: New-/Get-/Set-MigrationBatch and the counts Get-MigrationBatch shows.
extension MigrationStore {
    /// Creates a batch and all its users from a validated CSV, atomically: either the batch and
    /// every user and credential exist afterwards, or nothing changed. Refuses a 101st batch, a
    /// name that is empty, longer than 64 characters or already used, an unknown endpoint, and
    /// users already in another batch (every such row is reported). With `autoStart` the batch
    /// is started in the same transaction.
    @discardableResult
    public func createBatch(_ options: NewBatchOptions, csv: ImapCsvFile) throws -> MigrationBatch {
        try Self.validateName(options.name)
        let box = try box()
        let now = Date()
        return try write { db in
            try checkNewBatch(db, name: options.name)
            let endpointName = options.sourceEndpoint ?? ""
            guard let endpoint = try endpointRow(db, endpointName) else {
                throw MigrationError.endpointNotFound(endpointName)
            }
            let (batchId, guid) = try insertBatch(db, options, endpointId: endpoint["id"],
                                                  csv: CsvMetadata(rowCount: csv.rows.count, byteCount: csv.byteCount, columns: csv.columns),
                                                  now: now)
            try insertUsers(db, csv.rows, batchId: batchId, box: box, now: now)
            return try finishNewBatch(db, options, batchId: batchId, guid: guid,
                                      origin: "\(csv.rows.count) users from a CSV file of \(csv.byteCount) bytes", now: now)
        }
    }

    /// Adds the users of another CSV to an existing batch (Set-MigrationBatch -AddUsers -CSVData).
    @discardableResult
    public func addUsers(toBatch identity: String, csv: ImapCsvFile) throws -> MigrationBatch {
        let box = try box()
        let now = Date()
        return try write { db in
            guard let row = try batchRow(db, identity) else { throw MigrationError.batchNotFound(identity) }
            if let refusal = BatchLifecycle.canAddUsers(row["name"], MigrationBatchStatus(rawValue: row["status"]) ?? .corrupted) {
                throw refusal
            }
            let batchId: Int64 = row["id"]
            let firstRow = (try Int.fetchOne(db, sql: "SELECT MAX(csv_row) FROM migration_user WHERE batch_id = ?",
                                             arguments: [batchId])) ?? 0
            try insertUsers(db, csv.rows, batchId: batchId, box: box, now: now, storedRowOffset: firstRow)
            try db.execute(sql: "UPDATE batch SET csv_row_count = csv_row_count + ?, modified_at = ? WHERE id = ?",
                           arguments: [csv.rows.count, now.timeIntervalSince1970, batchId])
            try recordRequest(db, .addUsers, batchRow: row, now: now)
            return RowDecoding.batch(try batchRow(db, identity)!, counts: try counts(db, batchId: batchId))
        }
    }

    /// The batch named `identity` (or with that BatchGuid), ignoring case, with its counts.
    public func batch(_ identity: String) throws -> MigrationBatch {
        try read { db in
            guard let row = try batchRow(db, identity) else { throw MigrationError.batchNotFound(identity) }
            return RowDecoding.batch(row, counts: try counts(db, batchId: row["id"]))
        }
    }

    /// Batches in creation order, optionally filtered by status and/or source endpoint.
    /// An unknown endpoint identity is an error (Exchange refuses it too).
    public func batches(status: MigrationBatchStatus? = nil, endpoint: String? = nil) throws -> [MigrationBatch] {
        try read { db in
            var endpointId: Int64?
            if let endpoint {
                guard let e = try endpointRow(db, endpoint) else { throw MigrationError.endpointNotFound(endpoint) }
                endpointId = e["id"]
            }
            let rows = try Row.fetchAll(db, sql: Self.batchSelect + """
                 WHERE (?1 IS NULL OR b.status = ?1) AND (?2 IS NULL OR b.source_endpoint_id = ?2) ORDER BY b.id
                """, arguments: [status?.rawValue, endpointId])
            let all = try countsByBatch(db)
            return rows.map { RowDecoding.batch($0, counts: all[$0["id"]] ?? BatchCounts()) }
        }
    }

    /// Applies Set-MigrationBatch's changes when the status allows it.
    @discardableResult
    public func setBatch(_ identity: String, _ changes: BatchChanges) throws -> MigrationBatch {
        try write { db in
            guard let row = try batchRow(db, identity) else { throw MigrationError.batchNotFound(identity) }
            let batchId: Int64 = row["id"]
            let current = RowDecoding.batch(row, counts: try counts(db, batchId: batchId))
            if let refusal = BatchLifecycle.canSet(current.name, current.status) { throw refusal }
            let b = changes.applied(to: current, at: Date())
            try db.execute(sql: """
                UPDATE batch SET notification_emails = ?, start_after = ?, complete_after = ?, bad_item_limit = ?,
                    large_item_limit = ?, allow_unknown_columns = ?, skip_reports = ?, report_interval = ?, modified_at = ?
                WHERE id = ?
                """, arguments: [RowDecoding.json(b.notificationEmails), b.startAfter?.timeIntervalSince1970,
                                 b.completeAfter?.timeIntervalSince1970, b.badItemLimit, b.largeItemLimit,
                                 b.allowUnknownColumnsInCsv, b.skipReports, b.reportInterval,
                                 b.lastModifiedTime.timeIntervalSince1970, batchId])
            return b
        }
    }

    /// How many batches exist (Get-MigrationConfig shows it against the limit of 100).
    public func batchCount() throws -> Int {
        try read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM batch") ?? 0 }
    }

    /// Counts over every user of every batch (Get-MigrationStatistics).
    public func statistics() throws -> BatchCounts {
        try read { db in try countsByBatch(db).values.reduce(BatchCounts(), +) }
    }

    // MARK: - Helpers shared with the lifecycle and user extensions

    /// Inserts a Created batch row; returns its row id and guid.
    func insertBatch(_ db: Database, _ options: NewBatchOptions, endpointId: Int64, csv: CsvMetadata,
                     now: Date) throws -> (Int64, String) {
        let guid = UUID().uuidString.lowercased()
        try db.execute(sql: """
            INSERT INTO batch (guid, name, name_key, status, migration_type, source_endpoint_id, target_delivery_domain,
                exclude_folders, include_folders, notification_emails, start_after, complete_after, bad_item_limit,
                large_item_limit, time_zone, auto_complete, allow_unknown_columns, skip_reports, report_interval,
                submitted_by, message, csv_row_count, csv_byte_count, csv_columns, created_at, modified_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, '', ?, ?, ?, ?, ?)
            """, arguments: [
                guid, options.name, options.name.identityKey, MigrationBatchStatus.created.rawValue,
                MigrationType.imap.rawValue, endpointId, options.targetDeliveryDomain,
                RowDecoding.json(options.excludeFolders), RowDecoding.json(options.includeFolders),
                RowDecoding.json(options.notificationEmails), options.startAfter?.timeIntervalSince1970,
                options.completeAfter?.timeIntervalSince1970, options.badItemLimit, options.largeItemLimit,
                options.timeZone, options.autoComplete, options.allowUnknownColumnsInCsv, options.skipReports,
                options.reportInterval, options.submittedByUser, csv.rowCount, csv.byteCount,
                RowDecoding.json(csv.columns), now.timeIntervalSince1970, now.timeIntervalSince1970])
        return (db.lastInsertedRowID, guid)
    }

    /// The batch row for an operation that changes the batch (Set-MigrationBatch's rule), or the refusal.
    func changeableBatchRow(_ db: Database, _ identity: String) throws -> Row {
        guard let row = try batchRow(db, identity) else { throw MigrationError.batchNotFound(identity) }
        if let refusal = BatchLifecycle.canSet(row["name"], MigrationBatchStatus(rawValue: row["status"]) ?? .corrupted) {
            throw refusal
        }
        return row
    }

    /// The end of every new batch: its first report line, the start with -AutoStart, the batch as stored.
    func finishNewBatch(_ db: Database, _ options: NewBatchOptions, batchId: Int64, guid: String, origin: String,
                        now: Date) throws -> MigrationBatch {
        let by = options.submittedByUser.isEmpty ? "" : " by \(options.submittedByUser)"
        try appendReport(db, batchGuid: guid, "The migration batch was created\(by) with \(origin).", at: now)
        if options.autoStart { try applyTransition(db, .start, batchRow: try batchRow(db, options.name)!, now: now) }
        return RowDecoding.batch(try batchRow(db, options.name)!, counts: try counts(db, batchId: batchId))
    }

    /// The checks every new batch passes inside the transaction: the 100-batch limit and a free name.
    func checkNewBatch(_ db: Database, name: String) throws {
        let count = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM batch") ?? 0
        if count >= BatchLimits.maxBatches { throw MigrationError.tooManyBatches(limit: BatchLimits.maxBatches) }
        if try batchRow(db, name) != nil { throw MigrationError.batchAlreadyExists(name) }
    }

    static let batchSelect = "SELECT b.*, e.name AS endpoint_name FROM batch b LEFT JOIN endpoint e ON e.id = b.source_endpoint_id"

    func batchRow(_ db: Database, _ identity: String) throws -> Row? {
        try Row.fetchOne(db, sql: Self.batchSelect + " WHERE b.name_key = ? OR b.guid = ?",
                         arguments: [identity.identityKey, identity.lowercased()])
    }

    func counts(_ db: Database, batchId: Int64) throws -> BatchCounts {
        var c = BatchCounts()
        for row in try Row.fetchAll(db, sql: "SELECT status, COUNT(*) FROM migration_user WHERE batch_id = ? GROUP BY status",
                                    arguments: [batchId]) {
            c.add(MigrationUserStatus(rawValue: row[0]) ?? .corrupted, count: row[1])
        }
        return c
    }

    func countsByBatch(_ db: Database) throws -> [Int64: BatchCounts] {
        var all: [Int64: BatchCounts] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT batch_id, status, COUNT(*) FROM migration_user GROUP BY batch_id, status") {
            all[row[0], default: BatchCounts()].add(MigrationUserStatus(rawValue: row[1]) ?? .corrupted, count: row[2])
        }
        return all
    }

    static func validateName(_ name: String) throws {
        if name.trimmingCharacters(in: .whitespaces).isEmpty {
            throw MigrationError.invalidValue(parameter: "Name", reason: "The name can't be empty.")
        }
        if name.count > BatchLimits.maxNameLength {
            throw MigrationError.invalidValue(parameter: "Name",
                reason: "The name \"\(name)\" is \(name.count) characters long; the maximum is \(BatchLimits.maxNameLength).")
        }
    }
}
