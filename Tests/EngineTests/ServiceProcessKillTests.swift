// The service as a real `migsh --service` process: killed with SIGKILL in the middle of a sync, several
// times, then restarted, it ends with an exact copy (nothing lost, nothing duplicated); and the incremental
// interval comes from MIGSH_SYNC_INTERVAL in the service's environment.
@preconcurrency import Glibc
import Foundation
import Testing
import Migration
@testable import Engine

extension EngineDovecotSuites {
    @Suite struct ServiceProcessKillTests {
        static var canRun: Bool { FileManager.default.isExecutableFile(atPath: ServiceProcessTests.migshBinary) }

        /// `migsh --service` for the fixture's state directory.
        static func startService(_ f: ServiceFixture, _ extra: [String: String] = [:]) throws -> Process {
            let p = Process()
            p.executableURL = URL(fileURLWithPath: ServiceProcessTests.migshBinary)
            p.arguments = ["--service"]
            var env = ProcessInfo.processInfo.environment
            env["MIGSH_HOME"] = f.home
            env["MIGSH_CA_FILE"] = f.dovecot.env["IMAP_CA_FILE"]
            env["MIGSH_SERVICE_POLL"] = "0.1"
            env["MIGSH_SERVICE_IDLE_EXIT"] = "0"
            for (k, v) in extra { env[k] = v }
            p.environment = env
            p.standardInput = FileHandle.nullDevice
            p.standardOutput = FileHandle.nullDevice
            p.standardError = FileHandle.nullDevice
            try p.run()
            return p
        }

        /// The user's target Maildir holds exactly the messages of the source account (every folder).
        static func expectExactCopy(_ f: ServiceFixture, account n: Int) throws {
            let user = f.dovecot.env["IMAP_USER\(n)"]!
            let source = try IMAPEndToEndTests.connect(f.dovecot, user: user, password: f.dovecot.env["IMAP_PASSWORD\(n)"], readOnly: true)
            defer { source.close() }
            let target = try MaildirStore(root: f.home + "/mailboxes/" + f.email(user), create: false)
            let want = try allFingerprints(source)
            #expect(want.count >= 11)
            #expect(try allFingerprints(target) == want, "\(user)")
            #expect(try f.mailVerifiedExact(user), "\(user)")
        }

        /// How many user syncs the service log shows as started.
        static func syncStarts(_ f: ServiceFixture) -> Int {
            (readText(f.home + "/service.log") ?? "").components(separatedBy: " sync starting").count - 1
        }

        /// Starts the service `rounds` times and kills it with SIGKILL at a random moment after a user sync
        /// started; returns how many kills landed before the batch was Synced.
        static func killMidSync(_ f: ServiceFixture, rounds: Int) throws -> Int {
            var killedMidSync = 0
            for round in 0..<rounds {
                // Each copied message takes 150 ms more, so a sync lasts long enough to be hit.
                let starts = syncStarts(f)
                let p = try startService(f, ["MIGSH_TEST_MESSAGE_DELAY_MS": "150"])
                #expect(eventually(timeout: 30) { syncStarts(f) > starts || f.batchStatus() == .synced })
                usleep(UInt32.random(in: 50_000...500_000))
                let midSync = f.batchStatus() != .synced
                kill(p.processIdentifier, SIGKILL)
                p.waitUntilExit()
                #expect(p.terminationReason == .uncaughtSignal && p.terminationStatus == SIGKILL, "round \(round)")
                if midSync { killedMidSync += 1 }
            }
            return killedMidSync
        }

        @Test(.enabled(if: canRun)) func killNineOfTheServiceMidSyncThenRestartGivesAnExactCopy() throws {
            let f = try ServiceFixture()
            try f.addAccounts([3, 4])
            try f.createBatch()
            let killedMidSync = try Self.killMidSync(f, rounds: 4)
            #expect(killedMidSync >= 2, "the kills must land during the sync")
            #expect(!ServiceLock.isHeld(in: f.home), "the kernel dropped the dead service's lock")

            let p = try Self.startService(f)
            defer { p.terminate(); p.waitUntilExit() }
            #expect(eventually(timeout: 90) { f.batchStatus() == .synced })
            try Self.expectExactCopy(f, account: 3)
            try Self.expectExactCopy(f, account: 4)
        }

        @Test(.enabled(if: canRun)) func syncIntervalFromTheEnvironmentSchedulesIncrementalSyncs() throws {
            let f = try ServiceFixture()
            try f.addAccounts([4])
            try f.createBatch()
            let p = try Self.startService(f, ["MIGSH_SYNC_INTERVAL": "3"])
            defer { p.terminate(); p.waitUntilExit() }
            #expect(eventually { f.batchStatus() == .synced })
            let first = try #require(try f.store.batch("Batch1").lastSyncedDateTime)

            // A message arrives on the source; no one asks for a sync: the interval alone brings it over.
            let user = f.accounts[0].user
            let w = try IMAPEndToEndTests.connect(f.dovecot, user: user, password: f.dovecot.env["IMAP_PASSWORD4"], readOnly: false)
            _ = try put(try w.openFolder(.inbox), message(4242, subject: "Arrived later"), date: 1_700_000_000, commitVia: w)
            w.close()
            let target = f.home + "/mailboxes/" + f.email(user)
            let arrived = eventually(timeout: 30) {
                let inbox = try? MaildirStore(root: target, create: false).openFolder(.inbox)
                return ((try? inbox?.listMessages(uids: .min ... .max, changedSince: nil).count) ?? 0) == 7
            }
            #expect(arrived)
            #expect(eventually { f.batchStatus() == .synced })
            let next = try #require(try f.store.batch("Batch1").lastSyncedDateTime)
            #expect(next.timeIntervalSince(first) >= 2.5, "not before the interval")
            #expect((readText(f.home + "/service.log") ?? "").contains("incremental every 3s"))
            try Self.expectExactCopy(f, account: 4)
        }
    }
}
