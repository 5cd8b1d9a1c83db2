// Exchange's item limit is per mailbox: folders synced first use up the limit, later folders lose their
// oldest items, and a later sync keeps what was copied.
import Foundation
import Testing
@testable import Engine

@Suite struct MailboxItemLimitTests {
    /// A source with `inbox` messages in INBOX and `zeta` in folder "Zeta", synced under `limit` items per mailbox.
    static func fixture(inbox: Int, zeta: Int, limit: Int) throws -> SyncFixture {
        let fx = SyncFixture()
        let source = try MaildirStore(root: fx.sourceRoot)
        try fill(source, .inbox, (1...inbox).map { CorpusMessage(body: message($0)) })
        try fill(source, FolderPath(["Zeta"]), (1...zeta).map { CorpusMessage(body: message(100 + $0, subject: "Z")) })
        fx.options.maxItemsPerMailbox = limit
        return fx
    }

    @Test func theLimitCountsAcrossFoldersInSyncOrder() throws {
        let fx = try Self.fixture(inbox: 3, zeta: 4, limit: 5)
        let report = try fx.sync()
        let order = report.folders.map(\.source)
        #expect(order.count == 2)
        // Whichever folder synced first fits whole; the second gets the rest of the limit, newest first.
        let firstCount = report.folders[0].sourceMessageCount
        #expect(report.copied == 5)
        #expect(report.skippedItems.count == 2 && report.skippedItems.allSatisfy { $0.kind == .itemLimit })
        #expect(report.skippedItems.allSatisfy { $0.folder == order[1] })
        #expect(report.folders[1].copied == 5 - firstCount)
        #expect(report.skippedItems.map(\.sourceUID) == [1, 2])   // the oldest of the second folder
        #expect(report.skippedItems.first?.reason == "The mailbox has more than 5 items; older items are not migrated.")

        // The next sync copies nothing more and skips the same items again (the target holds the limit).
        let again = try fx.sync()
        #expect(again.copied == 0)
        let target = try MaildirStore(root: fx.targetRoot, create: false)
        let held = try target.listFolders().filter(\.selectable).map {
            try target.openFolder($0.path).listMessages(uids: .min ... .max, changedSince: nil).count
        }
        #expect(held.reduce(0, +) == 5)
    }

    @Test func aFolderPastAnExhaustedLimitIsSkippedWhole() throws {
        let fx = try Self.fixture(inbox: 2, zeta: 2, limit: 2)
        let report = try fx.sync()
        #expect(report.copied == 2 && report.skippedItems.count == 2)
        #expect(report.folders.map(\.copied).sorted() == [0, 2])
    }
}
