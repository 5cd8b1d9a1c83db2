// -StartAfter and -CompleteAfter as the service's scheduler honours them: users of a batch whose start
// time lies ahead stay queued until then; a batch with a completion time is completed at that time.
import Foundation
import Testing
import Migration
@testable import Engine

extension EngineDovecotSuites {
    @Suite struct SchedulerTimingTests {
        @Test func startAfterInTheFutureHoldsTheBatchUntilThen() throws {
            let f = try ServiceFixture()
            try f.addAccounts([4])
            let startAfter = Date().addingTimeInterval(4)
            try f.createBatch { $0.startAfter = startAfter }
            let user = f.accounts[0].user
            let running = RunningService(home: f.home, settings: f.settings())
            defer { running.stop() }
            // Until the start time nothing runs: the user stays queued and no sync is active.
            var startedEarly = false
            while Date() < startAfter.addingTimeInterval(-0.5) {
                if running.service.activeSyncs > 0 || f.userStatus(user) != .queued { startedEarly = true }
                usleep(50_000)
            }
            #expect(!startedEarly)
            #expect(f.batchStatus() == .syncing)
            #expect(eventually { f.batchStatus() == .synced })
            let synced = try f.store.user(f.email(user))
            #expect(synced.status == .synced)
            #expect((synced.lastSyncTime ?? .distantPast) >= startAfter)
            #expect(try f.mailVerifiedExact(user))
        }

        @Test func aUsersOwnStartAfterOverridesTheBatchs() throws {
            let f = try ServiceFixture()
            try f.addAccounts([3, 4])
            try f.createBatch()
            // Set-MigrationUser -StartAfter on the second user only (before the service sees the batch).
            let later = Date().addingTimeInterval(4)
            _ = try f.store.setUser(f.email(f.accounts[1].user), UserSettings(startAfter: later))
            let running = RunningService(home: f.home, settings: f.settings())
            defer { running.stop() }
            #expect(eventually { f.userStatus(f.accounts[0].user) == .synced })
            if Date() < later.addingTimeInterval(-0.3) { #expect(f.userStatus(f.accounts[1].user) == .queued) }
            #expect(f.batchStatus() == .syncing)
            #expect(eventually { f.batchStatus() == .synced })
            let second = try f.store.user(f.email(f.accounts[1].user))
            #expect(second.status == .synced && (second.lastSyncTime ?? .distantPast) >= later)
        }

        @Test func completeAfterCompletesTheBatchAtThatTime() throws {
            let f = try ServiceFixture()
            try f.addAccounts([3, 4])
            let completeAfter = Date().addingTimeInterval(6)
            try f.createBatch { $0.completeAfter = completeAfter }
            let running = RunningService(home: f.home, settings: f.settings())
            defer { running.stop() }
            // First the batch syncs and waits, Synced, for its completion time.
            #expect(eventually { f.batchStatus() == .synced })
            #expect(Date() < completeAfter, "the initial sync took longer than the test allows for")
            var completedEarly = false
            while Date() < completeAfter.addingTimeInterval(-0.5) {
                if f.batchStatus() != .synced { completedEarly = true }
                usleep(50_000)
            }
            #expect(!completedEarly)
            // Then the service completes it on its own: final sync, Completed users and batch.
            #expect(eventually { f.batchStatus() == .completed })
            let batch = try f.store.batch("Batch1")
            #expect((batch.finalizedDateTime ?? .distantPast) >= completeAfter)
            for a in f.accounts { #expect(f.userStatus(a.user) == .completed) }
            #expect((readText(f.home + "/service.log") ?? "").contains("completing (CompleteAfter reached)"))
        }
    }
}
