import GRDB

/// The versioned schema. Each version is a forward migration applied at open; never edit a
/// shipped one, add the next. The engine's state (per-folder high-water marks, skipped items,
/// consistency reports, per-user progress detail) will arrive as further versions keyed on
/// `migration_user.id`, the way mbsync versions its journal.
///
/// Conventions: dates are REAL seconds since 1970 (UTC); identities are matched through
/// `*_key` columns holding the lower-cased name, so lookups ignore case for any script, not just
/// ASCII; GUIDs are lower-case text; lists are JSON arrays of strings.
enum Schema {
    static var migrator: DatabaseMigrator {
        var m = DatabaseMigrator()
        m.registerMigration("v1-endpoints-batches-users") { db in
            try db.execute(sql: v1)
        }
        m.registerMigration("v2-report-entries") { db in
            try db.execute(sql: v2)
        }
        m.registerMigration("v3-user-settings-mailbox-guid") { db in
            try db.execute(sql: v3)
        }
        m.registerMigration("v4-skipped-items") { db in
            try db.execute(sql: v4)
        }
        m.registerMigration("v5-skipped-item-sender") { db in
            try db.execute(sql: v5)
        }
        return m
    }

    private static let v1 = """
        CREATE TABLE endpoint (
            id INTEGER PRIMARY KEY,
            guid TEXT NOT NULL UNIQUE,
            name TEXT NOT NULL,
            name_key TEXT NOT NULL UNIQUE,
            endpoint_type TEXT NOT NULL,
            remote_server TEXT NOT NULL,
            port INTEGER NOT NULL,
            security TEXT NOT NULL,
            authentication TEXT NOT NULL,
            accept_untrusted_certificates INTEGER NOT NULL,
            max_concurrent_migrations INTEGER NOT NULL,
            max_concurrent_incremental_syncs INTEGER NOT NULL,
            created_at REAL NOT NULL,
            modified_at REAL NOT NULL
        );
        CREATE TABLE batch (
            id INTEGER PRIMARY KEY,
            guid TEXT NOT NULL UNIQUE,
            name TEXT NOT NULL,
            name_key TEXT NOT NULL UNIQUE,
            status TEXT NOT NULL,
            migration_type TEXT NOT NULL,
            source_endpoint_id INTEGER REFERENCES endpoint(id) ON DELETE RESTRICT,
            target_delivery_domain TEXT,
            exclude_folders TEXT NOT NULL,
            include_folders TEXT NOT NULL,
            notification_emails TEXT NOT NULL,
            start_after REAL,
            complete_after REAL,
            bad_item_limit INTEGER,
            large_item_limit INTEGER,
            time_zone TEXT NOT NULL,
            auto_complete INTEGER NOT NULL,
            allow_unknown_columns INTEGER NOT NULL,
            skip_reports INTEGER NOT NULL,
            report_interval REAL NOT NULL,
            submitted_by TEXT NOT NULL,
            message TEXT NOT NULL,
            csv_row_count INTEGER NOT NULL,
            csv_byte_count INTEGER NOT NULL,
            csv_columns TEXT NOT NULL,
            created_at REAL NOT NULL,
            started_at REAL,
            initial_sync_at REAL,
            last_synced_at REAL,
            finalized_at REAL,
            modified_at REAL NOT NULL
        );
        CREATE INDEX batch_by_endpoint ON batch(source_endpoint_id);
        CREATE TABLE migration_user (
            id INTEGER PRIMARY KEY,
            guid TEXT NOT NULL UNIQUE,
            batch_id INTEGER NOT NULL REFERENCES batch(id) ON DELETE CASCADE,
            email TEXT NOT NULL,
            email_key TEXT NOT NULL UNIQUE,
            user_name TEXT NOT NULL,
            user_root TEXT,
            csv_row INTEGER NOT NULL,
            status TEXT NOT NULL,
            recipient_type TEXT NOT NULL,
            skipped_item_count INTEGER NOT NULL DEFAULT 0,
            synced_item_count INTEGER NOT NULL DEFAULT 0,
            total_items_in_source INTEGER,
            bytes_transferred INTEGER NOT NULL DEFAULT 0,
            last_sync_at REAL,
            last_successful_sync_at REAL,
            error_summary TEXT,
            created_at REAL NOT NULL,
            modified_at REAL NOT NULL
        );
        CREATE INDEX user_by_batch ON migration_user(batch_id, csv_row);
        CREATE INDEX user_by_status ON migration_user(status, batch_id);
        -- Passwords, AES-256-GCM sealed; the additional data is the user's guid, so a sealed
        -- value moved to another row does not open.
        CREATE TABLE credential (
            user_id INTEGER PRIMARY KEY REFERENCES migration_user(id) ON DELETE CASCADE,
            nonce BLOB NOT NULL,
            ciphertext BLOB NOT NULL,
            tag BLOB NOT NULL
        );
        -- What admins asked for, for the engine to act on. Kept by guid, not foreign key, so a
        -- removal request outlives the rows it removed.
        CREATE TABLE sync_request (
            id INTEGER PRIMARY KEY,
            action TEXT NOT NULL,
            batch_guid TEXT NOT NULL,
            batch_name TEXT NOT NULL,
            user_email TEXT,
            requested_at REAL NOT NULL,
            handled_at REAL
        );
        CREATE INDEX request_pending ON sync_request(handled_at, id);
        """

