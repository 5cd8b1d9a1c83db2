import Testing
@testable import Cmdlets
import PowerShell

/// Checks the migration cmdlets' declarations themselves, before any input is bound:
/// the binder, Get-Help and completion all trust them.
@Suite struct DeclarationValidatorTests {
    static let declarations = MigrationCommands.declarations

    /// PowerShell's common parameters and their aliases, plus -WhatIf/-Confirm when declared.
    static func reservedNames(_ d: CommandDeclaration) -> [String] {
        var names = ["Verbose", "vb", "Debug", "db", "ErrorAction", "ea", "WarningAction", "wa",
                     "InformationAction", "infa", "ProgressAction", "proga", "ErrorVariable", "ev",
                     "WarningVariable", "wv", "InformationVariable", "iv", "OutVariable", "ov",
                     "OutBuffer", "ob", "PipelineVariable", "pv"]
        if d.supportsShouldProcess { names += ["WhatIf", "wi", "Confirm", "cf"] }
        return names
    }

    /// Set names a declaration uses, with all-sets parameters counted in each.
    static func sets(_ d: CommandDeclaration) -> [String] {
        var names: [String] = []
        for p in d.parameters {
            for m in p.sets where m.setName != ParameterSetMembership.allSetsName && !names.contains(m.setName) {
                names.append(m.setName)
            }
        }
        return names.isEmpty ? [ParameterSetMembership.allSetsName] : names
    }

    static func members(_ d: CommandDeclaration, of set: String) -> [(ParameterDeclaration, ParameterSetMembership)] {
        d.parameters.compactMap { p in
            p.sets.first { $0.setName == set || $0.setName == ParameterSetMembership.allSetsName }.map { (p, $0) }
        }
    }

    @Test(arguments: declarations.map(\.name))
    func namesAndAliasesAreUnique(_ name: String) throws {
        let d = try #require(MigrationCommands.declarations.first { $0.name == name })
        var seen = Set(Self.reservedNames(d).map { $0.lowercased() })
        for p in d.parameters {
            for n in [p.name] + p.aliases {
                #expect(!seen.contains(n.lowercased()), "\(d.name): -\(n) is declared twice or shadows a common parameter")
                seen.insert(n.lowercased())
            }
        }
    }

    @Test(arguments: declarations.map(\.name))
    func positionsAreUniqueInEverySet(_ name: String) throws {
        let d = try #require(MigrationCommands.declarations.first { $0.name == name })
        for set in Self.sets(d) {
            let positions = Self.members(d, of: set).compactMap(\.1.position)
            #expect(Set(positions).count == positions.count, "\(d.name) set \(set): two parameters share a position")
        }
    }

    @Test(arguments: declarations.map(\.name))
    func setsAreDistinguishable(_ name: String) throws {
        let d = try #require(MigrationCommands.declarations.first { $0.name == name })
        let sets = Self.sets(d)
        if sets.count > 1 {
            let def = try #require(d.defaultParameterSet, "\(d.name) has several sets but no default")
            #expect(sets.contains(def), "\(d.name): default set \(def) is not one of its sets")
        }
        // Each non-default set needs a parameter that every other set lacks, or the binder could never pick it.
        for set in sets where set != d.defaultParameterSet {
            for other in sets where other != set {
                let theirs = Set(Self.members(d, of: other).map { $0.0.name })
                let own = Self.members(d, of: set).filter { !theirs.contains($0.0.name) }
                #expect(!own.isEmpty, "\(d.name): set \(set) has no parameter that set \(other) lacks")
            }
        }
    }

    @Test(arguments: declarations.map(\.name))
    func helpIsComplete(_ name: String) throws {
        let d = try #require(MigrationCommands.declarations.first { $0.name == name })
        #expect(!d.synopsis.isEmpty)
        #expect(!d.description.isEmpty)
        #expect(!d.examples.isEmpty, "\(d.name) needs an example for Get-Help")
        for e in d.examples { #expect(e.code.contains(d.name) || e.code.contains("|"), "\(d.name) example doesn't use it") }
        for p in d.parameters { #expect(!p.help.isEmpty, "\(d.name) -\(p.name) has no help") }
    }

    @Test(arguments: declarations.map(\.name))
    func identityIsFirstPositionalAndTakesPipelineInput(_ name: String) throws {
        let d = try #require(MigrationCommands.declarations.first { $0.name == name })
        guard let identity = d.parameter(named: "Identity") else { return }
        for m in identity.sets {
            #expect(m.position == 1)
            #expect(m.valueFromPipeline && m.valueFromPipelineByPropertyName)
        }
        guard case .provider(let key) = identity.completion else {
            Issue.record("\(d.name) -Identity completes nothing"); return
        }
        #expect([SharedParameters.batchProvider, SharedParameters.endpointProvider, SharedParameters.userProvider].contains(key))
    }

    @Test func everyCmdletIsRegisteredWithItsCompletionProviders() {
        let registry = CommandRegistry()
        MigrationCommands.register(into: registry)
        let expected = ["Test-MigrationServerAvailability", "New-MigrationEndpoint", "Get-MigrationEndpoint",
                        "Set-MigrationEndpoint", "Remove-MigrationEndpoint", "New-MigrationBatch", "Get-MigrationBatch",
                        "Set-MigrationBatch", "Start-MigrationBatch", "Stop-MigrationBatch", "Complete-MigrationBatch",
                        "Remove-MigrationBatch", "Get-MigrationUser", "Set-MigrationUser", "Start-MigrationUser",
                        "Stop-MigrationUser", "Remove-MigrationUser",
                        "Get-MigrationUserStatistics", "Get-MigrationStatistics", "Get-MigrationConfig"]
        #expect(registry.declarations.map(\.name) == expected)
        for n in expected { #expect(registry.lookup(n.lowercased())?.name == n) }
    }

    @Test func destructiveCmdletsConfirmAndReadOnlyOnesDoNot() throws {
        let high = ["Remove-MigrationEndpoint", "Remove-MigrationBatch", "Complete-MigrationBatch", "Remove-MigrationUser"]
        for d in Self.declarations {
            if high.contains(d.name) { #expect(d.supportsShouldProcess && d.confirmImpact == .high, "\(d.name)") }
            if d.name.hasPrefix("Get-") { #expect(!d.supportsShouldProcess, "\(d.name)") }
        }
    }

    @Test func exchangeLimitsAreDeclared() throws {
        let newBatch = try #require(Self.declarations.first { $0.name == "New-MigrationBatch" })
        #expect(newBatch.parameter(named: "Name")?.maxLength == 64)
        #expect(newBatch.parameter(named: "CSVData")?.type == .bytes)
        #expect(newBatch.parameter(named: "SourceEndpoint")?.completion == .provider(SharedParameters.endpointProvider))
        let test = try #require(Self.declarations.first { $0.name == "Test-MigrationServerAvailability" })
        #expect(test.parameter(named: "Port")?.range == 1...65535)
        guard case .enumeration(_, let values)? = test.parameter(named: "Security")?.type else {
            Issue.record("Security is not an enum"); return
        }
        #expect(values == ["None", "Ssl", "Tls"])
        let user = try #require(Self.declarations.first { $0.name == "Get-MigrationUser" })
        #expect(user.parameter(named: "BatchId")?.completion == .provider(SharedParameters.batchProvider))
    }
}
