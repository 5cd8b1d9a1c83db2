// Skipped items against the real test Dovecot: their Subject and From read from the source header only
// (BODY.PEEK, the source stays unread), LargeItemLimit counting oversized items apart from BadItemLimit,
// and Set-MigrationUser's own limits winning over the batch's.
import Foundation
import Testing
import IMAP
import Migration
@testable import Engine

extension EngineDovecotSuites {
    @Suite struct SkippedItemLimitsTests {
        /// An account with the corpus plus, in folder "Big", one message over the lowered size limit whose
        /// Subject and From are RFC 2047 encoded words.
        static func fixture(account: Int = 2, configure: (inout NewBatchOptions) -> Void = { _ in })
            throws -> (f: ServiceFixture, email: String, runner: UserMigration) {
            let f = try ServiceFixture()
            try f.addAccounts([account])
            let user = f.accounts[0].user
            var text = "From: =?ISO-8859-1?Q?J=F6rg_M=FCller?= <joerg@example.com>\r\nTo: Bob <bob@example.com>\r\n"
            text += "Subject: =?UTF-8?B?R3LDtsOfZSDDvGJlcg==?=\r\n =?UTF-8?Q?_dem_Limit?=\r\nMessage-ID: <big.1@example.com>\r\n\r\n"
            text += String(repeating: "y", count: 5000) + "\r\n"
            let w = try IMAPEndToEndTests.connect(f.dovecot, user: user, password: f.dovecot.env["IMAP_PASSWORD\(account)"], readOnly: false)
            try w.createFolder(FolderPath(["Big"]))
            _ = try put(try w.openFolder(FolderPath(["Big"])), Array(text.utf8), date: 1_400_000_000, commitVia: w)
            w.close()
            try f.createBatch(start: false, configure: configure)
            let runner = UserMigration(store: f.store)
            runner.additionalCAFile = f.dovecot.env["IMAP_CA_FILE"]
            runner.options.maxMessageSize = 2000   // scaled down from 35 MB
            return (f, f.email(user), runner)
        }

        @Test func skippedItemsCarryTheDecodedSubjectAndSenderAndTheSourceStaysUnread() throws {
            let (f, email, runner) = try Self.fixture()
            let first = try runner.run(email)
            #expect(first.status == .synced, "\(first.error ?? "")")
            let items = try f.store.skippedItems(user: email)
            #expect(items.count == 1)
            let large = try #require(items.first)
            #expect(large.kind == "LargeItem" && large.folderName == "Big")
            #expect(large.subject == "Größe über dem Limit")
            #expect(large.sender == "Jörg Müller <joerg@example.com>")

            // Only the header was read, with PEEK: the source message is still unseen.
            let user = f.accounts[0].user
            let source = try IMAPEndToEndTests.connect(f.dovecot, user: user, password: f.dovecot.env["IMAP_PASSWORD2"], readOnly: true)
            defer { source.close() }
            let metas = try source.openFolder(FolderPath(["Big"])).listMessages(uids: .min ... .max, changedSince: nil)
            #expect(metas.count == 1 && !metas[0].flags.system.contains(.seen))

            // The next sync keeps what it read (same folder, UID, size and date).
            _ = try runner.run(email)
            #expect(try f.store.skippedItems(user: email) == items)
        }

        @Test func largeItemsCountAgainstLargeItemLimitNotBadItemLimit() throws {
            let (f, email, runner) = try Self.fixture { $0.badItemLimit = 0; $0.largeItemLimit = 0 }
            // Items past a lowered item limit are bad items: BadItemLimit 0 is passed first.
            runner.options.maxItemsPerMailbox = 3
            let bad = try runner.run(email)
            #expect(bad.status == .failed)
            let badCount = try f.store.skippedItems(user: email).filter { $0.kind == "ItemLimit" }.count
            #expect(badCount > 0 && bad.error == "The number of bad items (\(badCount)) exceeds the BadItemLimit of 0.")

            // The user's own BadItemLimit (Set-MigrationUser) wins over the batch's: Unlimited. The oversized
            // item still counts against the batch's LargeItemLimit 0.
            _ = try f.store.setUser(email, UserSettings(badItemLimit: .some(nil)))
            let large = try runner.run(email)
            #expect(large.status == .failed)
            #expect(large.error == "The number of large items (1) exceeds the LargeItemLimit of 0.")
            #expect(try f.store.user(email).skippedItemCount == badCount + 1)

            // And the user's own LargeItemLimit wins too.
            _ = try f.store.setUser(email, UserSettings(largeItemLimit: .some(1)))
            let allowed = try runner.run(email)
            #expect(allowed.status == .synced, "\(allowed.error ?? "")")
        }
    }
}
