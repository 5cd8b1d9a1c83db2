import Foundation
import Testing
@testable import Migration

@Suite struct StoreLifecycleTests {
    @Test func startStopStartCompleteRecordsRequestsInOrder() throws {
        let store = TemporaryState().store()
        try store.seed(users: 3)
        var b = try store.startBatch("batch1")
        #expect(b.status == .syncing && b.startDateTime != nil && b.counts.pendingCount == 3)
        let firstStart = b.startDateTime

        b = try store.stopBatch("Batch1")
        #expect(b.status == .stopped && b.counts.stoppedCount == 3)
        #expect(try store.users(batch: "Batch1").allSatisfy { $0.status == .stopped })

        b = try store.startBatch("Batch1")
        #expect(b.status == .syncing && b.counts.pendingCount == 3 && b.startDateTime == firstStart)

        // The engine reports the initial sync done.
        for u in try store.users(batch: "Batch1") { try store.setUserStatus(u.emailAddress, .synced) }
        try store.setBatchStatus("Batch1", .synced)
        b = try store.batch("Batch1")
        #expect(b.status == .synced && b.counts.syncedCount == 3 && b.lastSyncedDateTime != nil && b.initialSyncDateTime != nil)
        #expect(try store.user("user1@contoso.com").lastSuccessfulSyncTime != nil)

        b = try store.completeBatch("Batch1")
        #expect(b.status == .completing && b.counts.activeCount == 3)
        #expect(try store.users(status: .completing).count == 3)

        let requests = try store.pendingRequests()
        #expect(requests.map(\.action) == [.start, .stop, .start, .complete])
        #expect(requests.allSatisfy { $0.batchName == "Batch1" && $0.batchGuid == b.batchGuid })
        try store.markRequestsHandled(requests.prefix(2).map(\.id))
        #expect(try store.pendingRequests().map(\.action) == [.start, .complete])
        let kept = try store.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM sync_request") }
        #expect(kept == 4)
        try store.markRequestsHandled([requests[2].id], keepFor: -1)
        let pruned = try store.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM sync_request") }
        #expect(pruned == 1)
        #expect(try store.pendingRequests().map(\.action) == [.complete])
    }

