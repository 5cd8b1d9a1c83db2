// The sync state in SQLite through GRDB. Tables are prefixed "engine_" and migrated by their own
// migrator, so they can live in the same database file as the Migration store (pass its writer) or in
// a file of their own.
import GRDB
@preconcurrency import Glibc

public final class SQLiteSyncStateStore: SyncStateStore {
    private let db: any DatabaseWriter
    /// Bumped with every schema change, like mbsync's journal version.
    public static let schemaVersion = 1

    public init(writer: any DatabaseWriter) throws {
        db = writer
        var migrator = DatabaseMigrator()
        migrator.registerMigration("engine-v1") { db in
            try db.execute(sql: """
                CREATE TABLE engine_folder (
                    user TEXT NOT NULL, source_path TEXT NOT NULL, target_path TEXT NOT NULL,
                    source_uidvalidity INTEGER NOT NULL, target_uidvalidity INTEGER NOT NULL,
                    last_source_uid INTEGER NOT NULL, source_highest_modseq INTEGER,
                    target_uidnext INTEGER NOT NULL,
                    PRIMARY KEY (user, source_path));
                CREATE TABLE engine_message (
                    user TEXT NOT NULL, source_path TEXT NOT NULL, source_uid INTEGER NOT NULL,
                    target_uid INTEGER, content_hash TEXT NOT NULL, flags TEXT NOT NULL,
                    internal_date INTEGER NOT NULL, size INTEGER NOT NULL, status TEXT NOT NULL, note TEXT,
                    PRIMARY KEY (user, source_path, source_uid)) WITHOUT ROWID;
                """)
        }
        try migrator.migrate(writer)
    }

    /// Opens (or creates) a database file of its own, readable only by its owner.
    public convenience init(path: String) throws {
        var config = Configuration()
        config.prepareDatabase { db in try db.execute(sql: "PRAGMA synchronous = FULL") }
        let queue = try DatabaseQueue(path: path, configuration: config)
        _ = chmodPrivate(path)
        try self.init(writer: queue)
    }

    // Folder paths are stored as their components joined by U+001F, which no mailbox name contains.
    static func encode(_ p: FolderPath) -> String { p.components.joined(separator: "\u{1F}") }
    static func decode(_ s: String) -> FolderPath { FolderPath(s.split(separator: "\u{1F}", omittingEmptySubsequences: false).map(String.init)) }

    public func folderStates(user: String) throws -> [FolderSyncState] {
        try db.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM engine_folder WHERE user = ? ORDER BY source_path", arguments: [user])
                .map(Self.folder(from:))
        }
    }

    public func folderState(user: String, source: FolderPath) throws -> FolderSyncState? {
        try db.read { db in
            try Row.fetchOne(db, sql: "SELECT * FROM engine_folder WHERE user = ? AND source_path = ?",
                             arguments: [user, Self.encode(source)]).map(Self.folder(from:))
        }
    }

    public func messageRecords(user: String, source: FolderPath) throws -> [UInt32: MessageRecord] {
        try db.read { db in
            var out: [UInt32: MessageRecord] = [:]
            let rows = try Row.fetchCursor(db, sql: "SELECT * FROM engine_message WHERE user = ? AND source_path = ?",
                                           arguments: [user, Self.encode(source)])
            while let row = try rows.next() {
                let r = Self.message(from: row)
                out[r.sourceUID] = r
            }
            return out
        }
    }

    public func apply(_ step: SyncStep) throws {
        let user = step.user, src = Self.encode(step.source)
        try db.write { db in
            if step.resetMessages {
                try db.execute(sql: "DELETE FROM engine_message WHERE user = ? AND source_path = ?", arguments: [user, src])
            }
            if let f = step.folder {
                try db.execute(sql: """
                    INSERT OR REPLACE INTO engine_folder VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                    """, arguments: [user, src, Self.encode(f.target), Int64(f.sourceUIDValidity), Int64(f.targetUIDValidity),
                                     Int64(f.lastSourceUID), f.sourceHighestModSeq.map { Int64(bitPattern: $0) }, Int64(f.targetUIDNext)])
            }
            let insert = try db.makeStatement(sql: "INSERT OR REPLACE INTO engine_message VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
            for m in step.messages {
                try insert.execute(arguments: [user, src, Int64(m.sourceUID), m.targetUID.map { Int64($0) }, m.contentHash,
                                               m.flags.canonical, m.internalDate.secondsSince1970, m.size, m.status.rawValue, m.note])
            }
        }
    }

    /// Every message of the user the engine skipped or failed to copy, with its source folder, in folder
    /// and UID order (the skipped-items list of Get-MigrationUserStatistics).
    public func unmigratedRecords(user: String) throws -> [(folder: FolderPath, record: MessageRecord)] {
        let wanted = [MessageRecord.Status.skipped.rawValue, MessageRecord.Status.failed.rawValue]
        return try db.read { db in
            try Row.fetchAll(db, sql: """
                SELECT * FROM engine_message WHERE user = ? AND status IN (?, ?) ORDER BY source_path, source_uid
                """, arguments: [user, wanted[0], wanted[1]]).map { (Self.decode($0["source_path"]), Self.message(from: $0)) }
        }
    }

    public func removeUser(_ user: String) throws {
        try db.write { db in
            try db.execute(sql: "DELETE FROM engine_message WHERE user = ?", arguments: [user])
            try db.execute(sql: "DELETE FROM engine_folder WHERE user = ?", arguments: [user])
        }
    }

    private static func message(from row: Row) -> MessageRecord {
        MessageRecord(
            sourceUID: UInt32(row["source_uid"] as Int64), targetUID: (row["target_uid"] as Int64?).map { UInt32($0) },
            contentHash: row["content_hash"],
            flags: MessageFlags(imapFlags: (row["flags"] as String).split(separator: " ").map(String.init)),
            internalDate: InternalDate(secondsSince1970: row["internal_date"]), size: row["size"],
            status: MessageRecord.Status(rawValue: row["status"]) ?? .failed, note: row["note"])
    }

    private static func folder(from row: Row) -> FolderSyncState {
        FolderSyncState(
            source: decode(row["source_path"]), target: decode(row["target_path"]),
            sourceUIDValidity: UInt32(row["source_uidvalidity"] as Int64), targetUIDValidity: UInt32(row["target_uidvalidity"] as Int64),
            lastSourceUID: UInt32(row["last_source_uid"] as Int64),
            sourceHighestModSeq: (row["source_highest_modseq"] as Int64?).map { UInt64(bitPattern: $0) },
            targetUIDNext: UInt32(row["target_uidnext"] as Int64))
    }
}

private func chmodPrivate(_ path: String) -> Int32 { chmod(path, 0o600) }
