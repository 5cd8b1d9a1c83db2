import Foundation
import Testing
@testable import Cmdlets
import PowerShell

@Suite struct LimitsAndConcurrencyTests {
    @Test func the101stBatchIsRefusedWithExchangesMessage() throws {
        let h = try BatchCmdletTests.harness()
        for i in 1...100 {
            let run = try BatchCmdletTests.newBatch(h, "B\(i)", csv: csvBytes("EmailAddress,UserName,Password\nu\(i)@contoso.edu,u\(i),pw"))
            #expect(run.errors.isEmpty)
        }
        let config = try #require(try h.run("Get-MigrationConfig").objects.first)
        #expect(config["CanSubmitNewBatch"].flatMap(MigrationValues.bool) == false)
        let extra = try BatchCmdletTests.newBatch(h, "B101", csv: csvBytes("EmailAddress,UserName,Password\nx@contoso.edu,x,pw"))
        let error = try #require(extra.errors.first)
        #expect(error.category == .limitsExceeded)
        #expect(error.message == "The maximum number of migration batches is already running. Please remove a batch before you add another one.")
        #expect(try h.run("Get-MigrationBatch", [arg("ResultSize", str("Unlimited"))]).objects.count == 100)
    }

    /// Four migsh processes create batches at the same moment in one state directory:
    /// every batch and user arrives, none twice, and no process sees an error.
    @Test func concurrentShellsLoseNothing() throws {
        // No background service: this checks the store's concurrency, so statuses must stay as the cmdlets left them.
        let noService = ["MIGSH_NO_SERVICE": "1"]
        let home = NSTemporaryDirectory() + "migcmdlets-concurrent-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: home) }
        let setup = try MigshProcess.run(script: "New-MigrationEndpoint -IMAP -Name E -RemoteServer imap.contoso.com -SkipVerification | Out-Null",
                                         home: home, driveC: MigshProcess.seedDriveC, extraEnvironment: noService)
        #expect(setup.stderr.isEmpty)
        let results = ResultBox()
        DispatchQueue.concurrentPerform(iterations: 4) { shell in
            let script = (1...5).map { i in
                "New-MigrationBatch -Name S\(shell)B\(i) -SourceEndpoint E -AutoStart -CSVData ([System.Text.Encoding]::UTF8.GetBytes(\"EmailAddress,UserName,Password`ns\(shell)b\(i)a@contoso.edu,a,pw`ns\(shell)b\(i)b@contoso.edu,b,pw\")) | Out-Null"
            }.joined(separator: "\n") + "\nGet-MigrationBatch | Out-Null"
            results.add(Result { try MigshProcess.run(script: script, home: home, driveC: MigshProcess.seedDriveC, extraEnvironment: noService) })
        }
        for r in results.all {
            let run = try r.get()
            #expect(run.stderr.isEmpty, "\(run.stderr)")
            #expect(run.status == 0)
        }
        let check = try MigshProcess.run(script: """
            (Get-MigrationBatch | Measure-Object).Count
            (Get-MigrationUser -ResultSize Unlimited | Select-Object -ExpandProperty Identity | Sort-Object -Unique | Measure-Object).Count
            (Get-MigrationBatch | Where-Object Status -ne Syncing | Measure-Object).Count
            """, home: home, driveC: MigshProcess.seedDriveC, extraEnvironment: noService)
        #expect(check.stdout == "20\n40\n0\n", "\(check.stderr)")
    }
}

final class ResultBox: @unchecked Sendable {
    private let lock = NSLock()
    private var items: [Result<MigshProcess.Result, Error>] = []
    func add(_ r: Result<MigshProcess.Result, Error>) { lock.lock(); items.append(r); lock.unlock() }
    var all: [Result<MigshProcess.Result, Error>] { lock.lock(); defer { lock.unlock() }; return items }
}
