import Testing
@testable import Cmdlets
import PowerShell

@Suite struct BatchCmdletTests {
    static let csv = """
        EmailAddress,UserName,Password
        terrya@contoso.edu,terry.adams*mailadmin,P@ssw0rd
        annb@contoso.edu,ann.beebe*mailadmin,P@ssw0rd
        paulc@contoso.edu,paul.cannon*mailadmin,P@ssw0rd
        """

    /// A harness with the endpoint IMAPEndpoint.
    static func harness() throws -> CmdletHarness {
        let h = CmdletHarness()
        try EndpointCmdletTests.newEndpoint(h)
        return h
    }

    @discardableResult
    static func newBatch(_ h: CmdletHarness, _ name: String = "IMAPBatch1", csv: Value = csvBytes(csv),
                         extra: [CommandArgument] = []) throws -> CmdletHarness.Run {
        try h.run("New-MigrationBatch", [arg("Name", str(name)), arg("SourceEndpoint", str("IMAPEndpoint")),
                                         arg("CSVData", csv)] + extra)
    }

    static func status(_ h: CmdletHarness, _ name: String = "IMAPBatch1") throws -> String? {
        try h.run("Get-MigrationBatch", [pos(str(name))]).objects.first?["Status"]?.stringValue
    }

    @Test func newBatchIsCreatedWithItsUsers() throws {
        let h = try Self.harness()
        let run = try Self.newBatch(h)
        #expect(run.errors.isEmpty)
        let b = try #require(run.objects.first)
        #expect(b.typeNames.first == "Microsoft.Exchange.Data.Storage.Management.MigrationBatch")
        #expect(b.toStringValue == "IMAPBatch1")
        #expect(Array(b.properties.map(\.name).prefix(5)) == ["RunspaceId", "Identity", "Status", "BatchGuid", "TotalCount"])
        #expect(b["Status"]?.stringValue == "Created")
        #expect(b["TotalCount"].flatMap(MigrationValues.int) == 3)
        #expect(b["MigrationType"]?.stringValue == "IMAP")
        #expect(b["SourceEndpoint"]?.stringValue == "IMAPEndpoint")
        let users = try h.run("Get-MigrationUser", [arg("BatchId", str("imapbatch1"))]).objects
        #expect(users.map { $0["Identity"]?.stringValue } == ["terrya@contoso.edu", "annb@contoso.edu", "paulc@contoso.edu"])
        #expect(users.allSatisfy { $0["Status"]?.stringValue == "Queued" || $0["Status"]?.stringValue == "Stopped" })
    }

    @Test func csvDataAsAnArrayOfBytesBinds() throws {
        // (Get-Content users.csv -Encoding Byte) gives object[] of numbers; the binder makes byte[].
        let h = try Self.harness()
        let items = Array(Self.csv.utf8).map { Value.int(Int($0)) }
        let run = try Self.newBatch(h, csv: .list(items))
        #expect(run.errors.isEmpty)
        #expect(run.objects.first?["TotalCount"].flatMap(MigrationValues.int) == 3)
    }

    @Test func autoStartMovesBatchAndUsersToSyncing() throws {
        let h = try Self.harness()
        let run = try Self.newBatch(h, extra: [arg("AutoStart")])
        #expect(run.objects.first?["Status"]?.stringValue == "Syncing")
        let users = try h.run("Get-MigrationUser", [arg("BatchId", str("IMAPBatch1"))]).objects
        #expect(users.allSatisfy { $0["Status"]?.stringValue == "Queued" })
    }

    @Test func lifecycleFollowsExchangesTransitions() throws {
        let h = try Self.harness()
        try Self.newBatch(h)
        let stopCreated = try h.run("Stop-MigrationBatch", [pos(str("IMAPBatch1"))])
        #expect(stopCreated.errors.first?.category == .invalidOperation)
        #expect(stopCreated.errors.first?.message == "The migration batch \"IMAPBatch1\" can't be stopped because its status is Created.")
        #expect(try Self.status(h) == "Created")

        #expect(try h.run("Start-MigrationBatch", [pos(str("imapbatch1"))]).errors.isEmpty)
        #expect(try Self.status(h) == "Syncing")
        let completeSyncing = try h.run("Complete-MigrationBatch", [pos(str("IMAPBatch1")), arg("Confirm", .bool(false))])
        #expect(completeSyncing.errors.count == 1)
        #expect(try Self.status(h) == "Syncing")

        #expect(try h.run("Stop-MigrationBatch", [arg("Identity", str("IMAPBatch1"))]).errors.isEmpty)
        #expect(try Self.status(h) == "Stopped")
        #expect(try h.run("Start-MigrationBatch", [pos(str("IMAPBatch1"))]).errors.isEmpty)
        #expect(try Self.status(h) == "Syncing")
    }

