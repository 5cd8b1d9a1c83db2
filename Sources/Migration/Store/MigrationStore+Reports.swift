import Foundation
import GRDB

/// One line of a batch's or user's report (Get-MigrationBatch / Get-MigrationUserStatistics
/// -IncludeReport). The store writes lines for what admins do; the engine adds its own.
public struct ReportEntry: Sendable, Equatable {
    public var at: Date
    public var message: String

    public init(at: Date, message: String) {
        self.at = at
        self.message = message
    }
}

extension MigrationStore {
    /// Appends a line to a batch's report, or to one of its users' when `user` is given.
    public func appendReport(batch identity: String, user: String? = nil, _ message: String) throws {
        try write { db in
            guard let row = try batchRow(db, identity) else { throw MigrationError.batchNotFound(identity) }
            try appendReport(db, batchGuid: row["guid"], userKey: user?.identityKey, message, at: Date())
        }
    }

    /// The batch's own report lines, oldest first.
    public func report(batch identity: String) throws -> [ReportEntry] {
        try read { db in
            guard let row = try batchRow(db, identity) else { throw MigrationError.batchNotFound(identity) }
            return try entries(db, sql: "SELECT at, message FROM report_entry WHERE batch_guid = ? AND user_key IS NULL ORDER BY id",
                               [row["guid"] as String])
        }
    }

    /// A user's report lines, oldest first.
    public func report(user identity: String) throws -> [ReportEntry] {
        try read { db in
            guard let key = try String.fetchOne(db, sql: "SELECT email_key FROM migration_user WHERE email_key = ? OR guid = ?",
                                                arguments: [identity.identityKey, identity.lowercased()])
            else { throw MigrationError.userNotFound(identity) }
            return try entries(db, sql: "SELECT at, message FROM report_entry WHERE user_key = ? ORDER BY id", [key])
        }
    }

    func appendReport(_ db: Database, batchGuid: String, userKey: String? = nil, _ message: String, at: Date) throws {
        try db.execute(sql: "INSERT INTO report_entry (batch_guid, user_key, at, message) VALUES (?, ?, ?, ?)",
                       arguments: [batchGuid, userKey, at.timeIntervalSince1970, message])
    }

    private func entries(_ db: Database, sql: String, _ arguments: StatementArguments) throws -> [ReportEntry] {
        try Row.fetchAll(db, sql: sql, arguments: arguments).map { ReportEntry(at: Date(timeIntervalSince1970: $0[0]), message: $0[1]) }
    }
}
