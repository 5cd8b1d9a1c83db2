import Foundation
import GRDB
import Testing
@testable import Migration

@Suite struct StoreFileTests {
    @Test func openingIsLazy() throws {
        let state = TemporaryState()
        let store = state.store()
        #expect(!store.isOpen)
        #expect(!FileManager.default.fileExists(atPath: state.directory.path))
        _ = try store.batches()
        #expect(store.isOpen)
        #expect(FileManager.default.fileExists(atPath: state.directory.databasePath))
        // Reading needs no key: the key file appears only when a password is first stored.
        #expect(!FileManager.default.fileExists(atPath: state.directory.keyPath))
    }

    @Test func stateDirectoryComesFromMigshHome() {
        #expect(StateDirectory.resolve(environment: ["MIGSH_HOME": "/srv/m", "HOME": "/home/a"]).path == "/srv/m")
        #expect(StateDirectory.resolve(environment: ["HOME": "/home/a"]).path == "/home/a/.local/share/migsh")
        #expect(StateDirectory.resolve(environment: ["MIGSH_HOME": "", "HOME": "/home/a"]).databasePath == "/home/a/.local/share/migsh/migsh.db")
    }

    @Test func filesArePrivateToTheirOwner() throws {
        let state = TemporaryState()
        let store = state.store()
        try store.seed()
        let d = state.directory
        #expect(fileMode(d.path) == 0o700)
        #expect(fileMode((d.path as NSString).deletingLastPathComponent) == 0o700)
        for file in [d.databasePath, d.databasePath + "-wal", d.databasePath + "-shm", d.keyPath, d.lockPath] {
            #expect(FileManager.default.fileExists(atPath: file), "\(file)")
            #expect(fileMode(file) == 0o600, "\(file)")
        }
        #expect(fileBytes(d.keyPath).count == 32)
    }

