import Foundation
import GRDB

/// The durable migration state, shared by every migsh process through one SQLite database.
///
/// Opening is lazy: creating a `MigrationStore` touches nothing; the first call that needs the
/// database creates the directory, opens it, and applies pending schema migrations.
///
/// Connection kind: `.queue` (one connection, GRDB `DatabaseQueue`) is the default because a
/// short `migsh -Command` invocation opens, does one thing and exits; measured on this machine
/// kind a queue opens about 3 ms faster than a pool. WAL is on either way, so other processes
/// keep reading while one writes. The long-running service should pass `.pool` for concurrent
/// readers inside one process.
///
/// Every change runs in one IMMEDIATE transaction (GRDB 7 writes are IMMEDIATE: the lock is taken at the start, so checks such as the
/// 100-batch limit and duplicate names hold across processes); a busy database is waited for
/// up to `busyTimeout` seconds. Every method throws `MigrationError`.
public final class MigrationStore: @unchecked Sendable {
    public enum ConnectionKind: Sendable { case queue, pool }

    public let directory: StateDirectory
    public let connectionKind: ConnectionKind
    public let busyTimeout: TimeInterval

    private let lock = NSLock()
    private var writer: (any DatabaseWriter)?
    private var secretBox: SecretBox?

    public init(directory: StateDirectory = .resolve(), connectionKind: ConnectionKind = .queue, busyTimeout: TimeInterval = 10) {
        self.directory = directory
        self.connectionKind = connectionKind
        self.busyTimeout = busyTimeout
    }

    /// True once the database has been opened by this instance (tests check laziness).
    public var isOpen: Bool { lock.withLock { writer != nil } }

    // MARK: - Opening

    func database() throws -> any DatabaseWriter {
        try lock.withLock {
            if let writer { return writer }
            let opened = try open()
            writer = opened
            return opened
        }
    }

    private func open() throws -> any DatabaseWriter {
        try directory.prepare()
        return try directory.withExclusiveLock {
            let path = directory.databasePath
            try directory.ensurePrivateFile(path)
            var config = Configuration()
            config.busyMode = .timeout(busyTimeout)
            config.foreignKeysEnabled = true
            let kind = connectionKind
            config.prepareDatabase { db in
                // Freed pages (removed credentials) are overwritten with zeros.
                try db.execute(sql: "PRAGMA secure_delete = ON")
                if kind == .queue, try String.fetchOne(db, sql: "PRAGMA journal_mode") != "wal" {
                    try db.execute(sql: "PRAGMA journal_mode = WAL")
                }
                // WAL + NORMAL survives a killed process; only an OS crash may drop the last commits.
                try db.execute(sql: "PRAGMA synchronous = NORMAL")
            }
            let writer: any DatabaseWriter = switch kind {
            case .queue: try DatabaseQueue(path: path, configuration: config)
            case .pool: try DatabasePool(path: path, configuration: config)
            }
            let migrator = Schema.migrator
            if try !writer.read({ try migrator.hasCompletedMigrations($0) }) {
                try migrator.migrate(writer)
            }
            for suffix in ["-wal", "-shm"] where FileManager.default.fileExists(atPath: path + suffix) {
                _ = chmod(path + suffix, 0o600)
            }
            return writer
        }
    }

    /// The underlying GRDB writer, for the engine to keep its own tables (prefixed `engine_`,
    /// with its own migrator) in the same database file. Do not call back into this store from
    /// inside a GRDB closure: GRDB connections are not reentrant.
    public func databaseWriter() throws -> any DatabaseWriter {
        try mapErrors { try database() }
    }

    func box() throws -> SecretBox {
        try lock.withLock {
            if let secretBox { return secretBox }
            try directory.prepare()
            let box = SecretBox(key: try KeyFile.loadOrCreate(at: directory.keyPath))
            secretBox = box
            return box
        }
    }

    // MARK: - Transactions with error mapping

    /// One write transaction; any error rolls it back and surfaces as `MigrationError`.
    func write<T>(_ body: (Database) throws -> T) throws -> T {
        try mapErrors { try database().write { try body($0) } }
    }

    func read<T>(_ body: (Database) throws -> T) throws -> T {
        try mapErrors { try database().read { try body($0) } }
    }

    private func mapErrors<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as MigrationError {
            throw error
        } catch let error as DatabaseError {
            // The SQLite message only (GRDB keeps statement arguments out of it by default).
            throw MigrationError.storage("SQLite error \(error.resultCode.rawValue): \(error.message ?? "unknown")")
        } catch {
            throw MigrationError.storage("\(error)")
        }
    }
}

extension String {
    /// The key under which identities are compared: case-insensitive for every script.
    var identityKey: String { lowercased() }
}
