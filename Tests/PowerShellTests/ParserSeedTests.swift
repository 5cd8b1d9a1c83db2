import Testing
@testable import PowerShell

/// The three blocks of Microsoft's IMAP migration guide (the seed document) that pwsh itself rejects:
/// migsh must reject them with the same error ids, messages and positions.
@Suite struct ParserSeedTests {
    /// Step 1 of the guide, with its doc placeholders, as indented in the code block.
    @Test func placeholderInAngleBrackets() {
        let line = "  Test-MigrationServerAvailability -IMAP -RemoteServer <FQDN of IMAP server> "
            + "-Port <143 or 993> -Security <None, Ssl, or Tls>"
        let errors = ParseCheck.parse(line).errors
        // each `<` is an input redirection (reserved); the comma after `<None` has no argument before it
        #expect(errors.map { "\($0.id)@\($0.extent.startLine):\($0.extent.startColumn)" } == [
            "RedirectionNotSupported@1:56", "RedirectionNotSupported@1:84", "RedirectionNotSupported@1:107",
            "MissingArgument@1:112",
        ])
        #expect(errors[0].message == "The '<' operator is reserved for future use.")
        #expect(errors[0].extent.text == "<")
        #expect(errors[3].message == "Missing argument in parameter list.")
        #expect(!errors.contains { $0.incompleteInput })
    }

    /// The endpoint command wrapped across two lines without a backtick.
    @Test func commandSplitAcrossTwoLines() {
        let text = "New-MigrationEndpoint -IMAP -Name IMAPEndpoint -RemoteServer imap.contoso.com -Port 143 "
            + "-Security Tls -MaxConcurrentMigrations\n50 -MaxConcurrentIncrementalSyncs 25"
        let r = ParseCheck.parse(text)
        #expect(r.errors.map { "\($0.id)@\($0.extent.startLine):\($0.extent.startColumn)" } == [
            "UnexpectedToken@2:4", "UnexpectedToken@2:35",
        ])
        #expect(r.errors[0].message == "Unexpected token '-MaxConcurrentIncrementalSyncs' in expression or statement.")
        #expect(r.errors[1].message == "Unexpected token '25' in expression or statement.")
        // line 1 on its own is a complete command whose last switch has no value
        #expect(r.ast.debugDescription.hasPrefix(
            "(cmd New-MigrationEndpoint -IMAP -Name IMAPEndpoint -RemoteServer imap.contoso.com -Port 143 "
                + "-Security Tls -MaxConcurrentMigrations)"))
    }

    /// `Get-MigrationBatch IMAPBatch1"`: the stray quote opens a string that never closes.
    @Test func strayQuote() {
        let r = Parser.parse("Get-MigrationBatch IMAPBatch1\"\n", file: "/home/admin/imap.ps1")
        #expect(r.errors.count == 1)
        let e = r.errors[0]
        #expect(e.id == "TerminatorExpectedAtEndOfString")
        #expect(e.message == "The string is missing the terminator: \".")
        #expect(e.extent.startLine == 1 && e.extent.startColumn == 30)
        #expect(e.extent.file == "/home/admin/imap.ps1")
        #expect(e.incompleteInput)
    }

    /// Every PowerShell block of the guide that pwsh accepts parses without errors.
    @Test func theGuidesOtherCommandsParse() {
        let blocks = [
            "New-MigrationEndpoint -IMAP -Name IMAPEndpoint -RemoteServer imap.contoso.com -Port 993 -Security Ssl",
            "Get-MigrationEndpoint IMAPEndpoint | Format-List EndpointType,RemoteServer,Port,Security,Max*",
            "New-MigrationBatch -Name IMAPBatch1 -SourceEndpoint IMAPEndpoint -CSVData "
                + "([System.IO.File]::ReadAllBytes(\"C:\\Users\\Administrator\\Desktop\\IMAPmigration_1.csv\")) -AutoStart",
            "Get-MigrationBatch -Identity IMAPBatch1 | Format-List Status",
            "Remove-MigrationBatch -Identity IMAPBatch1",
            "Get-MigrationBatch IMAPBatch1",
            "Complete-MigrationBatch -Identity IMAPBatch1 -Confirm:$false",
        ]
        for b in blocks {
            #expect(ParseCheck.parse(b).errors.isEmpty, "\(b)")
        }
    }
}
