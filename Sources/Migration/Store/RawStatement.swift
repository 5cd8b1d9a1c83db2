import CSQLite3
import GRDB

/// A statement prepared on GRDB's own connection and bound directly through the SQLite C API.
/// Only the 50,000-row insert loop uses it: GRDB's argument arrays cost a fifth of that loop.
/// It runs inside a GRDB transaction, so atomicity and busy handling stay GRDB's.
final class RawStatement {
    private let handle: OpaquePointer
    private let connection: OpaquePointer
    private static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

    init(_ db: Database, sql: String) throws {
        guard let connection = db.sqliteConnection else { throw MigrationError.storage("the database is closed.") }
        var statement: OpaquePointer?
        guard sqlite3_prepare_v2(connection, sql, -1, &statement, nil) == SQLITE_OK, let statement else {
            throw MigrationError.storage("SQLite error: \(String(cString: sqlite3_errmsg(connection)))")
        }
        self.handle = statement
        self.connection = connection
    }

    deinit { sqlite3_finalize(handle) }

    func bind(_ index: Int32, _ text: String?) {
        guard var text else { sqlite3_bind_null(handle, index); return }
        text.withUTF8 { buf in
            if let base = buf.baseAddress, buf.count > 0 {
                sqlite3_bind_text(handle, index, base, Int32(buf.count), Self.transient)
            } else {
                sqlite3_bind_text(handle, index, "", 0, Self.transient)
            }
        }
    }

    func bind(_ index: Int32, _ value: Int64) { sqlite3_bind_int64(handle, index, value) }

    func bind(_ index: Int32, _ value: Double) { sqlite3_bind_double(handle, index, value) }

    func bind(_ index: Int32, bytes: [UInt8]) {
        bytes.withUnsafeBytes { sqlite3_bind_blob(handle, index, $0.baseAddress, Int32($0.count), Self.transient) }
    }

    /// Runs the statement to completion and returns how many rows it changed.
    @discardableResult
    func run() throws -> Int {
        let rc = sqlite3_step(handle)
        sqlite3_reset(handle)
        guard rc == SQLITE_DONE else { throw MigrationError.storage("SQLite error \(rc): \(String(cString: sqlite3_errmsg(connection)))") }
        return Int(sqlite3_changes(connection))
    }

    var lastInsertedRowID: Int64 { sqlite3_last_insert_rowid(connection) }
}
