import Foundation
import Testing
@testable import PowerShell

@Suite struct BuiltinsHelpTests {
    let sh = BuiltinShell()

    @Test func syntaxLinesFollowPwshFormat() {
        let registry = CommandRegistry()
        BuiltinCommands.register(in: registry)
        let gc = registry.lookup("Get-Content")!
        let lines = CommandSyntax.lines(gc)
        #expect(lines.count == 2)
        #expect(lines[0].hasPrefix("Get-Content [-Path] <string[]> [-ReadCount <long>] [-TotalCount <long>]"))
        #expect(lines[0].hasSuffix("[<CommonParameters>]"))
        #expect(lines[1].hasPrefix("Get-Content -LiteralPath <string[]>"))
        let tp = CommandSyntax.lines(registry.lookup("Test-Path")!)[0]
        #expect(tp.contains("[-PathType <{Any | Container | Leaf}>]"))
        let so = CommandSyntax.lines(registry.lookup("Select-Object")!)[0]
        #expect(so.hasPrefix("Select-Object [[-Property] <Object[]>]"))
    }

    @Test func everyBuiltinDeclarationIsWellFormed() {
        let registry = CommandRegistry()
        BuiltinCommands.register(in: registry)
        var names = Set<String>()
        for d in BuiltinCommands.all {
            #expect(names.insert(d.name.lowercased()).inserted, "duplicate command \(d.name)")
            #expect(!d.synopsis.isEmpty, "\(d.name) has no synopsis")
            #expect(!d.examples.isEmpty, "\(d.name) has no examples")
            var paramNames = Set<String>()
            for p in d.parameters {
                #expect(paramNames.insert(p.name.lowercased()).inserted, "\(d.name): duplicate parameter \(p.name)")
                for a in p.aliases { #expect(paramNames.insert(a.lowercased()).inserted, "\(d.name): alias \(a) clashes") }
            }
            for set in CommandSyntax.setNames(d) {
                let positions = d.parameters.compactMap { p in
                    (p.sets.first { $0.setName == set } ?? p.sets.first { $0.setName == ParameterSetMembership.allSetsName })?.position
                }
                #expect(Set(positions).count == positions.count, "\(d.name) set \(set): two parameters share a position")
            }
        }
        for (alias, target) in BuiltinCommands.aliases where !["Format-List", "Format-Table", "Format-Wide", "Out-Host"].contains(target) {
            #expect(registry.lookup(alias)?.name == target, "alias \(alias) -> \(target) does not resolve")
        }
    }

    @Test func getHelpFromDeclarations() {
        let help = sh.strings("Get-Help Select-Object").joined()
        #expect(help.contains("NAME\n    Select-Object"))
        #expect(help.contains("SYNOPSIS\n    Selects objects or object properties."))
        #expect(help.contains("SYNTAX\n    Select-Object [[-Property] <System.Object[]>]"))
        #expect(help.contains("DESCRIPTION"))
        #expect(help.contains("get-help Select-Object -examples"))
        let full = sh.strings("Get-Help Get-Content -Full").joined()
        #expect(full.contains("    -Path <System.String[]>"))
        #expect(full.contains("        Required?                    true"))
        #expect(full.contains("        Accept pipeline input?       true (ByPropertyName)"))
        #expect(full.contains("        Aliases                      PSPath, LP"))
        #expect(full.contains("--------- Example 1 ---------"))
        let param = sh.strings("Get-Help Get-Content -Parameter Encoding").joined()
        #expect(param.contains("-Encoding <System.String>") && !param.contains("-Path"))
        let examples = sh.strings("help gc -Examples").joined()
        #expect(examples.contains("Example 2") && !examples.contains("SYNTAX"))
        #expect(sh.run("Get-Help No-Such").err.contains("Get-Help could not find No-Such"))
    }

    @Test func getCommand() {
        #expect(sh.strings("Get-Command Get-Con* | % Name").contains("Get-Content"))
        #expect(sh.strings("(Get-Command gc).Name") == ["gc -> Get-Content"])
        #expect(sh.strings("Get-Command Sort-Object -Syntax").joined().contains("Sort-Object [[-Property] <Object[]>]"))
        #expect(sh.run("Get-Command Nope-Nothing").err.contains("The term 'Nope-Nothing' is not recognized"))
        #expect(sh.strings("Get-Command -Verb Import | % Name") == ["Import-Csv", "Import-Module", "Import-PSSession"])
    }

    @Test func getMember() {
        let names = sh.strings("[pscustomobject]@{Identity='b';Status='x'} | Get-Member | % Name")
        #expect(names == ["Equals", "GetHashCode", "GetType", "ToString", "Identity", "Status"])
        let types = sh.strings("[pscustomobject]@{Identity='b'} | gm -MemberType NoteProperty | % Definition")
        #expect(types == ["string Identity=b"])
        #expect(sh.strings("'x','y' | Get-Member Length | % MemberType") == ["Property"])
    }

    @Test func getHistoryAndClearHost() {
        let s = BuiltinShell()
        s.host.history = ["Get-Date", "Get-MigrationBatch", "cls"]
        #expect(s.strings("Get-History | % CommandLine") == ["Get-Date", "Get-MigrationBatch", "cls"])
        #expect(s.strings("(Get-History -Count 1).Id") == ["3"])
        s.run("Clear-Host")
        #expect(s.host.clearCount == 1)
    }
}