    @Test func forbiddenOperationChangesNothing() throws {
        let store = TemporaryState().store()
        try store.seed(autoStart: true)
        let before = try store.batch("Batch1")
        let requestsBefore = try store.pendingRequests()
        let e = migrationError { try store.startBatch("Batch1") }
        #expect(e == .operationNotAllowed(.start, batch: "Batch1", status: .syncing))
        #expect(e?.message == "The migration batch \"Batch1\" can't be started because its status is Syncing.")
        #expect(migrationError { try store.completeBatch("batch1") } == .operationNotAllowed(.complete, batch: "Batch1", status: .syncing))
        #expect(try store.batch("Batch1") == before)
        #expect(try store.pendingRequests() == requestsBefore)

        try store.stopBatch("Batch1")
        #expect(migrationError { try store.stopBatch("Batch1") } == .operationNotAllowed(.stop, batch: "Batch1", status: .stopped))
        try store.setBatchStatus("Batch1", .completed)
        #expect(migrationError { try store.setBatch("Batch1", BatchChanges(skipReports: true)) }
                == .operationNotAllowed(.set, batch: "Batch1", status: .completed))
        #expect(migrationError { try store.syncNow("Batch1") } == .operationNotAllowed(.set, batch: "Batch1", status: .completed))
    }

    @Test func startRetriesFailedUsersOnly() throws {
        let store = TemporaryState().store()
        try store.seed(users: 3, autoStart: true)
        try store.setUserStatus("user1@contoso.com", .synced)
        try store.setUserStatus("user2@contoso.com", .failed, errorSummary: "Bad password")
        try store.setUserStatus("user3@contoso.com", .synced)
        try store.setBatchStatus("Batch1", .syncedWithErrors)
        let b = try store.batch("Batch1")
        #expect(b.counts.failedCount == 1 && b.counts.failedInitialSyncCount == 1 && b.counts.syncedCount == 2)
        let failed = try store.user("user2@contoso.com")
        #expect(failed.errorSummary == "Bad password" && failed.lastSyncTime != nil && failed.lastSuccessfulSyncTime == nil)
        #expect(try store.users(statusSummary: .failed).map(\.emailAddress) == ["user2@contoso.com"])
        try store.startBatch("Batch1")
        #expect(try store.user("user2@contoso.com").status == .queued)
        #expect(try store.user("user1@contoso.com").status == .synced)
    }

    @Test func removeBatchErasesEverything() throws {
        let store = TemporaryState().store()
        let b = try store.seed(users: 3)
        try store.removeBatch("BATCH1")
        #expect(migrationError { _ = try store.batch("Batch1") } == .batchNotFound("Batch1"))
        #expect(try store.userCount() == 0)
        let leftovers = try store.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM credential") }
        #expect(leftovers == 0)
        let requests = try store.pendingRequests()
        #expect(requests.map(\.action) == [.remove] && requests[0].batchGuid == b.batchGuid)
        // The addresses are free again.
        try store.seed(batch: "Again", users: 3)
    }

    @Test func deferredRemovalKeepsRowsInRemovingUntilPurged() throws {
        let store = TemporaryState().store()
        let b = try store.seed(users: 2, autoStart: true)
        try store.removeBatch("Batch1", deferred: true)
        let removing = try store.batch("Batch1")
        #expect(removing.status == .removing)
        #expect(try store.users(batch: "Batch1").allSatisfy { $0.status == .removing })
        #expect(migrationError { _ = try store.credential(for: "user1@contoso.com") } == .credentialUnavailable("user1@contoso.com"))
        #expect(migrationError { try store.removeBatch("Batch1") } == .operationNotAllowed(.remove, batch: "Batch1", status: .removing))
        #expect(migrationError { try store.removeUser("user1@contoso.com") }
                == .userOperationNotAllowed(.remove, user: "user1@contoso.com", status: .removing))
        try store.purgeBatch(b.batchGuid)
        #expect(try store.batchCount() == 0 && store.userCount() == 0)
    }

    @Test func removeUserErasesItsCredentialAndTellsTheEngine() throws {
        let store = TemporaryState().store()
        try store.seed(users: 3)
        try store.removeUser("USER2@CONTOSO.COM")
        #expect(migrationError { _ = try store.user("user2@contoso.com") } == .userNotFound("user2@contoso.com"))
        #expect(try store.users(batch: "Batch1").map(\.emailAddress) == ["user1@contoso.com", "user3@contoso.com"])
        let creds = try store.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM credential") }
        #expect(creds == 2)
        let r = try store.pendingRequests()
        #expect(r.map(\.action) == [.removeUser] && r[0].userEmail == "user2@contoso.com")
        #expect(try store.batch("Batch1").counts.totalCount == 2)
        #expect(migrationError { try store.removeUser("user2@contoso.com") } == .userNotFound("user2@contoso.com"))
    }

    @Test func userQueries() throws {
        let store = TemporaryState().store()
        try store.seed(batch: "A", users: 3, domain: "a.com")
        try store.seed(batch: "B", users: 2, domain: "b.com", autoStart: true)
        try store.setUserStatus("user1@b.com", .syncing)
        #expect(try store.users().count == 5)
        #expect(try store.users(limit: 2).map(\.emailAddress) == ["user1@a.com", "user2@a.com"])
        #expect(try store.users(status: .syncing).map(\.emailAddress) == ["user1@b.com"])
        #expect(try store.users(batch: "b", status: .queued).map(\.emailAddress) == ["user2@b.com"])
        #expect(try store.users(statusSummary: .active).count == 5)
        let u = try store.user("USER1@B.COM")
        #expect(u.batchId == "B" && u.status == .syncing && u.statusSummary == .active && u.identity == "user1@b.com")
        #expect(try store.user(u.guid.uuidString).emailAddress == "user1@b.com")
        #expect(migrationError { try store.setUserStatus("zz@b.com", .synced) } == .userNotFound("zz@b.com"))
        let stats = try store.statistics()
        #expect(stats.totalCount == 5 && stats.activeCount == 1 && stats.pendingCount == 4)
    }

    @Test func engineProgressCounters() throws {
        let store = TemporaryState().store()
        try store.seed(users: 1)
        try store.recordProgress("user1@contoso.com", UserProgress(syncedItemCount: 40, totalItemsInSourceMailboxCount: 50, bytesTransferred: 9_000))
        try store.recordProgress("USER1@contoso.com", UserProgress(skippedItemCount: 2))
        let u = try store.user("user1@contoso.com")
        #expect(u.syncedItemCount == 40 && u.skippedItemCount == 2 && u.totalItemsInSourceMailboxCount == 50 && u.bytesTransferred == 9_000)
        #expect(migrationError { try store.recordProgress("x@y.com", UserProgress(syncedItemCount: 1)) } == .userNotFound("x@y.com"))
    }
}
