import Testing
@testable import Cmdlets
import PowerShell

/// Test-MigrationServerAvailability and the endpoint check, against the private Dovecot.
@Suite struct ServerAvailabilityTests {
    static func test(_ h: CmdletHarness, host: String, port: Int, security: String, extra: [CommandArgument] = []) throws -> PSObject {
        let run = try h.run("Test-MigrationServerAvailability", [arg("IMAP"), arg("RemoteServer", str(host)),
                                                                 arg("Port", .int(port)), arg("Security", str(security))] + extra)
        #expect(run.errors.isEmpty)
        return try #require(run.objects.first)
    }

    @Test func plainConnectionSucceeds() throws {
        let d = try TestDovecot.get()
        let o = try Self.test(CmdletHarness(), host: d.host, port: d.plainPort, security: "None")
        #expect(o.typeNames.first == "Microsoft.Exchange.Data.Storage.Management.TestMigrationServerAvailabilityOutcome")
        #expect(o.properties.map(\.name) == ["RunspaceId", "Result", "Message", "ConnectionSettings", "SupportsCutover",
                                            "ErrorDetail", "IsValid", "Identity", "ObjectState"])
        #expect(o["Result"]?.stringValue == "Success")
        #expect(o["Message"]?.stringValue == "")
        #expect(o["ConnectionSettings"]?.stringValue == "\(d.host):\(d.plainPort) (Security: None)")
    }

    @Test func selfSignedCertificateFailsUnlessAccepted() throws {
        let d = try TestDovecot.get()
        let host = d["IMAP_HOST_SELF_SIGNED"]
        let refused = try Self.test(CmdletHarness(), host: host, port: d.tlsPort, security: "Ssl")
        #expect(refused["Result"]?.stringValue == "Failed")
        #expect(refused["Message"]?.stringValue == "The connection to the server '\(host)' could not be completed.")
        let detail = refused["ErrorDetail"]?.stringValue ?? ""
        #expect(detail.hasPrefix("Microsoft.Exchange.Migration.MigrationServerConnectionFailedException: "))
        #expect(detail.contains("SslStreamFailureException") && detail.contains("certificate"))
        let accepted = try Self.test(CmdletHarness(), host: host, port: d.tlsPort, security: "Ssl",
                                     extra: [arg("AcceptUntrustedCertificates")])
        #expect(accepted["Result"]?.stringValue == "Success")
    }

    @Test func startTlsAgainstTheSelfSignedListenerNamesTheCertificate() throws {
        let d = try TestDovecot.get()
        let o = try Self.test(CmdletHarness(), host: d["IMAP_HOST_SELF_SIGNED"], port: d.plainPort, security: "Tls")
        #expect(o["Result"]?.stringValue == "Failed")
        #expect(o["ErrorDetail"]?.stringValue?.contains("certificate") == true)
    }

    @Test func closedPortAndUnknownNameFail() throws {
        let refused = try Self.test(CmdletHarness(), host: "127.0.0.1", port: 1, security: "None")
        #expect(refused["Result"]?.stringValue == "Failed")
        #expect(refused["ErrorDetail"]?.stringValue?.contains("refused") == true)
        let unknown = try Self.test(CmdletHarness(), host: "no-such-host.invalid", port: 993, security: "Ssl")
        #expect(unknown["Result"]?.stringValue == "Failed")
        #expect(unknown["ErrorDetail"]?.stringValue?.contains("could not be resolved") == true)
    }

    @Test func endpointSetTestsTheStoredSettings() throws {
        let d = try TestDovecot.get()
        let h = CmdletHarness()
        try h.run("New-MigrationEndpoint", [arg("IMAP"), arg("Name", str("Dovecot")), arg("RemoteServer", str(d.host)),
                                            arg("Port", .int(d.plainPort)), arg("Security", str("None"))])
        let run = try h.run("Test-MigrationServerAvailability", [arg("Endpoint", str("dovecot"))])
        #expect(run.objects.first?["Result"]?.stringValue == "Success")
        #expect(try h.run("Test-MigrationServerAvailability", [arg("Endpoint", str("Nope"))]).errors.first?.category == .objectNotFound)
    }

    @Test func newEndpointChecksTheServerFirst() throws {
        let d = try TestDovecot.get()
        let h = CmdletHarness()
        let ok = try h.run("New-MigrationEndpoint", [arg("IMAP"), arg("Name", str("Good")), arg("RemoteServer", str(d.host)),
                                                     arg("Port", .int(d.plainPort)), arg("Security", str("None"))])
        #expect(ok.errors.isEmpty && ok.objects.count == 1)
        let bad = try h.run("New-MigrationEndpoint", [arg("IMAP"), arg("Name", str("Bad")), arg("RemoteServer", str("127.0.0.1")),
                                                      arg("Port", .int(1)), arg("Security", str("None"))])
        let error = try #require(bad.errors.first)
        #expect(error.category == .connectionError)
        #expect(error.message.hasPrefix("The connection to the server '127.0.0.1' could not be completed."))
        #expect(try h.run("Get-MigrationEndpoint").objects.map(\.toStringValue) == ["Good"])
        // A changed server is checked too; the endpoint keeps its settings when the check fails.
        let moved = try h.run("Set-MigrationEndpoint", [pos(str("Good")), arg("Port", .int(1))])
        #expect(moved.errors.first?.category == .connectionError)
        #expect(try h.run("Get-MigrationEndpoint", [pos(str("Good"))]).objects.first?["Port"].flatMap(MigrationValues.int) == d.plainPort)
    }
}
