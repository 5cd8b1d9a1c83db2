import Foundation
import Migration
import PowerShell

/// Builds Exchange's MigrationUser and MigrationUserStatistics objects (reference §5.1, §5.5).
/// Neither carries the user's password or any part of it.
enum MigrationUserObject {
    static func make(_ u: MigrationUser) -> PSObject {
        ObjectSupport.object(MigrationTypeNames.user, identity: u.identity, leading(u) + [
            ("SkippedItemCount", .int(u.skippedItemCount)),
            ("SyncedItemCount", .int(u.syncedItemCount)),
            ("MailboxGuid", .guid(u.mailboxGuid)),
            ("LastSyncTime", ObjectSupport.date(u.lastSyncTime)),
            ("LastSuccessfulSyncTime", ObjectSupport.date(u.lastSuccessfulSyncTime)),
            ("Status", .string(u.status.rawValue)),
            ("StatusSummary", .string(u.statusSummary.rawValue)),
            ("ErrorSummary", ObjectSupport.text(u.errorSummary)),
        ] + trailing(u))
    }

    /// The properties both shapes start with.
    static func leading(_ u: MigrationUser) -> [(String, Value)] {
        [("RunspaceId", .guid(ObjectSupport.runspaceId)), ("Identity", .string(u.identity)),
         ("Identifier", .string(u.emailAddress)), ("BatchId", .string(u.batchId)),
         ("EmailAddress", .string(u.emailAddress)), ("RecipientType", .string(u.recipientType))]
    }

    /// The properties both shapes end with.
    static func trailing(_ u: MigrationUser) -> [(String, Value)] {
        [("MigrationType", .string(MigrationType.imap.rawValue)), ("Guid", .guid(u.guid)),
         ("IsValid", .bool(true)), ("ObjectState", .string("Unchanged"))]
    }

    /// What -IncludeReport and -IncludeSkippedItems add to the statistics object.
    struct Extras {
        var report: String?
        var skippedItems: [Value] = []
        /// The number of the user's skipped items in the store's list (wins over the stored counter).
        var skippedItemCount: Int?
    }

    /// One SkippedItems entry, from the engine's record: kind, source folder, the Subject and From it
    /// read from the message's header (empty when it could not), size, arrival date and reason.
    static func skippedItem(_ i: MigrationSkippedItem) -> Value {
        let o = ObjectSupport.object(MigrationTypeNames.skippedItem, identity: "\(i.folderName) (UID \(i.sourceUID))", [
            ("Kind", .string(i.kind)),
            ("FolderName", .string(i.folderName)),
            ("Sender", ObjectSupport.text(i.sender)),
            ("Recipient", .null),
            ("Subject", ObjectSupport.text(i.subject)),
            ("MessageClass", .string("IPM.Note")),
            ("MessageSize", .string(ByteQuantity.format(i.messageSize))),
            ("DateSent", .null),
            ("DateReceived", ObjectSupport.date(i.dateReceived)),
            ("Failure", .string(i.failure)),
        ])
        return .object(o)
    }

    static func statistics(_ u: MigrationUser, extras: Extras) -> PSObject {
        ObjectSupport.object(MigrationTypeNames.userStatistics, base: [MigrationTypeNames.user],
                             identity: u.identity, leading(u) + [
            ("SkippedItemCount", .int(extras.skippedItemCount ?? u.skippedItemCount)),
            ("SkippedItems", .list(extras.skippedItems)),
            ("ApprovedSkippedItemCount", .int(u.approvedSkippedItemCount)),
            ("SkippedItemsApprovedTime", ObjectSupport.date(u.skippedItemsApprovedTime)),
            ("SyncedItemCount", .int(u.syncedItemCount)),
            ("TotalItemsInSourceMailboxCount", u.totalItemsInSourceMailboxCount.map { .int($0) } ?? .null),
            ("MailboxGuid", .guid(u.mailboxGuid)),
            ("LastSyncTime", ObjectSupport.date(u.lastSyncTime)),
            ("LastSuccessfulSyncTime", ObjectSupport.date(u.lastSuccessfulSyncTime)),
            ("Status", .string(u.status.rawValue)),
            ("StatusSummary", .string(u.statusSummary.rawValue)),
            ("ErrorSummary", ObjectSupport.text(u.errorSummary)),
            ("Error", ObjectSupport.text(u.errorSummary)),
            ("BytesTransferred", .string(ByteQuantity.format(u.bytesTransferred))),
            ("PercentageComplete", percentComplete(u)),
            ("DiagnosticInfo", .null),
            ("Report", ObjectSupport.text(extras.report)),
        ] + trailing(u))
    }

    /// Items synced over items in the source, once the source has been counted.
    static func percentComplete(_ u: MigrationUser) -> Value {
        switch u.status.summary {
        case .completed, .synced: return .int(100)
        default:
            guard let total = u.totalItemsInSourceMailboxCount, total > 0 else { return .int(0) }
            return .int(min(100, u.syncedItemCount * 100 / total))
        }
    }
}

/// Exchange's ByteQuantifiedSize text: `28.45 GB (30,551,458,399 bytes)`.
enum ByteQuantity {
    static func format(_ bytes: Int64) -> String {
        let units = ["B", "KB", "MB", "GB", "TB"]
        var value = Double(bytes), unit = 0
        while value >= 1024, unit < units.count - 1 { value /= 1024; unit += 1 }
        let head = unit == 0 ? "\(bytes) B" : String(format: "%.2f", value) + " " + units[unit]
        return "\(head) (\(grouped(bytes)) bytes)"
    }

    static func grouped(_ n: Int64) -> String {
        let digits = String(n.magnitude)
        var out = ""
        for (i, ch) in digits.enumerated() {
            if i > 0, (digits.count - i) % 3 == 0 { out.append(",") }
            out.append(ch)
        }
        return n < 0 ? "-" + out : out
    }
}
