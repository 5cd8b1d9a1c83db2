import Testing
@testable import Cmdlets
import PowerShell

@Suite struct EndpointCmdletTests {
    static func newEndpoint(_ h: CmdletHarness, _ name: String = "IMAPEndpoint", extra: [CommandArgument] = []) throws -> CmdletHarness.Run {
        try h.run("New-MigrationEndpoint", [arg("IMAP"), arg("Name", str(name)), arg("RemoteServer", str("imap.contoso.com")),
                                            arg("Port", .int(993)), arg("Security", str("Ssl")), arg("SkipVerification")] + extra)
    }

    @Test func newEndpointEmitsExchangesObject() throws {
        let h = CmdletHarness()
        let run = try Self.newEndpoint(h)
        #expect(run.errors.isEmpty)
        let e = try #require(run.objects.first)
        #expect(e.typeNames.first == "Microsoft.Exchange.Data.Storage.Management.MigrationEndpoint")
        #expect(e.toStringValue == "IMAPEndpoint")
        let names = e.properties.map(\.name)
        #expect(Array(names.prefix(10)) == ["RunspaceId", "Identity", "EndpointType", "RemoteServer", "Port", "Security",
                                            "Authentication", "AcceptUntrustedCertificates", "MaxConcurrentMigrations",
                                            "MaxConcurrentIncrementalSyncs"])
        #expect(e["MaxConcurrentMigrations"].flatMap(MigrationValues.int) == 100)
        #expect(e["MaxConcurrentIncrementalSyncs"].flatMap(MigrationValues.int) == 20)
        #expect(e["Security"]?.stringValue == "Ssl")
        #expect(e["EndpointType"]?.stringValue == "IMAP")
    }

    @Test func getFindsEndpointIgnoringCaseAndReportsUnknownNames() throws {
        let h = CmdletHarness()
        try Self.newEndpoint(h)
        let found = try h.run("Get-MigrationEndpoint", [pos(str("imapendpoint"))])
        #expect(found.objects.first?["Identity"]?.stringValue == "IMAPEndpoint")
        let missing = try h.run("Get-MigrationEndpoint", [pos(str("Nope"))])
        #expect(missing.output.isEmpty)
        let error = try #require(missing.errors.first)
        #expect(error.category == .objectNotFound)
        #expect(error.message == "The migration endpoint \"Nope\" couldn't be found.")
        #expect(error.errorId == "ManagementObjectNotFoundException,Get-MigrationEndpoint")
    }

    @Test func duplicateNameIsRefused() throws {
        let h = CmdletHarness()
        try Self.newEndpoint(h)
        let again = try Self.newEndpoint(h, "imapENDPOINT")
        #expect(again.output.isEmpty)
        #expect(again.errors.first?.category == .resourceExists)
        #expect(try h.run("Get-MigrationEndpoint").objects.count == 1)
    }

    @Test func unlimitedAndLimitsAreChecked() throws {
        let h = CmdletHarness()
        let tooMany = try Self.newEndpoint(h, extra: [arg("MaxConcurrentMigrations", .int(301))])
        #expect(tooMany.errors.first?.category == .invalidArgument)
        let inverted = try Self.newEndpoint(h, extra: [arg("MaxConcurrentMigrations", .int(10)),
                                                       arg("MaxConcurrentIncrementalSyncs", .int(25))])
        #expect(inverted.errors.first?.message.contains("MaxConcurrentIncrementalSyncs") == true)
        #expect(try h.run("Get-MigrationEndpoint").objects.isEmpty)
        #expect(throws: ErrorRecord.self) {
            try Self.newEndpoint(h, extra: [arg("MaxConcurrentMigrations", str("lots"))])
        }
        let ok = try Self.newEndpoint(h, extra: [arg("MaxConcurrentMigrations", str("50")),
                                                 arg("MaxConcurrentIncrementalSyncs", .int(25))])
        #expect(ok.objects.first?["MaxConcurrentMigrations"].flatMap(MigrationValues.int) == 50)
    }

    @Test func setChangesOnlyWhatIsGivenAndRefusesInvalidValues() throws {
        let h = CmdletHarness()
        try Self.newEndpoint(h)
        let set = try h.run("Set-MigrationEndpoint", [pos(str("IMAPEndpoint")), arg("MaxConcurrentMigrations", .int(30)),
                                                      arg("AcceptUntrustedCertificates", .bool(true)), arg("SkipVerification")])
        #expect(set.output.isEmpty && set.errors.isEmpty)
        let e = try #require(try h.run("Get-MigrationEndpoint", [pos(str("IMAPEndpoint"))]).objects.first)
        #expect(e["MaxConcurrentMigrations"].flatMap(MigrationValues.int) == 30)
        #expect(e["AcceptUntrustedCertificates"].flatMap(MigrationValues.bool) == true)
        #expect(e["Port"].flatMap(MigrationValues.int) == 993)
        let bad = try h.run("Set-MigrationEndpoint", [pos(str("IMAPEndpoint")), arg("MaxConcurrentIncrementalSyncs", .int(31))])
        #expect(bad.errors.count == 1)
        let after = try #require(try h.run("Get-MigrationEndpoint", [pos(str("IMAPEndpoint"))]).objects.first)
        #expect(after["MaxConcurrentIncrementalSyncs"].flatMap(MigrationValues.int) == 20)
    }

    @Test func removeAsksFirstAndNeedsConfirmationOffNonInteractively() throws {
        let h = CmdletHarness()
        try Self.newEndpoint(h)
        #expect(throws: ErrorRecord.self) { try h.run("Remove-MigrationEndpoint", [pos(str("IMAPEndpoint"))]) }
        let whatIf = try h.run("Remove-MigrationEndpoint", [pos(str("IMAPEndpoint")), arg("WhatIf")])
        #expect(whatIf.whatIf.count == 1)
        #expect(try h.run("Get-MigrationEndpoint").objects.count == 1)
        try h.run("Remove-MigrationEndpoint", [pos(str("IMAPEndpoint")), arg("Confirm", .bool(false))])
        #expect(try h.run("Get-MigrationEndpoint").objects.isEmpty)
    }

    @Test func typeFilterKeepsImapEndpoints() throws {
        let h = CmdletHarness()
        try Self.newEndpoint(h)
        #expect(try h.run("Get-MigrationEndpoint", [arg("Type", str("IMAP"))]).objects.count == 1)
        #expect(try h.run("Get-MigrationEndpoint", [arg("Type", str("ExchangeRemoteMove"))]).objects.isEmpty)
        #expect(throws: ErrorRecord.self) { try h.run("Get-MigrationEndpoint", [arg("Type", str("Bogus"))]) }
    }
}
