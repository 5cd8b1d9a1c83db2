import Foundation
import Testing
@testable import Migration

@Suite struct StoreBatchTests {
    @Test func createBatchWithUsersAtomically() throws {
        let store = TemporaryState().store()
        try store.createEndpoint(MigrationEndpoint(name: "IMAPEndpoint", remoteServer: "imap.contoso.com"))
        let csv = try parsedCsv(3)
        let b = try store.createBatch(NewBatchOptions(name: "IMAPBatch1", sourceEndpoint: "imapendpoint", settings: BatchSettings(
                                                      excludeFolders: ["Deleted Items", "Junk Email"], notificationEmails: ["admin@contoso.com"],
                                                      badItemLimit: 10, timeZone: "Pacific Standard Time", submittedByUser: "admin")), csv: csv)
        #expect(b.status == .created && b.migrationType == .imap && b.sourceEndpoint == "IMAPEndpoint")
        #expect(b.counts.totalCount == 3 && b.counts.pendingCount == 3 && b.counts.activeCount == 0)
        #expect(b.csv == CsvMetadata(rowCount: 3, byteCount: csv.byteCount, columns: ["EmailAddress", "UserName", "Password"]))
        let again = try store.batch("imapbatch1")
        #expect(again == b)
        #expect(again.excludeFolders == ["Deleted Items", "Junk Email"] && again.notificationEmails == ["admin@contoso.com"])
        #expect(again.badItemLimit == 10 && again.largeItemLimit == nil && again.timeZone == "Pacific Standard Time")
        #expect(again.submittedByUser == "admin" && again.startDateTime == nil && again.batchDirection == "Onboarding")
        #expect(try store.batch(b.batchGuid.uuidString).name == "IMAPBatch1")

        let users = try store.users(batch: "IMAPBATCH1")
        #expect(users.map(\.emailAddress) == ["user1@contoso.com", "user2@contoso.com", "user3@contoso.com"])
        #expect(users.allSatisfy { $0.status == .queued && $0.batchId == "IMAPBatch1" && $0.recipientType == "Mailbox" })
        #expect(users.map(\.csvRow) == [1, 2, 3])
        #expect(try store.credential(for: "USER2@contoso.com").password == "Secret-2-pw")
    }

    @Test func autoStartStartsInTheSameTransaction() throws {
        let store = TemporaryState().store()
        let b = try store.seed(autoStart: true)
        #expect(b.status == .syncing && b.startDateTime != nil)
        #expect(try store.pendingRequests().map(\.action) == [.start])
    }

