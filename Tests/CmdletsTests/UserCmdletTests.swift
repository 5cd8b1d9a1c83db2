import Testing
@testable import Cmdlets
import PowerShell

@Suite struct UserCmdletTests {
    @Test func userObjectHasExchangesShape() throws {
        let h = try BatchCmdletTests.harness()
        try BatchCmdletTests.newBatch(h)
        let u = try #require(try h.run("Get-MigrationUser", [pos(str("TerryA@Contoso.edu"))]).objects.first)
        #expect(u.typeNames.first == "Microsoft.Exchange.Data.Storage.Management.MigrationUser")
        #expect(u.toStringValue == "terrya@contoso.edu")
        #expect(Array(u.properties.map(\.name).prefix(5)) == ["RunspaceId", "Identity", "Identifier", "BatchId", "EmailAddress"])
        #expect(u["BatchId"]?.stringValue == "IMAPBatch1")
        #expect(u["StatusSummary"]?.stringValue == "Active")
        let unknown = try h.run("Get-MigrationUser", [pos(str("nobody@contoso.edu"))])
        #expect(unknown.errors.first?.message == "The migration user \"nobody@contoso.edu\" couldn't be found.")
        #expect(unknown.errors.first?.category == .objectNotFound)
    }

    @Test func statisticsTakeUsersFromThePipeline() throws {
        let h = try BatchCmdletTests.harness()
        try BatchCmdletTests.newBatch(h)
        let users = try h.run("Get-MigrationUser", [arg("BatchId", str("IMAPBatch1"))]).output
        let stats = try h.run("Get-MigrationUserStatistics", [arg("IncludeReport"), arg("IncludeSkippedItems")], input: users)
        #expect(stats.errors.isEmpty)
        #expect(stats.objects.map(\.toStringValue) == ["terrya@contoso.edu", "annb@contoso.edu", "paulc@contoso.edu"])
        let first = try #require(stats.objects.first)
        #expect(first.typeNames.prefix(2) == ["Microsoft.Exchange.Data.Storage.Management.MigrationUserStatistics",
                                              "Microsoft.Exchange.Data.Storage.Management.MigrationUser"])
        #expect(first["Report"]?.stringValue?.contains("added to migration batch 'IMAPBatch1'") == true)
        guard case .array(let skipped)? = first["SkippedItems"] else { Issue.record("SkippedItems is not a list"); return }
        #expect(skipped.items.isEmpty)
        #expect(first["BytesTransferred"]?.stringValue == "0 B (0 bytes)")
    }

    @Test func filtersAndResultSize() throws {
        let h = try BatchCmdletTests.harness()
        try BatchCmdletTests.newBatch(h, extra: [arg("AutoStart")])
        #expect(try h.run("Get-MigrationUser", [arg("Status", str("Queued"))]).objects.count == 3)
        #expect(try h.run("Get-MigrationUser", [arg("StatusSummary", str("Failed"))]).objects.isEmpty)
        #expect(try h.run("Get-MigrationUser", [arg("ResultSize", .int(2))]).objects.count == 2)
        #expect(try h.run("Get-MigrationUser", [arg("ResultSize", str("unlimited"))]).objects.count == 3)
        #expect(try h.run("Get-MigrationUser", [arg("BatchId", str("Nope"))]).errors.first?.category == .objectNotFound)
        #expect(throws: ErrorRecord.self) { try h.run("Get-MigrationUser", [arg("Status", str("Bogus"))]) }
    }

    @Test func defaultResultSizeWarnsWhenItHidesUsers() throws {
        let h = try BatchCmdletTests.harness()
        let rows = (1...1001).map { "u\($0)@contoso.edu,u\($0),pw" }.joined(separator: "\n")
        try BatchCmdletTests.newBatch(h, csv: csvBytes("EmailAddress,UserName,Password\n" + rows))
        let run = try h.run("Get-MigrationUser")
        #expect(run.objects.count == 1000)
        #expect(run.warnings.count == 1)
        #expect(try h.run("Get-MigrationUser", [arg("ResultSize", str("Unlimited"))]).objects.count == 1001)
    }

    @Test func removeUserTakesItOutOfItsBatch() throws {
        let h = try BatchCmdletTests.harness()
        try BatchCmdletTests.newBatch(h)
        try h.run("Remove-MigrationUser", [pos(str("PAULC@contoso.edu")), arg("Confirm", .bool(false))])
        #expect(try h.run("Get-MigrationUser").objects.count == 2)
        let b = try #require(try h.run("Get-MigrationBatch", [pos(str("IMAPBatch1"))]).objects.first)
        #expect(b["TotalCount"].flatMap(MigrationValues.int) == 2)
        let again = try h.run("Remove-MigrationUser", [pos(str("paulc@contoso.edu")), arg("Confirm", .bool(false))])
        #expect(again.errors.first?.category == .objectNotFound)
    }
}
