import Foundation
import Testing
@testable import Cmdlets

/// The seed runbook run by the migsh binary against the private Dovecot over implicit TLS with
/// certificate verification (the golden cases cannot know the Dovecot's port). Checks every
/// printed object, including the full `Format-List` whose GUIDs and times change per run.
@Suite struct SeedRunbookIntegrationTests {
    static func runbook(_ d: TestDovecot) -> String {
        """
        Test-MigrationServerAvailability -IMAP -RemoteServer localhost -Port \(d.tlsPort) -Security Ssl | Format-List Result,Message,ErrorDetail
        New-MigrationEndpoint -IMAP -Name IMAPEndpoint -RemoteServer localhost -Port \(d.tlsPort) -Security Ssl
        Get-MigrationEndpoint IMAPEndpoint | Format-List EndpointType,RemoteServer,Port,Security,Max*
        New-MigrationBatch -Name IMAPBatch1 -SourceEndpoint IMAPEndpoint -CSVData ([System.IO.File]::ReadAllBytes("C:\\\\Users\\\\Administrator\\\\Desktop\\\\IMAPmigration_1.csv")) -AutoStart
        Get-MigrationBatch -Identity IMAPBatch1 | Format-List
        Get-MigrationBatch -Identity IMAPBatch1 | Format-List Status
        """
    }

    /// `Label : value` lines of the first Format-List block that has `label`.
    static func listBlock(_ text: String, containing label: String) -> [String: String] {
        for block in text.components(separatedBy: "\n\n") where block.contains(label + " ") {
            var fields: [String: String] = [:]
            for line in block.split(separator: "\n") {
                guard let r = line.range(of: " : ") else { continue }
                fields[line[..<r.lowerBound].trimmingCharacters(in: .whitespaces)] = String(line[r.upperBound...])
            }
            if fields[label] != nil { return fields }
        }
        return [:]
    }

    @Test func seedRunbookAgainstDovecot() throws {
        let d = try TestDovecot.get()
        let home = NSTemporaryDirectory() + "migcmdlets-seed-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: home) }
        let env = ["SSL_CERT_FILE": d["IMAP_CA_BUNDLE"]]
        let r = try MigshProcess.run(script: Self.runbook(d), home: home, driveC: MigshProcess.seedDriveC, extraEnvironment: env)
        #expect(r.stderr == "")
        #expect(r.status == 0)
        let out = r.stdout

        let test = Self.listBlock(out, containing: "Result")
        #expect(test["Result"] == "Success")
        #expect(out.contains("Identity     EndpointType RemoteServer\n--------     ------------ ------------\nIMAPEndpoint IMAP         localhost"))
        let endpoint = Self.listBlock(out, containing: "EndpointType")
        #expect(endpoint["Port"] == String(d.tlsPort))
        #expect(endpoint["Security"] == "Ssl")
        #expect(endpoint["MaxConcurrentMigrations"] == "100" && endpoint["MaxConcurrentIncrementalSyncs"] == "20")
        #expect(out.contains("IMAPBatch1 Syncing IMAP          3"))

        let batch = Self.listBlock(out, containing: "BatchGuid")
        #expect(batch["Identity"] == "IMAPBatch1")
        #expect(batch["Status"] == "Syncing")
        #expect(batch["TotalCount"] == "3" && batch["PendingCount"] == "3" && batch["FailedCount"] == "0")
        #expect(batch["MigrationType"] == "IMAP" && batch["BatchDirection"] == "Onboarding")
        #expect(batch["SourceEndpoint"] == "IMAPEndpoint")
        #expect(batch["BatchGuid"].flatMap(UUID.init(uuidString:)) != nil)
        #expect(batch["RunspaceId"].flatMap(UUID.init(uuidString:)) != nil)
        #expect(batch["CreationDateTime"]?.isEmpty == false && batch["StartDateTime"]?.isEmpty == false)
        #expect(batch["FinalizedDateTime"] == "")
        #expect(batch["NotificationEmails"] == "{}" && batch["ExcludedFolders"] == "{}")
        #expect(batch["BadItemLimit"] == "Unlimited")
        #expect(batch["SupportedActions"] == "{Stop, Set, Remove}")
        #expect(batch["IsValid"] == "True" && batch["ObjectState"] == "Unchanged")
        #expect(out.hasSuffix("\nStatus : Syncing\n\n"))
        #expect(!out.contains("P@ssw0rd"))

        // A second process sees the same state (it survives the restart).
        let again = try MigshProcess.run(script: "(Get-MigrationUser -BatchId IMAPBatch1).Identity -join ','", home: home,
                                         driveC: MigshProcess.seedDriveC)
        #expect(again.stdout == "terrya@contoso.edu,annb@contoso.edu,paulc@contoso.edu\n")
    }

    @Test func untrustedCertificateStopsEndpointCreation() throws {
        let d = try TestDovecot.get()
        let home = NSTemporaryDirectory() + "migcmdlets-seed-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: home) }
        // Without the private CA, the good certificate isn't trusted either.
        let r = try MigshProcess.run(script: """
            New-MigrationEndpoint -IMAP -Name IMAPEndpoint -RemoteServer localhost -Port \(d.tlsPort) -Security Ssl
            (Get-MigrationEndpoint | Measure-Object).Count
            """, home: home, driveC: MigshProcess.seedDriveC, extraEnvironment: ["SSL_CERT_FILE": "/dev/null"])
        #expect(r.stderr.contains("New-MigrationEndpoint:"))
        #expect(r.stderr.contains("The connection to the server 'localhost' could not be completed."))
        #expect(r.stderr.contains("certificate"))
        #expect(r.stdout == "0\n")
    }
}
