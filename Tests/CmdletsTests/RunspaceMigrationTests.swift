import Foundation
import Testing
@testable import Cmdlets
import Migration
import PowerShell

/// The migration cmdlets through the real runtime: parser, binder, pipelines, Where-Object,
/// formatting, Get-Help and completion. The session reads MIGSH_HOME from the process
/// environment, so this suite sets it once to its own temporary directory and runs serially;
/// each test uses its own names.
@Suite(.serialized) struct RunspaceMigrationTests {
    static let home: String = {
        let dir = NSTemporaryDirectory() + "migcmdlets-runspace-\(getpid())"
        setenv("MIGSH_HOME", dir, 1)
        return dir
    }()

    struct Session {
        let host: MemoryHost
        let runspace: Runspace
        init(answers: [String]? = nil) {
            host = MemoryHost(interactive: answers != nil, input: answers ?? [])
            _ = RunspaceMigrationTests.home
            let registry = CommandRegistry()
            BuiltinCommands.register(in: registry)
            registry.register(FormatCommands.all)
            for (alias, target) in FormatCommands.aliases { registry.registerAlias(alias, for: target) }
            MigrationCommands.register(into: registry)
            runspace = Runspace(host: host, registry: registry)
        }

        @discardableResult
        func run(_ script: String) -> Int32 { runspace.execute(script) }
    }

    static func csvLiteral(_ rows: [String]) -> String {
        "([System.Text.Encoding]::UTF8.GetBytes(\"EmailAddress,UserName,Password`n\(rows.joined(separator: "`n"))\"))"
    }

    static func setUp(_ s: Session, batch: String, users: [String], endpoint: String) {
        s.run("New-MigrationEndpoint -IMAP -Name \(endpoint) -RemoteServer imap.contoso.com -SkipVerification | Out-Null")
        let rows = users.map { "\($0),\($0.split(separator: "@")[0]),pw" }
        s.run("New-MigrationBatch -Name \(batch) -SourceEndpoint \(endpoint) -CSVData \(csvLiteral(rows)) | Out-Null")
    }

    @Test func userStatisticsFollowGetMigrationUserThroughThePipeline() {
        let s = Session()
        Self.setUp(s, batch: "RsPipe", users: ["p1@contoso.edu", "p2@contoso.edu"], endpoint: "RsPipeEp")
        s.run("Get-MigrationUser -BatchId RsPipe | Get-MigrationUserStatistics | ForEach-Object { $_.Identity + '=' + $_.Status }")
        #expect(s.host.errors.isEmpty, "\(s.host.errorText)")
        #expect(s.host.output == ["p1@contoso.edu=Queued", "p2@contoso.edu=Queued"])
    }

    @Test func identityBindsByPropertyNameFromAnyObject() {
        let s = Session()
        Self.setUp(s, batch: "RsProp", users: ["q1@contoso.edu"], endpoint: "RsPropEp")
        s.run("[pscustomobject]@{ Identity = 'rsprop' } | Get-MigrationBatch | ForEach-Object Status")
        #expect(s.host.output == ["Created"], "\(s.host.errorText)")
    }

    @Test func completedBatchesAreRemovedThroughWhereObject() throws {
        let s = Session()
        Self.setUp(s, batch: "RsDone", users: ["d1@contoso.edu"], endpoint: "RsDoneEp")
        Self.setUp(s, batch: "RsBusy", users: ["d2@contoso.edu"], endpoint: "RsBusyEp")
        // The engine reports completion through the store; here the test plays the engine.
        try MigrationStore(directory: StateDirectory(path: Self.home)).setBatchStatus("RsDone", .completed)
        s.run("Get-MigrationBatch | Where-Object Status -eq Completed | Remove-MigrationBatch -Confirm:$false")
        #expect(s.host.errors.isEmpty, "\(s.host.errorText)")
        s.run("(Get-MigrationBatch | Where-Object Identity -like 'Rs*').Identity -join ','")
        #expect(s.host.output.last?.contains("RsDone") == false)
        #expect(s.host.output.last?.contains("RsBusy") == true)
    }

    @Test func refusedTransitionPrintsExchangeStyleErrorAndKeepsTheStatus() {
        let s = Session()
        Self.setUp(s, batch: "RsRefuse", users: ["r1@contoso.edu"], endpoint: "RsRefuseEp")
        s.run("Complete-MigrationBatch RsRefuse -Confirm:$false")
        #expect(s.host.errorText.contains("Complete-MigrationBatch: The migration batch \"RsRefuse\" can't be completed because its status is Created."))
        s.run("(Get-MigrationBatch RsRefuse).Status")
        #expect(s.host.output.last == "Created")
    }

    @Test func formatListShowsTheSeedsPropertiesInExchangeOrder() {
        let s = Session()
        s.run("New-MigrationEndpoint -IMAP -Name RsFl -RemoteServer imap.contoso.com -Port 143 -Security Tls -MaxConcurrentMigrations 50 -MaxConcurrentIncrementalSyncs 25 -SkipVerification | Out-Null")
        s.run("Get-MigrationEndpoint RsFl | Format-List EndpointType,RemoteServer,Port,Security,Max*")
        let lines = s.host.outputText.split(separator: "\n").map(String.init).filter { !$0.isEmpty }
        #expect(lines == ["EndpointType                  : IMAP", "RemoteServer                  : imap.contoso.com",
                          "Port                          : 143", "Security                      : Tls",
                          "MaxConcurrentMigrations       : 50", "MaxConcurrentIncrementalSyncs : 25"])
    }

    @Test func getHelpShowsEveryCmdletWithParametersAndAnExample() {
        for d in MigrationCommands.declarations {
            let s = Session()
            s.run("Get-Help \(d.name) -Full | Out-String")
            let text = s.host.outputText
            #expect(text.contains(d.synopsis), "\(d.name)")
            for p in d.parameters { #expect(text.contains("-\(p.name)"), "\(d.name) help lacks -\(p.name)") }
            #expect(text.contains(d.examples[0].code), "\(d.name) help lacks its example")
        }
    }

    @Test func removeAsksInteractivelyAndHonoursTheAnswer() {
        let s = Session(answers: ["n", "y"])
        Self.setUp(s, batch: "RsAsk", users: ["a1@contoso.edu"], endpoint: "RsAskEp")
        s.run("Remove-MigrationBatch RsAsk")
        #expect(s.host.prompts.count == 1)
        #expect(s.host.hostText.contains("Performing the operation \"Remove-MigrationBatch\" on target \"RsAsk\"."))
        s.run("(Get-MigrationBatch RsAsk).Status")
        #expect(s.host.output.last == "Created")
        s.run("Remove-MigrationBatch RsAsk")
        #expect(s.host.prompts.count == 2)
        s.run("@(Get-MigrationBatch | Where-Object Identity -eq RsAsk).Count")
        #expect(s.host.output.last == "0")
    }

    @Test func completionProvidersListStoredIdentities() {
        let s = Session()
        Self.setUp(s, batch: "RsComplete", users: ["c1@contoso.edu"], endpoint: "RsCompleteEp")
        let registry = s.runspace.registry
        #expect(registry.completionValues(provider: SharedParameters.batchProvider).contains("RsComplete"))
        #expect(registry.completionValues(provider: SharedParameters.endpointProvider).contains("RsCompleteEp"))
        #expect(registry.completionValues(provider: SharedParameters.userProvider).contains("c1@contoso.edu"))
    }
}
