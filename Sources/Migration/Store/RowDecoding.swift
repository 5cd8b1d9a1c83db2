import Foundation
import GRDB

/// Row <-> model mapping, by hand: 50,000-user listings must be fast, and the columns are few.
enum RowDecoding {
    static let nullUUID = UUID(uuidString: "00000000-0000-0000-0000-000000000000")!

    static func date(_ row: Row, _ column: String) -> Date? {
        (row[column] as Double?).map { Date(timeIntervalSince1970: $0) }
    }

    static func list(_ row: Row, _ column: String) -> [String] {
        guard let text: String = row[column], let data = text.data(using: .utf8),
              let list = try? JSONDecoder().decode([String].self, from: data) else { return [] }
        return list
    }

    static func json(_ list: [String]) -> String {
        // Encoding [String] cannot fail.
        String(decoding: (try? JSONEncoder().encode(list)) ?? Data("[]".utf8), as: UTF8.self)
    }

    static func uuid(_ row: Row, _ column: String) -> UUID {
        UUID(uuidString: row[column] as String) ?? RowDecoding.nullUUID
    }

    static func endpoint(_ row: Row) -> MigrationEndpoint {
        MigrationEndpoint(
            name: row["name"], remoteServer: row["remote_server"], port: row["port"],
            security: IMAPSecurity(rawValue: row["security"]) ?? .unencrypted,
            authentication: IMAPAuthentication(rawValue: row["authentication"]) ?? .basic,
            acceptUntrustedCertificates: row["accept_untrusted_certificates"],
            maxConcurrentMigrations: row["max_concurrent_migrations"],
            maxConcurrentIncrementalSyncs: row["max_concurrent_incremental_syncs"],
            guid: uuid(row, "guid"), creationDateTime: date(row, "created_at")!, lastModifiedTime: date(row, "modified_at"))
    }

    /// Expects the batch columns plus `endpoint_name` (LEFT JOIN endpoint).
    static func batch(_ row: Row, counts: BatchCounts) -> MigrationBatch {
        let settings = BatchSettings(
            sourceEndpoint: row["endpoint_name"], targetDeliveryDomain: row["target_delivery_domain"],
            excludeFolders: list(row, "exclude_folders"), includeFolders: list(row, "include_folders"),
            notificationEmails: list(row, "notification_emails"),
            startAfter: date(row, "start_after"), completeAfter: date(row, "complete_after"),
            badItemLimit: row["bad_item_limit"], largeItemLimit: row["large_item_limit"], timeZone: row["time_zone"],
            autoComplete: row["auto_complete"], allowUnknownColumnsInCsv: row["allow_unknown_columns"],
            skipReports: row["skip_reports"], reportInterval: row["report_interval"], submittedByUser: row["submitted_by"])
        var b = MigrationBatch(
            name: row["name"], settings: settings, status: MigrationBatchStatus(rawValue: row["status"]) ?? .corrupted,
            message: row["message"], batchGuid: uuid(row, "guid"), creationDateTime: date(row, "created_at")!,
            csv: CsvMetadata(rowCount: row["csv_row_count"], byteCount: row["csv_byte_count"], columns: list(row, "csv_columns")),
            counts: counts)
        b.startDateTime = date(row, "started_at")
        b.initialSyncDateTime = date(row, "initial_sync_at")
        b.lastSyncedDateTime = date(row, "last_synced_at")
        b.finalizedDateTime = date(row, "finalized_at")
        b.lastModifiedTime = date(row, "modified_at")!
        return b
    }

    /// The user columns in a fixed order, for the fast positional decoder below.
    static let userColumns = """
        u.email, u.guid, b.name AS batch_name, u.status, u.user_name, u.user_root, u.csv_row, u.recipient_type,
        u.skipped_item_count, u.synced_item_count, u.total_items_in_source, u.bytes_transferred, u.last_sync_at,
        u.last_successful_sync_at, u.error_summary, u.created_at, u.modified_at, u.mailbox_guid, u.bad_item_limit,
        u.large_item_limit, u.start_after, u.complete_after, u.skipped_approved_at, u.skipped_approved_count
        """

    static func user(_ row: Row) -> MigrationUser {
        func date(_ i: Int) -> Date? { (row[i] as Double?).map { Date(timeIntervalSince1970: $0) } }
        var u = MigrationUser(
            emailAddress: row[0], batchId: row[2], userName: row[4], userRoot: row[5], csvRow: row[6],
            status: MigrationUserStatus(rawValue: row[3]) ?? .corrupted,
            guid: UUID(uuidString: row[1] as String) ?? RowDecoding.nullUUID, recipientType: row[7],
            skippedItemCount: row[8], syncedItemCount: row[9], totalItemsInSourceMailboxCount: row[10],
            bytesTransferred: row[11], lastSyncTime: date(12), lastSuccessfulSyncTime: date(13),
            errorSummary: row[14], creationDateTime: date(15)!,
            mailboxGuid: (row[17] as String?).flatMap(UUID.init(uuidString:)) ?? RowDecoding.nullUUID)
        u.lastModifiedTime = date(16)!
        u.settings = UserSettings(badItemLimit: UserSettings.limit(row[18]), largeItemLimit: UserSettings.limit(row[19]),
                                  startAfter: date(20), completeAfter: date(21))
        u.skippedItemsApprovedTime = date(22)
        u.approvedSkippedItemCount = row[23]
        return u
    }
}