    @Test func removeNeedsConfirmationAndThenTheBatchIsGone() throws {
        let h = try Self.harness()
        try Self.newBatch(h)
        #expect(throws: ErrorRecord.self) { try h.run("Remove-MigrationBatch", [arg("Identity", str("IMAPBatch1"))]) }
        h.confirmAnswers = [false]
        try h.run("Remove-MigrationBatch", [arg("Identity", str("IMAPBatch1"))])
        #expect(try Self.status(h) == "Created")
        h.confirmAnswers = [true]
        try h.run("Remove-MigrationBatch", [arg("Identity", str("IMAPBatch1"))])
        let gone = try h.run("Get-MigrationBatch", [pos(str("IMAPBatch1"))])
        #expect(gone.output.isEmpty)
        #expect(gone.errors.first?.message == "The migration batch \"IMAPBatch1\" couldn't be found.")
        #expect(try h.run("Get-MigrationUser").objects.isEmpty)
        // The endpoint is free again.
        try h.run("Remove-MigrationEndpoint", [pos(str("IMAPEndpoint")), arg("Confirm", .bool(false))])
        #expect(try h.run("Get-MigrationEndpoint").objects.isEmpty)
    }

    @Test func endpointInUseCannotBeRemoved() throws {
        let h = try Self.harness()
        try Self.newBatch(h)
        let run = try h.run("Remove-MigrationEndpoint", [pos(str("IMAPEndpoint")), arg("Confirm", .bool(false))])
        #expect(run.errors.first?.category == .invalidOperation)
        #expect(try h.run("Get-MigrationEndpoint").objects.count == 1)
    }

    @Test func pipelineRemovesOnlyTheFilteredBatches() throws {
        let h = try Self.harness()
        try Self.newBatch(h, "B1")
        try Self.newBatch(h, "B2", csv: csvBytes("EmailAddress,UserName,Password\nx@contoso.edu,x,pw"))
        let all = try h.run("Get-MigrationBatch").output
        let first = Array(all.prefix(1))
        try h.run("Remove-MigrationBatch", [arg("Confirm", .bool(false))], input: first)
        #expect(try h.run("Get-MigrationBatch").objects.map { $0["Identity"]?.stringValue } == ["B2"])
    }

    @Test func duplicateNameAndMissingEndpointAreRefused() throws {
        let h = try Self.harness()
        try Self.newBatch(h)
        let dup = try Self.newBatch(h, "imapbatch1", csv: csvBytes("EmailAddress,UserName,Password\nz@contoso.edu,z,pw"))
        #expect(dup.errors.first?.category == .resourceExists)
        let noEndpoint = try h.run("New-MigrationBatch", [arg("Name", str("B3")), arg("CSVData", csvBytes(Self.csv))])
        #expect(noEndpoint.errors.first?.message.contains("-SourceEndpoint") == true)
        let unknown = try h.run("New-MigrationBatch", [arg("Name", str("B3")), arg("SourceEndpoint", str("Nope")),
                                                       arg("CSVData", csvBytes("EmailAddress,UserName,Password\nq@contoso.edu,q,pw"))])
        #expect(unknown.errors.first?.category == .objectNotFound)
        #expect(try h.run("Get-MigrationBatch").objects.count == 1)
    }

    @Test func nameLongerThan64CharactersIsABindingError() throws {
        let h = try Self.harness()
        #expect(throws: ErrorRecord.self) { try Self.newBatch(h, String(repeating: "n", count: 65)) }
        #expect(try Self.newBatch(h, String(repeating: "n", count: 64)).errors.isEmpty)
    }

    @Test func whatIfCreatesNothing() throws {
        let h = try Self.harness()
        let run = try Self.newBatch(h, extra: [arg("WhatIf")])
        #expect(run.whatIf == ["What if: Performing the operation \"New-MigrationBatch\" on target \"IMAPBatch1\"."])
        #expect(try h.run("Get-MigrationBatch").objects.isEmpty)
    }

