// The background service against the real test Dovecot: batches reach Synced with the mail in the target,
// the endpoint's concurrency limit holds, Stop/Start, Complete and Remove move statuses as Exchange does,
// a wrong password fails one user only, and one service per state directory.
import Foundation
import Testing
import Migration
@testable import Engine

extension EngineDovecotSuites {
    @Suite struct ServiceTests {
        @Test func batchOfThreeWithOneWrongPasswordThenCompleteAndRemove() throws {
            let f = try ServiceFixture()
            try f.addAccounts([1, 2, 3], wrongPassword: [2])
            try f.createBatch(maxConcurrent: 3)
            let started = Date()
            let running = RunningService(home: f.home, settings: f.settings())
            defer { running.stop() }

            #expect(eventually { f.batchStatus() == .syncedWithErrors })
            let elapsed = Date().timeIntervalSince(started)
            #expect(f.userStatus(f.accounts[0].user) == .synced && f.userStatus(f.accounts[2].user) == .synced)
            #expect(f.userStatus(f.accounts[1].user) == .failed)
            #expect(try f.store.user(f.email(f.accounts[1].user)).errorSummary?.hasPrefix("ImapAuthenticationException") == true)
            #expect(try f.mailVerifiedExact(f.accounts[0].user) && f.mailVerifiedExact(f.accounts[2].user))
            #expect(running.service.peakConcurrentSyncs == 3)
            let batch = try f.store.batch("Batch1")
            #expect(batch.lastSyncedDateTime != nil && batch.initialSyncDateTime != nil)
            print("service: 3-user batch (2 x 11 messages, 1 bad password) reached SyncedWithErrors in \(String(format: "%.2f", elapsed)) s")

            // Complete: a final incremental sync, then Completed users; the failed user makes it CompletedWithErrors.
            try f.store.completeBatch("Batch1")
            #expect(eventually { f.batchStatus() == .completedWithErrors })
            #expect(f.userStatus(f.accounts[0].user) == .completed && f.userStatus(f.accounts[2].user) == .completed)
            #expect(f.userStatus(f.accounts[1].user) == .failed)
            #expect(try f.store.batch("Batch1").finalizedDateTime != nil)

            // Remove: credentials erased, the batch gone, the copied mail stays in the target.
            try f.store.removeBatch("Batch1")
            #expect(throws: (any Error).self) { try f.store.credential(for: f.email(f.accounts[0].user)) }
            #expect(f.batchStatus() == nil)
            #expect(eventually(timeout: 5) { (try? f.store.pendingRequests().isEmpty) == true })
            let kept = try MaildirStore(root: f.home + "/mailboxes/" + f.email(f.accounts[0].user), create: false)
            #expect(try !kept.openFolder(.inbox).listMessages(uids: .min ... .max, changedSince: nil).isEmpty)
            #expect(running.stop())
            #expect(running.error == nil)
        }

        @Test func concurrencyLimitOfOneRunsUsersOneAtATime() throws {
            let f = try ServiceFixture()
            try f.addAccounts([1, 3, 4], fill: false)
            try f.createBatch(maxConcurrent: 1)
            let running = RunningService(home: f.home, settings: f.settings())
            defer { running.stop() }
            #expect(eventually { f.batchStatus() == .synced })
            #expect(running.service.peakConcurrentSyncs == 1)
            #expect(f.accounts.allSatisfy { f.userStatus($0.user) == .synced })
            // The queue runs in CSV order: each user's last sync ends after the previous user's.
            let times = try f.accounts.map { try f.store.user(f.email($0.user)).lastSyncTime ?? .distantPast }
            #expect(times == times.sorted())
        }

        @Test func stopCancelsInFlightSyncAndStartResumesToAnExactCopy() throws {
            let f = try ServiceFixture()
            try f.addAccounts([4])
            try f.createBatch()
            // Slow the copy down (50 ms per message) so Stop lands mid-sync.
            let copied = Counter()
            let running = RunningService(home: f.home, settings: f.settings { _, event in
                if case .messageBytesWritten = event { copied.add(); usleep(50_000) }
            })
            defer { running.stop() }
            #expect(eventually { copied.value >= 2 })
            try f.store.stopBatch("Batch1")
            #expect(eventually(timeout: 5) { running.service.activeSyncs == 0 })
            #expect(f.batchStatus() == .stopped)
            #expect(f.userStatus(f.accounts[0].user) == .stopped)
            let atStop = copied.value
            usleep(500_000)
            #expect(copied.value == atStop)   // nothing runs while stopped

            try f.store.startBatch("Batch1")
            #expect(eventually { f.batchStatus() == .synced })
            #expect(f.userStatus(f.accounts[0].user) == .synced)
            let report = try f.store.report(user: f.email(f.accounts[0].user)).map(\.message)
            // The engine's verification compared source and target message by message after the resumed sync.
            let user = try f.store.user(f.email(f.accounts[0].user))
            #expect(report.contains { $0.hasPrefix("Data consistency: Perfect") }, "\(report)")
            #expect(user.syncedItemCount == user.totalItemsInSourceMailboxCount && user.syncedItemCount > 0)
        }

        @Test func incrementalSyncRunsWhenDueAndSyncNowForcesOne() throws {
            let f = try ServiceFixture()
            try f.addAccounts([4], fill: false)
            try f.createBatch()
            var s = f.settings()
            s.incrementalInterval = 1
            let running = RunningService(home: f.home, settings: s)
            defer { running.stop() }
            #expect(eventually { f.batchStatus() == .synced })
            let first = try f.store.batch("Batch1").lastSyncedDateTime ?? .distantFuture
            // Within a few seconds the 1 s interval has triggered at least one more round.
            #expect(eventually(timeout: 20) { ((try? f.store.batch("Batch1").lastSyncedDateTime) ?? nil).map { $0 > first } ?? false })
            #expect(f.userStatus(f.accounts[0].user) == .synced)
        }

        @Test func oneServicePerStateDirectory() throws {
            let f = try ServiceFixture()
            let first = RunningService(home: f.home, settings: f.settings())
            #expect(eventually(timeout: 5) { ServiceLock.isHeld(in: f.home) })
            #expect(ServiceLock.recordedPid(in: f.home) == getpid())
            let second = MigrationService(stateDirectory: f.home, settings: f.settings())
            #expect(throws: MigrationService.ServiceError.self) { try second.run() }
            #expect(ServiceLauncher.ensureRunning(stateDirectory: f.home, environment: [:]) == .alreadyRunning)
            #expect(first.stop())
            #expect(!ServiceLock.isHeld(in: f.home))
            #expect(ServiceLauncher.ensureRunning(stateDirectory: f.home, environment: ["MIGSH_NO_SERVICE": "1"]) == .turnedOff)
        }
    }
}

final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var n = 0
    func add() { lock.withLock { n += 1 } }
    var value: Int { lock.withLock { n } }
}
