import Foundation
import GRDB
import Testing
@testable import Migration

@Suite struct StoreReportTests {
    @Test func lifecycleWritesTheBatchReport() throws {
        let store = TemporaryState().store()
        try store.createEndpoint(MigrationEndpoint(name: "E", remoteServer: "h"))
        try store.createBatch(NewBatchOptions(name: "B", sourceEndpoint: "E", settings: BatchSettings(submittedByUser: "admin")), csv: try parsedCsv(2))
        try store.startBatch("B")
        try store.stopBatch("b")
        let lines = try store.report(batch: "B").map(\.message)
        #expect(lines.count == 3)
        #expect(lines[0].hasPrefix("The migration batch was created by admin with 2 users from a CSV file of "))
        #expect(lines[1].contains("started") && lines[2].contains("stopped"))
        let times = try store.report(batch: "B").map(\.at)
        #expect(times == times.sorted())
    }

    @Test func engineLinesPerUser() throws {
        let store = TemporaryState().store()
        try store.seed(users: 2)
        try store.appendReport(batch: "batch1", user: "USER1@contoso.com", "Copied 10 of 12 messages.")
        try store.appendReport(batch: "batch1", user: "user1@contoso.com", "Skipped 2 messages over 35 MB.")
        #expect(try store.report(user: "user1@CONTOSO.com").map(\.message) == ["Copied 10 of 12 messages.", "Skipped 2 messages over 35 MB."])
        #expect(try store.report(user: "user2@contoso.com").isEmpty)
        #expect(try store.report(batch: "Batch1").count == 1)
        #expect(migrationError { _ = try store.report(user: "zz@contoso.com") } == .userNotFound("zz@contoso.com"))
        #expect(migrationError { try store.appendReport(batch: "nope", "x") } == .batchNotFound("nope"))
    }

    @Test func removalDeletesReportLines() throws {
        let store = TemporaryState().store()
        try store.seed(users: 2)
        try store.appendReport(batch: "Batch1", user: "user1@contoso.com", "user line")
        try store.removeUser("user1@contoso.com")
        #expect(try store.report(batch: "Batch1").last?.message == "The user \"user1@contoso.com\" was removed from the migration batch.")
        try store.removeBatch("Batch1")
        let left = try store.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM report_entry") }
        #expect(left == 0)
    }
}
