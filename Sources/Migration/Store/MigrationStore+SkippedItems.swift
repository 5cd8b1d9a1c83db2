import Foundation
import GRDB

/// Skipped items per user: the engine replaces a user's list after each sync, the cmdlets read it.
/// Rows belong to the user's row (ON DELETE CASCADE), so removing a user or batch drops them.
extension MigrationStore {
    /// Replaces the user's skipped items with `items`, in one transaction, and sets the user's
    /// SkippedItemCount to their number: the list is the one source of both.
    public func replaceSkippedItems(user identity: String, _ items: [MigrationSkippedItem]) throws {
        try write { db in
            let userId = try skippedItemsOwner(db, identity)
            try db.execute(sql: "DELETE FROM skipped_item WHERE user_id = ?", arguments: [userId])
            let insert = try db.makeStatement(sql: """
                INSERT INTO skipped_item (user_id, kind, folder_name, subject, sender, message_size, date_received, failure, source_uid)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
            for i in items {
                try insert.execute(arguments: [userId, i.kind, i.folderName, i.subject, i.sender, i.messageSize,
                                               i.dateReceived?.timeIntervalSince1970, i.failure, i.sourceUID])
            }
            try db.execute(sql: "UPDATE migration_user SET skipped_item_count = ? WHERE id = ?", arguments: [items.count, userId])
        }
    }

    /// How many skipped items the user has now (SkippedItemCount).
    public func skippedItemCount(user identity: String) throws -> Int {
        try read { db in
            let userId = try skippedItemsOwner(db, identity)
            return try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM skipped_item WHERE user_id = ?", arguments: [userId]) ?? 0
        }
    }

    /// The user's skipped items in the order the engine found them; at most `limit` when given
    /// (-LimitSkippedItemsTo).
    public func skippedItems(user identity: String, limit: Int? = nil) throws -> [MigrationSkippedItem] {
        try read { db in
            let userId = try skippedItemsOwner(db, identity)
            return try Row.fetchAll(db, sql: """
                SELECT kind, folder_name, subject, sender, message_size, date_received, failure, source_uid FROM skipped_item
                WHERE user_id = ? ORDER BY id LIMIT ?
                """, arguments: [userId, limit.map { max($0, 0) } ?? -1]).map { row in
                MigrationSkippedItem(kind: row[0], folderName: row[1], subject: row[2], sender: row[3], messageSize: row[4],
                                     dateReceived: (row[5] as Double?).map { Date(timeIntervalSince1970: $0) },
                                     failure: row[6], sourceUID: row[7])
            }
        }
    }

    private func skippedItemsOwner(_ db: Database, _ identity: String) throws -> Int64 {
        guard let id = try Int64.fetchOne(db, sql: "SELECT id FROM migration_user WHERE email_key = ? OR guid = ?",
                                          arguments: [identity.identityKey, identity.lowercased()])
        else { throw MigrationError.userNotFound(identity) }
        return id
    }
}