    @Test func setChangesSettingsAndAddsUsers() throws {
        let h = try Self.harness()
        try Self.newBatch(h)
        let set = try h.run("Set-MigrationBatch", [pos(str("IMAPBatch1")), arg("NotificationEmails", .list([str("admin@contoso.edu")])),
                                                   arg("BadItemLimit", str("Unlimited")), arg("AddUsers"),
                                                   arg("CSVData", csvBytes("EmailAddress,UserName,Password\nnew@contoso.edu,new,pw"))])
        #expect(set.errors.isEmpty && set.output.isEmpty)
        let b = try #require(try h.run("Get-MigrationBatch", [pos(str("IMAPBatch1"))]).objects.first)
        #expect(b["TotalCount"].flatMap(MigrationValues.int) == 4)
        #expect(b["BadItemLimit"]?.stringValue == "Unlimited")
        guard case .array(let emails)? = b["NotificationEmails"] else { Issue.record("no list"); return }
        #expect(emails.items.compactMap(\.stringValue) == ["admin@contoso.edu"])
        // -CSVData alone updates users already in the batch; a user it doesn't have changes nothing.
        let bare = try h.run("Set-MigrationBatch", [pos(str("IMAPBatch1")), arg("CSVData", csvBytes(Self.csv))])
        #expect(bare.errors.isEmpty)
        let stranger = try h.run("Set-MigrationBatch", [pos(str("IMAPBatch1")),
                                                        arg("CSVData", csvBytes("EmailAddress,UserName,Password\nzed@contoso.edu,z,pw"))])
        #expect(stranger.errors.first?.message.contains("aren't in the migration batch \"IMAPBatch1\": zed@contoso.edu") == true)
    }

    @Test func getFiltersByStatusAndEndpoint() throws {
        let h = try Self.harness()
        try Self.newBatch(h, "B1", extra: [arg("AutoStart")])
        try Self.newBatch(h, "B2", csv: csvBytes("EmailAddress,UserName,Password\nx@contoso.edu,x,pw"))
        #expect(try h.run("Get-MigrationBatch", [arg("Status", str("syncing"))]).objects.map { $0.toStringValue } == ["B1"])
        #expect(try h.run("Get-MigrationBatch", [arg("Endpoint", str("IMAPEndpoint"))]).objects.count == 2)
        #expect(try h.run("Get-MigrationBatch", [arg("Endpoint", str("Nope"))]).errors.first?.category == .objectNotFound)
        let stats = try #require(try h.run("Get-MigrationStatistics").objects.first)
        #expect(stats["TotalCount"].flatMap(MigrationValues.int) == 4)
        let config = try #require(try h.run("Get-MigrationConfig").objects.first)
        #expect(config["MaxNumberOfBatches"].flatMap(MigrationValues.int) == 100)
        #expect(config["CanSubmitNewBatch"].flatMap(MigrationValues.bool) == true)
    }

    @Test func newBatchKeepsItsOptions() throws {
        let h = try Self.harness()
        let run = try Self.newBatch(h, extra: [
            arg("ExcludeFolders", .list([str("Deleted Items"), str("Junk Email")])),
            arg("NotificationEmails", str("admin@contoso.edu")), arg("TimeZone", str("Pacific Standard Time")),
            arg("StartAfter", str("7/30/2030 9:00PM Z")), arg("ReportInterval", str("12:00:00")),
            arg("BadItemLimit", .int(10)), arg("AutoComplete"), arg("SkipReports")])
        #expect(run.errors.isEmpty)
        let b = try #require(try h.run("Get-MigrationBatch", [pos(str("IMAPBatch1"))]).objects.first)
        guard case .array(let folders)? = b["ExcludedFolders"] else { Issue.record("no folder list"); return }
        #expect(folders.items.compactMap(\.stringValue) == ["Deleted Items", "Junk Email"])
        #expect(b["TimeZone"]?.stringValue == "Pacific Standard Time")
        #expect(b["BadItemLimit"].flatMap(MigrationValues.int) == 10)
        #expect(b["AutoComplete"].flatMap(MigrationValues.bool) == true)
        #expect(b["SkipReports"].flatMap(MigrationValues.bool) == true)
        #expect(MigrationValues.seconds(b["ReportInterval"]) == 43_200)
        let start = try #require(MigrationValues.date(b["StartAfter"]))
        #expect(start.timeIntervalSince1970 == 1_911_675_600)   // 2030-07-30 21:00 UTC
    }
}