    @Test func usersAlreadyInAnotherBatchAreAllReportedAndNothingIsCreated() throws {
        let store = TemporaryState().store()
        try store.seed(batch: "First", users: 3)
        let csv = try ImapCsv.parse(csvBytes([["EmailAddress", "UserName", "Password"], ["new@contoso.com", "n", "p"],
                                              ["USER1@contoso.com", "u1", "p"], ["user3@contoso.com", "u3", "p"]]))
        let problems = csvProblems { try store.createBatch(NewBatchOptions(name: "Second", sourceEndpoint: "IMAPEndpoint"), csv: csv) }
        #expect(problems == [CsvProblem(row: 2, line: 3, reason: .alreadyInBatch("USER1@contoso.com", batch: "First")),
                             CsvProblem(row: 3, line: 4, reason: .alreadyInBatch("user3@contoso.com", batch: "First"))])
        #expect(problems[0].reasonText == "The user \"USER1@contoso.com\" already exists in migration batch \"First\".")
        #expect(migrationError { _ = try store.batch("Second") } == .batchNotFound("Second"))
        #expect(migrationError { _ = try store.user("new@contoso.com") } == .userNotFound("new@contoso.com"))
        #expect(try store.userCount() == 3)
        #expect(try store.pendingRequests().isEmpty)
    }

    @Test func limitsAndNames() throws {
        let store = TemporaryState().store()
        try store.seed(batch: "B")
        let name65 = String(repeating: "n", count: 65)
        let long = migrationError { try store.createBatch(NewBatchOptions(name: name65, sourceEndpoint: "IMAPEndpoint"), csv: try parsedCsv(1, domain: "x.com")) }
        #expect(long?.categoryName == "InvalidArgument" && long?.message.contains("maximum is 64") == true)
        try store.createBatch(NewBatchOptions(name: String(repeating: "n", count: 64), sourceEndpoint: "IMAPEndpoint"), csv: try parsedCsv(1, domain: "y.com"))
        #expect(migrationError { try store.createBatch(NewBatchOptions(name: "b", sourceEndpoint: "IMAPEndpoint"), csv: try parsedCsv(1, domain: "z.com")) }
                == .batchAlreadyExists("b"))
        #expect(migrationError { try store.createBatch(NewBatchOptions(name: "C", sourceEndpoint: "nope"), csv: try parsedCsv(1, domain: "z.com")) }
                == .endpointNotFound("nope"))
        #expect(try store.batchCount() == 2)
    }

    @Test func atMostOneHundredBatches() throws {
        let store = TemporaryState().store()
        try store.createEndpoint(MigrationEndpoint(name: "E", remoteServer: "h"))
        for i in 1...100 {
            try store.createBatch(NewBatchOptions(name: "B\(i)", sourceEndpoint: "E"), csv: try parsedCsv(1, domain: "d\(i).com"))
        }
        let e = migrationError { try store.createBatch(NewBatchOptions(name: "B101", sourceEndpoint: "E"), csv: try parsedCsv(1, domain: "d101.com")) }
        #expect(e == .tooManyBatches(limit: 100))
        #expect(e?.message == "The maximum number of migration batches is already running. Please remove a batch before you add another one.")
        #expect(try store.batchCount() == 100)
        try store.removeBatch("B7")
        try store.createBatch(NewBatchOptions(name: "B101", sourceEndpoint: "E"), csv: try parsedCsv(1, domain: "d101.com"))
    }

    @Test func listByStatusAndEndpoint() throws {
        let store = TemporaryState().store()
        try store.seed(batch: "A", endpoint: "E1", domain: "a.com")
        try store.seed(batch: "B", endpoint: "E2", domain: "b.com", autoStart: true)
        try store.seed(batch: "C", endpoint: "E1", domain: "c.com", autoStart: true)
        #expect(try store.batches().map(\.name) == ["A", "B", "C"])
        #expect(try store.batches(status: .syncing).map(\.name) == ["B", "C"])
        #expect(try store.batches(endpoint: "e1").map(\.name) == ["A", "C"])
        #expect(try store.batches(status: .created, endpoint: "E1").map(\.name) == ["A"])
        #expect(try store.batches().map(\.counts.totalCount) == [3, 3, 3])
        #expect(migrationError { _ = try store.batches(endpoint: "zz") } == .endpointNotFound("zz"))
    }

    @Test func setBatchChangesOnlyWhatIsGiven() throws {
        let store = TemporaryState().store()
        let before = try store.seed()
        let after = Date(timeIntervalSince1970: 1_900_000_000)
        let b = try store.setBatch("batch1", BatchChanges(notificationEmails: ["ops@contoso.com"], startAfter: .some(after), badItemLimit: .some(nil)))
        #expect(b.notificationEmails == ["ops@contoso.com"] && b.startAfter == after && b.badItemLimit == nil)
        let stored = try store.batch("Batch1")
        #expect(stored.notificationEmails == ["ops@contoso.com"] && stored.startAfter == after)
        #expect(stored.timeZone == before.timeZone && stored.status == .created)
        try store.setBatch("Batch1", BatchChanges(startAfter: .some(nil)))
        #expect(try store.batch("Batch1").startAfter == nil)
        #expect(migrationError { try store.setBatch("nope", BatchChanges()) } == .batchNotFound("nope"))
    }

    @Test func notFoundWordingForBatchesAndUsers() {
        let store = TemporaryState().store()
        #expect(migrationError { _ = try store.batch("IMAPBatch1") }?.message == "The migration batch \"IMAPBatch1\" couldn't be found.")
        #expect(migrationError { _ = try store.user("a@b.com") }?.message == "The migration user \"a@b.com\" couldn't be found.")
        #expect(migrationError { try store.removeBatch("x") } == .batchNotFound("x"))
        #expect(migrationError { try store.startBatch("x") } == .batchNotFound("x"))
        #expect(migrationError { _ = try store.users(batch: "x") } == .batchNotFound("x"))
    }

    @Test func addUsersAppendsAndChecksConflicts() throws {
        let store = TemporaryState().store()
        try store.seed(users: 2)
        let b = try store.addUsers(toBatch: "batch1", csv: try parsedCsv(2, start: 3))
        #expect(b.counts.totalCount == 4 && b.csv.rowCount == 4)
        #expect(try store.users(batch: "Batch1").map(\.csvRow) == [1, 2, 3, 4])
        let problems = csvProblems { try store.addUsers(toBatch: "Batch1", csv: try parsedCsv(2, start: 4)) }
        #expect(problems.map(\.row) == [1])
        #expect(try store.userCount(batch: "Batch1") == 4)
    }
}
