// One user of a batch handled on its own by the running service: Stop-MigrationUser stops only that user's
// sync (the others keep syncing), and Set-MigrationUser -CompleteAfter completes that user on its own time,
// before or after the rest of its batch.
import Foundation
import Testing
import Migration
@testable import Engine

/// Counts events per user (the service's sync observer runs on the workers' threads).
final class PerUserCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var counts: [String: Int] = [:]
    func add(_ user: String) { lock.withLock { counts[user, default: 0] += 1 } }
    func value(_ user: String) -> Int { lock.withLock { counts[user] ?? 0 } }
}

extension EngineDovecotSuites {
    @Suite struct PerUserServiceTests {
        @Test func stoppingOneUserLeavesTheOthersSyncing() throws {
            let f = try ServiceFixture()
            try f.addAccounts([1, 3])
            try f.createBatch(maxConcurrent: 2)
            let stopped = f.email(f.accounts[0].user).lowercased(), other = f.email(f.accounts[1].user).lowercased()
            // Slow the copy down (50 ms per message) so the stop lands while both users sync.
            let copied = PerUserCounter()
            let running = RunningService(home: f.home, settings: f.settings { user, event in
                if case .messageBytesWritten = event { copied.add(user); usleep(50_000) }
            })
            defer { running.stop() }
            #expect(eventually { copied.value(stopped) >= 1 && copied.value(other) >= 1 })
            try f.store.stopUser(stopped)
            #expect(eventually(timeout: 10) { !running.service.isRunning(stopped) })
            let atStop = copied.value(stopped)

            // The other user goes on to Synced with an exact copy; the batch settles Synced around the stopped user.
            #expect(eventually { f.userStatus(f.accounts[1].user) == .synced })
            #expect(try f.mailVerifiedExact(f.accounts[1].user))
            #expect(copied.value(other) > 1)
            #expect(f.userStatus(f.accounts[0].user) == .stopped)
            #expect(copied.value(stopped) == atStop)   // nothing of the stopped user ran after its stop
            #expect(eventually(timeout: 10) { f.batchStatus() == .synced })
            #expect(f.userStatus(f.accounts[0].user) == .stopped)
        }

        @Test func aUsersOwnCompleteAfterCompletesThatUserOnly() throws {
            let f = try ServiceFixture()
            try f.addAccounts([3, 4], fill: false)
            try f.createBatch(maxConcurrent: 2)
            let running = RunningService(home: f.home, settings: f.settings())
            defer { running.stop() }
            #expect(eventually { f.batchStatus() == .synced })
            let (first, second) = (f.email(f.accounts[0].user), f.email(f.accounts[1].user))

            // Due now: its final sync runs and it ends Completed; the batch and the other user stay Synced.
            _ = try f.store.setUser(first, UserSettings(completeAfter: Date().addingTimeInterval(-1)))
            #expect(eventually { f.userStatus(f.accounts[0].user) == .completed })
            #expect(f.userStatus(f.accounts[1].user) == .synced)
            #expect(f.batchStatus() == .synced)
            // A CompleteAfter still ahead changes nothing.
            _ = try f.store.setUser(second, UserSettings(completeAfter: Date().addingTimeInterval(3600)))
            usleep(500_000)
            #expect(f.userStatus(f.accounts[1].user) == .synced && f.batchStatus() == .synced)

            // Once the last user completes on its own time, the batch is Completed.
            _ = try f.store.setUser(second, UserSettings(completeAfter: Date().addingTimeInterval(-1)))
            #expect(eventually { f.batchStatus() == .completed })
            #expect(f.userStatus(f.accounts[1].user) == .completed)
            #expect(try f.store.batch("Batch1").finalizedDateTime != nil)
        }
    
        @Test func aUsersLaterCompleteAfterHoldsItBackFromTheBatchsAutoComplete() throws {
            let f = try ServiceFixture()
            try f.addAccounts([3, 4], fill: false)
            try f.createBatch(maxConcurrent: 2, start: false) { $0.autoComplete = true }
            let held = f.email(f.accounts[0].user)
            _ = try f.store.setUser(held, UserSettings(completeAfter: Date().addingTimeInterval(3600)))
            try f.store.startBatch("Batch1")
            let running = RunningService(home: f.home, settings: f.settings())
            defer { running.stop() }

            // AutoComplete completes the other user; the held one stays Synced, and so does the batch.
            #expect(eventually { f.userStatus(f.accounts[1].user) == .completed })
            usleep(500_000)
            #expect(f.userStatus(f.accounts[0].user) == .synced)
            #expect(f.batchStatus() == .synced)

            _ = try f.store.setUser(held, UserSettings(completeAfter: Date().addingTimeInterval(-1)))
            #expect(eventually { f.batchStatus() == .completed })
            #expect(f.userStatus(f.accounts[0].user) == .completed)
        }
    }
}
