import Testing
@testable import Cmdlets
import PowerShell

/// Bad CSV data through New-MigrationBatch: every bad row is reported, and nothing is saved.
@Suite struct CsvCmdletTests {
    static func newBatch(_ csv: String, allowUnknown: Bool? = nil) throws -> (CmdletHarness, CmdletHarness.Run) {
        let h = try BatchCmdletTests.harness()
        var extra: [CommandArgument] = []
        if let allowUnknown { extra.append(arg("AllowUnknownColumnsInCsv", .bool(allowUnknown))) }
        let run = try BatchCmdletTests.newBatch(h, csv: csvBytes(csv), extra: extra)
        return (h, run)
    }

    static func expectNothingSaved(_ h: CmdletHarness) throws {
        #expect(try h.run("Get-MigrationBatch").objects.isEmpty)
        #expect(try h.run("Get-MigrationUser").objects.isEmpty)
    }

    @Test func eachBadRowIsReportedWithItsNumber() throws {
        let (h, run) = try Self.newBatch("""
            EmailAddress,UserName,Password
            good@contoso.edu,good,pw
            not-an-address,bad,pw
            empty@contoso.edu,,pw
            good@contoso.edu,again,pw
            """)
        #expect(run.output.isEmpty)
        let messages = run.errors.map(\.message)
        #expect(messages.contains { $0.hasPrefix("Row 2") && $0.contains("not-an-address") })
        #expect(messages.contains { $0.hasPrefix("Row 3") && $0.contains("UserName") })
        #expect(messages.contains { $0.hasPrefix("Row 4") && $0.contains("row 1") })
        #expect(messages.last == "The CSV data has 3 errors; nothing was saved.")
        #expect(run.errors.allSatisfy { $0.category == .invalidData })
        try Self.expectNothingSaved(h)
    }

    @Test func missingAndUnknownColumnsAreRefused() throws {
        let (h, missing) = try Self.newBatch("EmailAddress,Password\na@contoso.edu,pw")
        #expect(missing.errors.contains { $0.message.contains("\"UserName\"") })
        try Self.expectNothingSaved(h)
        let (h2, unknown) = try Self.newBatch("EmailAddress,UserName,Password,Department\na@contoso.edu,a,pw,IT")
        #expect(unknown.errors.contains { $0.message.contains("\"Department\"") })
        try Self.expectNothingSaved(h2)
        let (_, allowed) = try Self.newBatch("EmailAddress,UserName,Password,Department\na@contoso.edu,a,pw,IT", allowUnknown: true)
        #expect(allowed.errors.isEmpty)
        #expect(allowed.objects.first?["TotalCount"].flatMap(MigrationValues.int) == 1)
    }

    @Test func headersIgnoreCaseAndOrderAndQuotedFieldsWork() throws {
        let (h, run) = try Self.newBatch("\u{FEFF}password,USERROOT,emailaddress,UserName\r\n\"p,w\"\"1\",/users/a,a@contoso.edu,\"a, b\"\r\n")
        #expect(run.errors.isEmpty)
        #expect(try h.run("Get-MigrationUser", [pos(str("A@CONTOSO.EDU"))]).objects.count == 1)
    }

    @Test func userAlreadyInAnotherBatchIsRefused() throws {
        let h = try BatchCmdletTests.harness()
        try BatchCmdletTests.newBatch(h)
        let run = try BatchCmdletTests.newBatch(h, "IMAPBatch2", csv: csvBytes("EmailAddress,UserName,Password\nTERRYA@contoso.edu,t,pw"))
        #expect(run.errors.contains { $0.message.contains("already exists in migration batch \"IMAPBatch1\"") })
        #expect(try h.run("Get-MigrationBatch").objects.count == 1)
    }

    @Test func emptyAndNonTextDataAreRefused() throws {
        let (h, empty) = try Self.newBatch("")
        #expect(!empty.errors.isEmpty)
        try Self.expectNothingSaved(h)
        let h2 = try BatchCmdletTests.harness()
        let binary = try BatchCmdletTests.newBatch(h2, csv: .bytes(PSBytes([0xFF, 0x00, 0xC3, 0x28, 0xA0])))
        #expect(!binary.errors.isEmpty)
        try Self.expectNothingSaved(h2)
    }

    @Test func aFileFullOfErrorsReportsTheFirstFifty() throws {
        let rows = (1...120).map { "bad\($0),u\($0),pw" }.joined(separator: "\n")
        let (h, run) = try Self.newBatch("EmailAddress,UserName,Password\n" + rows)
        #expect(run.errors.count == 51)
        #expect(run.errors.last?.message == "The CSV data has 120 errors (the first 50 are shown); nothing was saved.")
        try Self.expectNothingSaved(h)
    }
}
