import Testing
@testable import Cmdlets
import PowerShell

/// Identity and Unlimited parameters are bound as objects, but Get-Help and Get-Command -Syntax show
/// the type names Exchange documents (`<MigrationBatchIdParameter>`, `<Unlimited>`).
@Suite struct HelpTypeNameTests {
    static func declaration(_ name: String) throws -> CommandDeclaration {
        try #require(MigrationCommands.declarations.first { $0.name == name })
    }

    @Test func syntaxLinesShowExchangeTypeNames() throws {
        let set = try Self.declaration("Set-MigrationBatch")
        let line = CommandSyntax.lines(set, fullTypeNames: true).joined(separator: "\n")
        #expect(line.contains("[-Identity] <MigrationBatchIdParameter>"))
        #expect(line.contains("[-BadItemLimit <Unlimited>]"))
        #expect(!line.contains("System.Object"))
        let newBatch = CommandSyntax.lines(try Self.declaration("New-MigrationBatch")).joined(separator: "\n")
        #expect(newBatch.contains("[-SourceEndpoint <MigrationEndpointIdParameter>]"))
        let users = CommandSyntax.lines(try Self.declaration("Get-MigrationUser")).joined(separator: "\n")
        #expect(users.contains("[[-Identity] <MigrationUserIdParameter>]"))
        #expect(users.contains("[-BatchId <MigrationBatchIdParameter>]"))
    }

    /// No identity-like parameter of any migration cmdlet falls back to the binder's object type.
    @Test func noIdentityParameterShowsSystemObject() {
        let identityLike = ["Identity", "SourceEndpoint", "Endpoint", "BatchId", "UserIds", "Users"]
        for d in MigrationCommands.declarations {
            for p in d.parameters where identityLike.contains(p.name) || p.type == .object {
                #expect(p.displayTypeName != nil, "\(d.name) -\(p.name) shows <System.Object>")
            }
        }
    }

    @Test func getHelpParameterSectionShowsTheExchangeTypeName() {
        let host = MemoryHost(interactive: false, input: [])
        let registry = CommandRegistry()
        BuiltinCommands.register(in: registry)
        registry.register(FormatCommands.all)
        MigrationCommands.register(into: registry)
        let runspace = Runspace(host: host, registry: registry)
        runspace.execute("Get-Help Remove-MigrationUser -Parameter Identity | Out-String")
        #expect(host.outputText.contains("-Identity <MigrationUserIdParameter>"), "\(host.outputText)")
        runspace.execute("Get-Help Get-MigrationBatch -Full | Out-String")
        #expect(host.outputText.contains("-Endpoint <MigrationEndpointIdParameter>"))
        #expect(!host.outputText.contains("<System.Object>"))
    }
}
