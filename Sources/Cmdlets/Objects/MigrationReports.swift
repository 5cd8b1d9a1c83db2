import Foundation
import Migration

/// The text of -IncludeReport: Exchange's report is a list of timestamped lines
/// (`M/d/yyyy h:mm:ss tt message`, reference §5.5). migsh builds it from the times the
/// store records for the batch or user, merged with the report lines the store keeps
/// (admins' operations, the engine's sync results).
enum BatchReport {
    static func text(_ b: MigrationBatch, store: MigrationStore) throws -> String {
        var events: [(Date, String)] = [(b.creationDateTime, "Migration batch '\(b.name)' created with \(b.counts.totalCount) users from a CSV file of \(b.csv.byteCount) bytes.")]
        if let d = b.startDateTime { events.append((d, "Migration batch started.")) }
        if let d = b.initialSyncDateTime { events.append((d, "Initial synchronization finished.")) }
        if let d = b.lastSyncedDateTime { events.append((d, "Last synchronization finished.")) }
        if let d = b.finalizedDateTime { events.append((d, "Migration batch completed.")) }
        if !b.message.isEmpty { events.append((b.lastModifiedTime, b.message)) }
        events += try store.report(batch: b.identity).map { ($0.at, $0.message) }
        return lines(events)
    }

    static func lines(_ events: [(Date, String)]) -> String {
        // Stable: lines written at the same instant keep their order.
        events.enumerated().sorted { ($0.element.0, $0.offset) < ($1.element.0, $1.offset) }.map(\.element).map { "\(stamp($0.0)) \($0.1)" }.joined(separator: "\n")
    }

    static func stamp(_ d: Date) -> String {
        let f = DateFormatter()
        f.locale = Locale(identifier: "en_US_POSIX")
        f.timeZone = TimeZone(identifier: "UTC")
        f.dateFormat = "M/d/yyyy h:mm:ss a"
        return f.string(from: d)
    }
}

enum UserReport {
    static func text(_ u: MigrationUser, store: MigrationStore) throws -> String {
        var events: [(Date, String)] = [(u.creationDateTime, "User '\(u.emailAddress)' added to migration batch '\(u.batchId)' from CSV row \(u.csvRow).")]
        if let d = u.lastSuccessfulSyncTime { events.append((d, "Synchronization finished: \(u.syncedItemCount) items copied, \(u.skippedItemCount) skipped.")) }
        if let d = u.lastSyncTime, d != u.lastSuccessfulSyncTime {
            events.append((d, u.errorSummary.map { "Synchronization failed: \($0)" } ?? "Synchronization ran."))
        }
        events += try store.report(user: u.identity).map { ($0.at, $0.message) }
        events.append((u.lastModifiedTime, "Current status: \(u.status.rawValue)."))
        return BatchReport.lines(events)
    }
}