    @Test func databaseSettings() throws {
        let store = TemporaryState().store()
        let (mode, fk, secure, applied) = try store.read { db in
            (try String.fetchOne(db, sql: "PRAGMA journal_mode"), try Int.fetchOne(db, sql: "PRAGMA foreign_keys"),
             try Int.fetchOne(db, sql: "PRAGMA secure_delete"), try Schema.migrator.appliedIdentifiers(db))
        }
        #expect(mode == "wal" && fk == 1 && secure == 1)
        #expect(applied == ["v1-endpoints-batches-users", "v2-report-entries", "v3-user-settings-mailbox-guid", "v4-skipped-items",
                            "v5-skipped-item-sender"])
        let pooled = TemporaryState().store(.pool)
        #expect(try pooled.read { try String.fetchOne($0, sql: "PRAGMA journal_mode") } == "wal")
    }

    @Test func aDatabaseFromANewerMigshStillOpens() throws {
        let state = TemporaryState()
        try state.store().seed(users: 1)
        // A later version added a migration this build does not know; its data stays readable.
        try state.store().write { db in
            try db.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES ('v99-future')")
            try db.execute(sql: "CREATE TABLE engine_future (x INTEGER)")
        }
        let reopened = state.store()
        #expect(try reopened.batch("Batch1").counts.totalCount == 1)
        let applied = try reopened.read { try Schema.migrator.appliedIdentifiers($0) }
        #expect(applied.contains("v1-endpoints-batches-users"))
    }

    @Test func stateSurvivesReopen() throws {
        let state = TemporaryState()
        do {
            let store = state.store()
            try store.seed(users: 4, autoStart: true)
            try store.setUserStatus("user4@contoso.com", .failed, errorSummary: "Login failed")
        }
        let reopened = state.store(.pool)
        let b = try reopened.batch("batch1")
        #expect(b.status == .syncing && b.counts.totalCount == 4 && b.counts.failedCount == 1)
        #expect(try reopened.user("user4@contoso.com").errorSummary == "Login failed")
        #expect(try reopened.credential(for: "user3@contoso.com").password == "Secret-3-pw")
        #expect(try reopened.pendingRequests().map(\.action) == [.start])
    }

    @Test func passwordsAreNeverInClearInTheDatabaseFiles() throws {
        let state = TemporaryState()
        let store = state.store()
        try store.createEndpoint(MigrationEndpoint(name: "E", remoteServer: "h"))
        let csv = try ImapCsv.parse(Array("EmailAddress,UserName,Password\nalice@contoso.com,alice.login,Pa55-Unique-Alice!\nbob@contoso.com,bob.login,Pa55-Unique-Bob!".utf8))
        try store.createBatch(NewBatchOptions(name: "B", sourceEndpoint: "E"), csv: csv)
        let d = state.directory
        let files = [d.databasePath, d.databasePath + "-wal", d.databasePath + "-shm"].map(fileBytes)
        // The scan works: user names (not secret) are found in the same bytes.
        #expect(files.contains { contains($0, "alice.login") })
        for bytes in files {
            #expect(!contains(bytes, "Pa55-Unique-Alice!") && !contains(bytes, "Pa55-Unique-Bob!"))
        }
        #expect(try store.credential(for: "bob@contoso.com").password == "Pa55-Unique-Bob!")
    }

    @Test func removedCredentialsLeaveNoBytesBehind() throws {
        let state = TemporaryState()
        let store = state.store()
        try store.seed(users: 2)
        let sealed = try store.read { db in try Data.fetchAll(db, sql: "SELECT ciphertext || tag FROM credential") }
        #expect(sealed.count == 2)
        try store.removeBatch("Batch1")
        try store.database().writeWithoutTransaction { db in try db.execute(sql: "PRAGMA wal_checkpoint(TRUNCATE)") }
        let d = state.directory
        let bytes = fileBytes(d.databasePath) + fileBytes(d.databasePath + "-wal")
        for blob in sealed {
            let needle = [UInt8](blob)
            #expect(!bytes.indices.dropLast(needle.count).contains { bytes[$0] == needle[0] && Array(bytes[$0..<($0 + needle.count)]) == needle })
        }
    }

    @Test func aChangedKeyCannotOpenStoredPasswords() throws {
        let state = TemporaryState()
        try state.store().seed(users: 1)
        let key = Array(repeating: UInt8(7), count: 32)
        FileManager.default.createFile(atPath: state.directory.keyPath, contents: Data(key))
        let e = migrationError { _ = try state.store().credential(for: "user1@contoso.com") }
        #expect(e == .credentialUnavailable("user1@contoso.com"))
        #expect(e?.message.contains("Secret") == false)
        FileManager.default.createFile(atPath: state.directory.keyPath, contents: Data([1, 2, 3]))
        #expect(migrationError { _ = try state.store().credential(for: "user1@contoso.com") }?.message.contains("damaged") == true)
    }

    @Test func sealedValuesAreBoundToTheirRow() throws {
        let box = SecretBox(key: try SecretBox.randomBytes(32))
        let a = try box.seal(Array("pw".utf8), additionalData: Array("row-a".utf8))
        let b = try box.seal(Array("pw".utf8), additionalData: Array("row-a".utf8))
        #expect(a.nonce != b.nonce && a.ciphertext != b.ciphertext)
        #expect(box.open(a, additionalData: Array("row-a".utf8)) == Array("pw".utf8))
        #expect(box.open(a, additionalData: Array("row-b".utf8)) == nil)
        var tampered = a
        tampered.ciphertext[0] ^= 1
        #expect(box.open(tampered, additionalData: Array("row-a".utf8)) == nil)
        #expect(a.nonce.count == 12 && a.tag.count == 16)
    }

    @Test func aNonDirectoryStatePathIsAClearError() throws {
        let state = TemporaryState()
        try FileManager.default.createDirectory(atPath: state.root, withIntermediateDirectories: true)
        FileManager.default.createFile(atPath: state.root + "/file", contents: Data())
        let store = MigrationStore(directory: StateDirectory(path: state.root + "/file"))
        #expect(migrationError { _ = try store.batches() }?.message.contains("isn't a directory") == true)
    }
}

@Suite struct FastGUIDTests {
    @Test func versionFourLowerCaseAndUnique() {
        let ids = (0..<1000).map { _ in FastGUID.make() }
        #expect(Set(ids).count == 1000)
        for id in ids.prefix(50) {
            let parsed = UUID(uuidString: id)
            #expect(parsed != nil && parsed?.uuidString.lowercased() == id)
            let chars = Array(id)
            #expect(chars[14] == "4" && "89ab".contains(chars[19]))
        }
    }
}
