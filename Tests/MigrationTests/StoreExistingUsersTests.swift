import Foundation
import Testing
@testable import Migration

/// New-MigrationBatch -UserIds, Set-MigrationBatch -CSVData without -AddUsers, and -Update in the store.
@Suite struct StoreExistingUsersTests {
    @Test func usersMoveIntoANewBatchWithTheirPasswordAndMailboxGuid() throws {
        let state = TemporaryState()
        let store = state.store()
        try store.seed(batch: "Old", users: 3)
        try store.setUserStatus("user2@contoso.com", .failed, errorSummary: "bad password")
        let before = try store.user("user2@contoso.com")
        let b = try store.createBatch(NewBatchOptions(name: "Retry"), existingUsers: ["USER2@contoso.com", before.guid.uuidString, "user3@contoso.com"])
        #expect(b.sourceEndpoint == "IMAPEndpoint" && b.counts.totalCount == 2 && b.status == .created && b.csv.rowCount == 2)
        let moved = try store.user("user2@contoso.com")
        #expect(moved.batchId == "Retry" && moved.status == .queued && moved.errorSummary == nil && moved.csvRow == 1)
        #expect(moved.guid == before.guid && moved.mailboxGuid == before.mailboxGuid)
        #expect(try store.credential(for: "user2@contoso.com").password == "Secret-2-pw")
        #expect(try store.users(batch: "Old").map(\.emailAddress) == ["user1@contoso.com"])
        #expect(try store.report(batch: "Old").map(\.message).contains("The user \"user2@contoso.com\" was moved to the migration batch \"Retry\"."))
    }

    @Test func movingIsAllOrNothing() throws {
        let state = TemporaryState()
        let store = state.store()
        try store.seed(batch: "Old", users: 2, autoStart: true)
        try store.setUserStatus("user1@contoso.com", .failed)
        // user2 is Queued in a running batch: it must be stopped first.
        #expect(migrationError { try store.createBatch(NewBatchOptions(name: "New"), existingUsers: ["user1@contoso.com", "user2@contoso.com"]) }
                == .userOperationNotAllowed(.move, user: "user2@contoso.com", status: .queued))
        #expect(migrationError { try store.createBatch(NewBatchOptions(name: "New"), existingUsers: ["nobody@contoso.com"]) }
                == .userNotFound("nobody@contoso.com"))
        #expect(try store.batches().map(\.name) == ["Old"])
        #expect(try store.user("user1@contoso.com").batchId == "Old")
    }

    @Test func usersFromBatchesWithDifferentEndpointsNeedAnExplicitEndpoint() throws {
        let state = TemporaryState()
        let store = state.store()
        try store.seed(batch: "A", endpoint: "EpA", users: 1, domain: "a.com")
        try store.seed(batch: "B", endpoint: "EpB", users: 1, domain: "b.com")
        #expect(migrationError { try store.createBatch(NewBatchOptions(name: "Both"), existingUsers: ["user1@a.com", "user1@b.com"]) }
                == .mixedSourceEndpoints(["EpA", "EpB"]))
        let b = try store.createBatch(NewBatchOptions(name: "Both", sourceEndpoint: "epb", autoStart: true),
                                      existingUsers: ["user1@a.com", "user1@b.com"])
        #expect(b.sourceEndpoint == "EpB" && b.status == .syncing && b.counts.pendingCount == 2)
    }

    @Test func csvDataUpdatesPasswordsOfUsersAlreadyInTheBatch() throws {
        let state = TemporaryState()
        let store = state.store()
        try store.seed(users: 2)
        let csv = try ImapCsv.parse(Array("EmailAddress,UserName,Password,UserRoot\nUSER2@contoso.com,u2new,N3w-pw,/users/u2".utf8))
        #expect(try store.updateUsers(inBatch: "Batch1", csv: csv) == 1)
        let c = try store.credential(for: "user2@contoso.com")
        #expect(c.password == "N3w-pw" && c.userName == "u2new" && c.userRoot == "/users/u2")
        #expect(try store.credential(for: "user1@contoso.com").password == "Secret-1-pw")

        let stranger = try ImapCsv.parse(Array("EmailAddress,UserName,Password\nuser1@contoso.com,u1,x\nnew@contoso.com,n,y".utf8))
        #expect(migrationError { try store.updateUsers(inBatch: "Batch1", csv: stranger) } == .usersNotInBatch(batch: "Batch1", ["new@contoso.com"]))
        #expect(try store.credential(for: "user1@contoso.com").password == "Secret-1-pw")
    }

    @Test func updateRecordsARequestAndIsRefusedOnACompletedBatch() throws {
        let state = TemporaryState()
        let store = state.store()
        try store.seed(users: 1)
        let before = try store.pendingRequests().count
        try store.requestUpdate("batch1")
        #expect(try store.pendingRequests().count == before + 1)
        #expect(try store.report(batch: "Batch1").last?.message.hasPrefix("An update was requested") == true)
        try store.setBatchStatus("Batch1", .completed)
        #expect(migrationError { try store.requestUpdate("Batch1") } == .operationNotAllowed(.set, batch: "Batch1", status: .completed))
        #expect(try store.pendingRequests().count == before + 1)
    }
}