    /// The -IncludeReport log: timestamped lines per batch, and per user when `user_key` is set.
    /// Kept by guid like requests; removing a batch or user deletes its lines.
    private static let v2 = """
        CREATE TABLE report_entry (
            id INTEGER PRIMARY KEY,
            batch_guid TEXT NOT NULL,
            user_key TEXT,
            at REAL NOT NULL,
            message TEXT NOT NULL
        );
        CREATE INDEX report_by_batch ON report_entry(batch_guid, user_key, id);
        CREATE INDEX report_by_user ON report_entry(user_key, id) WHERE user_key IS NOT NULL;
        """

    /// Per-user settings (Set-MigrationUser), the stable MailboxGuid, and skipped-item approval.
    /// Limits: NULL uses the batch's, -1 is Unlimited. Existing users get a random MailboxGuid.
    private static let v3 = """
        ALTER TABLE migration_user ADD COLUMN mailbox_guid TEXT;
        UPDATE migration_user SET mailbox_guid = lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4'
            || substr(hex(randomblob(2)), 2) || '-' || substr('89ab', 1 + abs(random()) % 4, 1)
            || substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6)));
        CREATE UNIQUE INDEX user_by_mailbox_guid ON migration_user(mailbox_guid);
        ALTER TABLE migration_user ADD COLUMN bad_item_limit INTEGER;
        ALTER TABLE migration_user ADD COLUMN large_item_limit INTEGER;
        ALTER TABLE migration_user ADD COLUMN start_after REAL;
        ALTER TABLE migration_user ADD COLUMN complete_after REAL;
        ALTER TABLE migration_user ADD COLUMN skipped_approved_at REAL;
        ALTER TABLE migration_user ADD COLUMN skipped_approved_count INTEGER NOT NULL DEFAULT 0;
        """

    /// Skipped items (-IncludeSkippedItems), written by the engine, one row per message; they go with
    /// their user's row.
    private static let v4 = """
        CREATE TABLE skipped_item (
            id INTEGER PRIMARY KEY,
            user_id INTEGER NOT NULL REFERENCES migration_user(id) ON DELETE CASCADE,
            kind TEXT NOT NULL,
            folder_name TEXT NOT NULL,
            subject TEXT,
            message_size INTEGER NOT NULL,
            date_received REAL,
            failure TEXT NOT NULL,
            source_uid INTEGER NOT NULL
        );
        CREATE INDEX skipped_by_user ON skipped_item(user_id, id);
        """

    /// The From header of a skipped item (Exchange's Sender).
    private static let v5 = """
        ALTER TABLE skipped_item ADD COLUMN sender TEXT;
        """
}
