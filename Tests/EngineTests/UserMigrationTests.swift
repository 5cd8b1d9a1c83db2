// A batch of three users against the test Dovecot, driven from the Migration store's records: one user
// has a wrong password and fails with that cause; the other two sync completely.
import Testing
import Foundation
import IMAP
import Migration
@testable import Engine

extension EngineDovecotSuites {
    @Suite struct UserMigrationTests {
        @Test func wrongPasswordFailsOneUserOfThreeAndTheOthersSync() throws {
            let dovecot = try TestDovecot.shared()
            let fx = SyncFixture()
            let corpus = try buildStandardCorpus(at: fx.sourceRoot, bigMessage: false)
            let accounts = [(dovecot.env["IMAP_USER1"]!, dovecot.env["IMAP_PASSWORD1"]!),
                            (dovecot.env["IMAP_USER2"]!, "not the password"),
                            (dovecot.env["IMAP_USER3"]!, dovecot.env["IMAP_PASSWORD3"]!)]
            for (i, (user, _)) in accounts.enumerated() {
                let password = dovecot.env["IMAP_PASSWORD\(i + 1)"]!
                let up = try IMAPEndToEndTests.connect(dovecot, user: user, password: password, readOnly: false)
                try IMAPEndToEndTests.clean(up)
                _ = try IMAPEndToEndTests.sync(user: user, source: corpus, target: up, statePath: fx.dir.path + "/push\(i).sqlite")
                up.close()
            }

            let store = MigrationStore(directory: StateDirectory(path: fx.dir.path + "/home"))
            try store.createEndpoint(MigrationEndpoint(name: "TestDovecot", remoteServer: "127.0.0.1", port: dovecot.port))
            var csv = "EmailAddress,UserName,Password\n"
            for (user, password) in accounts { csv += "\(user)@contoso.com,\(user),\"\(password.replacingOccurrences(of: "\"", with: "\"\""))\"\n" }
            _ = try store.createBatch(NewBatchOptions(name: "Batch1", sourceEndpoint: "TestDovecot"), csv: try ImapCsv.parse(Array(csv.utf8)))

            let runner = UserMigration(store: store)
            runner.additionalCAFile = dovecot.env["IMAP_CA_FILE"]
            let outcomes = try accounts.map { try runner.run("\($0.0)@contoso.com") }
            #expect(outcomes.map(\.status) == [.synced, .failed, .synced])
            #expect(outcomes[1].error?.hasPrefix("ImapAuthenticationException") == true)
            let failed = try store.user("\(accounts[1].0)@contoso.com")
            #expect(failed.status == .failed && failed.errorSummary == outcomes[1].error)
            for (user, _) in [accounts[0], accounts[2]] {
                let u = try store.user("\(user)@contoso.com")
                #expect(u.status == .synced && u.syncedItemCount == 11 && u.totalItemsInSourceMailboxCount == 11)
                let target = try MaildirStore(root: runner.mailboxPath(for: "\(user)@contoso.com"), create: false)
                for (s, t) in SyncFixture.standardMapping where s != FolderPath(["Large"]) {
                    #expect(try fingerprints(corpus, s) == fingerprints(target, t), "\(user) \(s)")
                }
            }
            #expect(try store.report(user: "\(accounts[0].0)@contoso.com").contains { $0.message.hasPrefix("Data consistency: Perfect") })

            // An incremental sync of a synced user copies nothing and stays Synced.
            let again = try runner.run("\(accounts[0].0)@contoso.com")
            #expect(again.status == .synced && again.report?.copied == 0)
        }
    }
}
