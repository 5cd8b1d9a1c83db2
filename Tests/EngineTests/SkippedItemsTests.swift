// Skipped items as the engine hands them to the Migration store for Get-MigrationUserStatistics
// -IncludeSkippedItems: oversized messages, items past the item limit and per-message failures, the
// whole current list after every sync, counted towards BadItemLimit (oversized ones towards LargeItemLimit).
import Foundation
import Testing
import IMAP
import Migration
@testable import Engine

@Suite struct SkippedItemsRecordTests {
    static let csv = "EmailAddress,UserName,Password\na@contoso.com,a,p\n"

    static func record(_ uid: UInt32, size: Int, _ status: MessageRecord.Status, note: String? = nil) -> MessageRecord {
        MessageRecord(sourceUID: uid, targetUID: status == .copied ? uid : nil, contentHash: status == .copied ? "ab" : "",
                      flags: MessageFlags(system: [.seen]), internalDate: InternalDate(secondsSince1970: 1_000 * Int64(uid)),
                      size: size, status: status, note: note)
    }

    @Test func skippedAndFailedRecordsBecomeTheUsersSkippedItems() throws {
        let dir = TempDir("skipped"); defer { dir.remove() }
        let store = MigrationStore(directory: StateDirectory(path: dir.path))
        try store.createEndpoint(MigrationEndpoint(name: "E", remoteServer: "127.0.0.1", port: 993))
        _ = try store.createBatch(NewBatchOptions(name: "B", sourceEndpoint: "E"), csv: try ImapCsv.parse(Array(Self.csv.utf8)))
        let state = try SQLiteSyncStateStore(writer: try store.databaseWriter())
        try state.apply(SyncStep(user: "a@contoso.com", source: FolderPath(["Projekte", "Übersicht"]), kind: "copy", messages: [
            Self.record(1, size: 10, .copied),
            Self.record(2, size: 40_000_000, .skipped, note: "The message is larger than the 35 MB limit."),
            Self.record(3, size: 500, .failed, note: "APPEND failed: refused"),
            Self.record(4, size: 600, .skipped, note: "past the item limit"),
            Self.record(5, size: 700, .gone),
        ]))
        let items = try UserMigration(store: store).skippedItems(user: "a@contoso.com", state: state, options: SyncOptions())
        #expect(items.map(\.kind) == ["LargeItem", "CorruptItem", "ItemLimit"])
        #expect(items.map(\.sourceUID) == [2, 3, 4])
        #expect(items[1].folderName == "Projekte/Übersicht" && items[1].failure == "APPEND failed: refused")
        #expect(items[0].messageSize == 40_000_000 && items[0].dateReceived == Date(timeIntervalSince1970: 2_000))

        try store.replaceSkippedItems(user: "A@Contoso.com", items)
        #expect(try store.skippedItems(user: "a@contoso.com") == items)
        #expect(try store.skippedItems(user: "a@contoso.com", limit: 2) == Array(items.prefix(2)))
        try store.replaceSkippedItems(user: "a@contoso.com", Array(items.suffix(1)))
        #expect(try store.skippedItems(user: "a@contoso.com") == Array(items.suffix(1)))
        #expect(throws: MigrationError.self) { try store.skippedItems(user: "nobody@contoso.com") }

        // Removing the user drops its items: a user added again (same row id in SQLite) starts with none.
        try store.removeUser("a@contoso.com")
        _ = try store.createBatch(NewBatchOptions(name: "B2", sourceEndpoint: "E"), csv: try ImapCsv.parse(Array(Self.csv.utf8)))
        #expect(try store.skippedItems(user: "a@contoso.com").isEmpty)
    }
}

extension EngineDovecotSuites {
    @Suite struct SkippedItemsSyncTests {
        @Test func oversizedAndOverLimitItemsAreRecordedKeptAndCountTowardsBadItemLimit() throws {
            let f = try ServiceFixture()
            try f.addAccounts([1])
            let user = f.accounts[0].user, email = f.email(user)
            let big = message(900, subject: "Big", extra: String(repeating: "y", count: 5000))
            let w = try IMAPEndToEndTests.connect(f.dovecot, user: user, password: f.dovecot.env["IMAP_PASSWORD1"], readOnly: false)
            try w.createFolder(FolderPath(["Big"]))
            _ = try put(try w.openFolder(FolderPath(["Big"])), big, date: 1_400_000_000, commitVia: w)
            w.close()
            try f.createBatch(start: false) { $0.badItemLimit = 10 }

            // Limits scaled down: 2,000 bytes per message, 10 items per mailbox (12 in all, synced in folder
            // name order: the last two folders, "Sent" and "Trash", are past the limit).
            let runner = UserMigration(store: f.store)
            runner.additionalCAFile = f.dovecot.env["IMAP_CA_FILE"]
            runner.options.maxMessageSize = 2000
            runner.options.maxItemsPerMailbox = 10
            let first = try runner.run(email)
            #expect(first.status == .synced, "\(first.error ?? "")")
            let items = try f.store.skippedItems(user: email)
            #expect(items.map(\.kind).sorted() == ["ItemLimit", "ItemLimit", "LargeItem"])
            let large = try #require(items.first { $0.kind == "LargeItem" })
            #expect(large.folderName == "Big" && large.messageSize == Int64(big.count))
            #expect(large.dateReceived == Date(timeIntervalSince1970: 1_400_000_000) && large.failure.contains("larger than"))
            #expect(items.filter { $0.kind == "ItemLimit" }.map(\.folderName).sorted() == ["Sent", "Trash"])
            #expect(try f.store.user(email).skippedItemCount == 3)

            // The next sync meets nothing new: the list and the count stay as they were.
            let again = try runner.run(email)
            #expect(again.status == .synced && again.report?.copied == 0)
            #expect(try f.store.skippedItems(user: email) == items)
            #expect(try f.store.user(email).skippedItemCount == 3)

            // BadItemLimit counts every skipped item so far, not just this sync's; the oversized one counts
            // against LargeItemLimit instead.
            _ = try f.store.setBatch("Batch1", BatchChanges(badItemLimit: 1))
            let over = try runner.run(email)
            #expect(over.status == .incrementalFailed)
            #expect(over.error == "The number of bad items (2) exceeds the BadItemLimit of 1.")
        }
    }
}
