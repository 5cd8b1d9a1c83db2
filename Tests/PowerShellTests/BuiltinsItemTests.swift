import Foundation
import Testing
@testable import PowerShell

@Suite struct BuiltinsItemTests {
    let dir = makeTempDirectory()
    var sh: BuiltinShell { BuiltinShell(directory: dir) }

    @Test func pathCmdlets() {
        let s = sh
        #expect(s.strings("Join-Path C:\\Users\\Administrator\\Desktop users.csv") == ["C:\\Users\\Administrator\\Desktop\\users.csv"])
        #expect(s.strings("Join-Path /srv/data/ /x.csv") == ["/srv/data/x.csv"])
        #expect(s.strings("Split-Path C:\\Migration\\users.csv") == ["C:\\Migration"])
        #expect(s.strings("Split-Path C:\\Migration\\users.csv -Leaf") == ["users.csv"])
        #expect(s.strings("Split-Path /a/b/users.csv -LeafBase; Split-Path /a/b/users.csv -Extension") == ["users", ".csv"])
        #expect(s.strings("Split-Path C:\\x.csv -Qualifier; Split-Path /x -IsAbsolute") == ["C:", "True"])
    }

    @Test func itemLifecycle() {
        let s = sh
        s.run("New-Item -ItemType Directory -Path out/sub -Force | Out-Null; New-Item out/sub/a.txt -Value 'hello' | Out-Null")
        #expect(FileManager.default.fileExists(atPath: dir + "/out/sub/a.txt"))
        #expect(s.strings("Get-Content out/sub/a.txt; (Get-Item out/sub/a.txt).Length") == ["hello", "5"])
        s.run("Copy-Item out/sub/a.txt out/b.txt; Move-Item out/b.txt out/c.txt; Rename-Item out/c.txt d.txt")
        #expect(s.strings("Get-ChildItem out -Name") == ["sub", "d.txt"])
        #expect(s.run("Remove-Item out").err.contains("has children and the Recurse parameter was not specified"))
        s.run("Remove-Item out -Recurse")
        #expect(!FileManager.default.fileExists(atPath: dir + "/out"))
        #expect(s.run("New-Item x.txt; New-Item x.txt").err.contains("already exists"))
        #expect(s.strings("(Resolve-Path x.txt).Path").first?.hasSuffix("/x.txt") == true)
        #expect(s.run("Remove-Item nothing.txt").err.contains("Cannot find path"))
    }

    @Test func timeSpansAndRandom() {
        let s = sh
        #expect(s.strings("(New-TimeSpan -Hours 2 -Minutes 30).TotalMinutes") == ["150"])
        #expect(s.strings("(New-TimeSpan -Start '2025-08-01 10:00' -End '2025-08-01 12:30').TotalHours") == ["2.5"])
        let r = s.strings("Get-Random -Minimum 5 -Maximum 6")
        #expect(r == ["5"])
        #expect(s.values("1..10 | Get-Random -Count 3").count == 3)
    }
}
