// The IMAP target chosen by the state directory's target.conf, end to end: the service syncs a batch from
// one account of the test Dovecot into another account (the CSV's EmailAddress), logging in to the target
// with the master user, and the target ends up with exactly the source's mail; an incremental sync follows; the
// service process killed with SIGKILL mid-sync and restarted still ends with an exact copy.
@preconcurrency import Glibc
import Foundation
import Testing
import IMAP
import Migration
@testable import Engine

extension EngineDovecotSuites {
    @Suite struct IMAPTargetServiceTests {
        @Test func serviceSyncsABatchIntoAnotherAccountThroughTheMasterLogin() throws {
            let f = try ServiceFixture()
            let env = f.dovecot.env
            let (sourceUser, targetUser) = try Self.prepare(f)
            let master = env["IMAP_MASTER_USER"]!, masterPassword = env["IMAP_MASTER_PASSWORD"]!
            try f.createBatch()
            let running = RunningService(home: f.home, settings: f.settings())
            defer { running.stop() }

            #expect(eventually { f.batchStatus() == .synced })
            let email = f.email(sourceUser)
            #expect(f.userStatus(sourceUser) == .synced, "\(String(describing: try? f.store.user(email).errorSummary))")
            try expectExactCopy(f, sourceUser: sourceUser, targetUser: targetUser)
            #expect(try f.store.report(user: email).contains { $0.message.hasPrefix("Data consistency: Perfect") })
            #expect(!Posix.exists(f.home + "/mailboxes/" + email), "nothing goes to the embedded Maildir")
            let log = readText(f.home + "/service.log") ?? ""
            #expect(log.contains("target: IMAP 127.0.0.1:\(f.dovecot.port) (ssl), login {local}*\(master)"))
            #expect(!log.contains(masterPassword))
            #expect(try !(readText(f.home + "/target.conf") ?? "").contains(masterPassword))

            // A new source message reaches the target account with the next (forced) incremental sync.
            let writer = try IMAPEndToEndTests.connect(f.dovecot, user: sourceUser, password: env["IMAP_PASSWORD1"], readOnly: false)
            _ = try put(try writer.openFolder(.inbox), message(77, subject: "After the first sync"), date: 1_234_567_890, commitVia: writer)
            writer.close()
            let first = try f.store.batch("Batch1").lastSyncedDateTime ?? .distantFuture
            try f.store.syncNow("Batch1")
            #expect(eventually { f.batchStatus() == .synced && ((try? f.store.batch("Batch1").lastSyncedDateTime) ?? nil).map { $0 > first } == true })
            try expectExactCopy(f, sourceUser: sourceUser, targetUser: targetUser)
        }

        /// Account 1 (the CSV's login) goes into account 5's mailbox, through the master login of target.conf.
        static func prepare(_ f: ServiceFixture) throws -> (source: String, target: String) {
            let env = f.dovecot.env
            let sourceUser = env["IMAP_USER1"]!, targetUser = env["IMAP_USER5"]!
            let master = env["IMAP_MASTER_USER"]!, masterPassword = env["IMAP_MASTER_PASSWORD"]!
            f.emailOverride[sourceUser] = "\(targetUser)@contoso.com"
            try f.addAccounts([1])
            let emptied = try IMAPEndToEndTests.connect(f.dovecot, user: "\(targetUser)*\(master)", password: masterPassword, readOnly: false)
            try IMAPEndToEndTests.clean(emptied)
            emptied.close()
            _ = mkdir(f.home, 0o700)
            let conf = "kind = imap\nhost = 127.0.0.1\nport = \(f.dovecot.port)\nsecurity = ssl\nlogin = {local}*\(master)\n"
            FileManager.default.createFile(atPath: f.home + "/target.conf", contents: Data(conf.utf8),
                                           attributes: [.posixPermissions: 0o600])
            try TargetSettings.storePassword(masterPassword, stateDirectory: f.home, store: f.store)
            return (sourceUser, targetUser)
        }

        @Test(.enabled(if: ServiceProcessKillTests.canRun))
        func killNineOfTheServiceMidSyncWithTheIMAPTargetThenRestart() throws {
            let f = try ServiceFixture()
            let (sourceUser, targetUser) = try Self.prepare(f)
            try f.createBatch()
            let killedMidSync = try ServiceProcessKillTests.killMidSync(f, rounds: 3)
            #expect(killedMidSync >= 1)
            let p = try ServiceProcessKillTests.startService(f)
            defer { p.terminate(); p.waitUntilExit() }
            #expect(eventually(timeout: 90) { f.batchStatus() == .synced })
            try expectExactCopy(f, sourceUser: sourceUser, targetUser: targetUser)
            #expect(try f.store.report(user: f.email(sourceUser)).last { $0.message.hasPrefix("Data consistency:") }?
                .message.hasPrefix("Data consistency: Perfect") == true)
        }

        /// The target account (read with its own login) holds exactly the source account's messages.
        private func expectExactCopy(_ f: ServiceFixture, sourceUser: String, targetUser: String) throws {
            let source = try IMAPEndToEndTests.connect(f.dovecot, user: sourceUser, password: f.dovecot.env["IMAP_PASSWORD1"], readOnly: true)
            let target = try IMAPEndToEndTests.connect(f.dovecot, user: targetUser, password: f.dovecot.env["IMAP_PASSWORD5"], readOnly: true)
            defer { source.close(); target.close() }
            let want = try allFingerprints(source), got = try allFingerprints(target)
            #expect(want.count >= 11)
            #expect(got == want)
        }
    }
}
