import Foundation
import Testing
@testable import PowerShell

@Suite struct BuiltinsPipelineTests {
    let sh = BuiltinShell()

    @Test func writeOutputEnumeratesArrays() {
        #expect(sh.strings("Write-Output 1,2,3") == ["1", "2", "3"])
        #expect(sh.values("Write-Output -NoEnumerate 1,2").count == 1)
        #expect(sh.strings("echo hello") == ["hello"])
        #expect(sh.strings("echo a b c") == ["a", "b", "c"])
    }

    @Test func selectObjectProperties() {
        let out = sh.values("[pscustomobject]@{A=1;B=2;C=3} | Select-Object C, A, Missing")
        guard case .object(let o) = out.first else { Issue.record("no object"); return }
        #expect(o.properties.map(\.name) == ["C", "A", "Missing"])
        #expect(o["Missing"]?.isNull == true)
        let wild = sh.values("[pscustomobject]@{MaxA=1;MaxB=2;Min=3} | select Max*")
        guard case .object(let w) = wild.first else { Issue.record("no object"); return }
        #expect(w.properties.map(\.name) == ["MaxA", "MaxB"])
    }

    @Test func selectObjectStarAndExclude() {
        let out = sh.values("[pscustomobject]@{A=1;Bb=2;Bc=3} | Select-Object * -ExcludeProperty B*")
        guard case .object(let o) = out.first else { Issue.record("no object"); return }
        #expect(o.properties.map(\.name) == ["A"])
        let all = sh.values("[pscustomobject]@{A=1;B=2} | Select-Object -Property *")
        guard case .object(let a) = all.first else { Issue.record("no object"); return }
        #expect(a.properties.map(\.name) == ["A", "B"])
        #expect(sh.strings("'abc' | Select-Object Length | % Length") == ["3"])
    }

    @Test func selectObjectCalculatedProperties() {
        let out = sh.values("[pscustomobject]@{Size=2048} | Select-Object @{n='KB';e={$_.Size / 1KB}}, @{Name='Twice'; Expression={$_.Size * 2}}, @{l='L';e='Size'}")
        guard case .object(let o) = out.first else { Issue.record("no object"); return }
        #expect(o.properties.map(\.name) == ["KB", "Twice", "L"])
        #expect(Conversion.toString(o["KB"]!) == "2")
        #expect(Conversion.toString(o["Twice"]!) == "4096")
        #expect(Conversion.toString(o["L"]!) == "2048")
    }

    @Test func selectFirstLastSkipUniqueExpand() {
        #expect(sh.strings("1..10 | Select-Object -First 3") == ["1", "2", "3"])
        #expect(sh.strings("1..10 | Select-Object -Last 2") == ["9", "10"])
        #expect(sh.strings("1..10 | Select-Object -Skip 8") == ["9", "10"])
        #expect(sh.strings("1..10 | Select-Object -Skip 2 -First 2") == ["3", "4"])
        #expect(sh.strings("'a','b','a','A' | Select-Object -Unique") == ["a", "b", "A"])
        #expect(sh.strings("[pscustomobject]@{N='x'},[pscustomobject]@{N='y'} | Select-Object -ExpandProperty N") == ["x", "y"])
        #expect(sh.strings("[pscustomobject]@{L=@(1,2)} | select -ExpandProperty L") == ["1", "2"])
        #expect(sh.strings("1..10 | Select-Object -Index 0,2") == ["1", "3"])
    }

    @Test func selectFirstStopsAnInfiniteLikeRangeAtOnce() {
        let start = Date()
        #expect(sh.strings("1..100000000 | Select-Object -First 3") == ["1", "2", "3"])
        #expect(Date().timeIntervalSince(start) < 5)
    }

    @Test func selectExpandPropertyMissingIsAnError() {
        let r = sh.run("[pscustomobject]@{A=1} | Select-Object -ExpandProperty Nope")
        #expect(r.err.contains("Property \"Nope\" cannot be found."))
    }

    @Test func whereObjectScriptBlockAndSimplifiedForms() {
        let objs = "$o = @([pscustomobject]@{N='a';S='Completed';C=5},[pscustomobject]@{N='b';S='Failed';C=1},[pscustomobject]@{N='c';S='completed';C=0});"
        #expect(sh.strings(objs + "$o | Where-Object { $_.S -eq 'Failed' } | % N") == ["b"])
        #expect(sh.strings(objs + "$o | Where S -eq Completed | % N") == ["a", "c"])
        #expect(sh.strings(objs + "$o | Where S -ceq Completed | % N") == ["a"])
        #expect(sh.strings(objs + "$o | ? C -gt 0 | % N") == ["a", "b"])
        #expect(sh.strings(objs + "$o | ? N -like '[ab]' | % N") == ["a", "b"])
        #expect(sh.strings(objs + "$o | ? N -in 'a','c' | % N") == ["a", "c"])
        #expect(sh.strings(objs + "$o | ? S -match '^comp' | % N") == ["a", "c"])
        #expect(sh.strings(objs + "$o | Where-Object C | % N") == ["a", "b"])
        #expect(sh.strings(objs + "$o | Where-Object -Not C | % N") == ["c"])
        #expect(sh.strings(objs + "$o | Where-Object -Property S -NE -Value Failed | % N") == ["a", "c"])
    }

    @Test func forEachObjectForms() {
        #expect(sh.strings("1..3 | ForEach-Object { $_ * 2 }") == ["2", "4", "6"])
        #expect(sh.strings("1..2 | % -Begin { 'b' } -Process { $_ } -End { 'e' }") == ["b", "1", "2", "e"])
        #expect(sh.strings("1..3 | % -Begin { $t = 0 } -Process { $t += $_ } -End { \"sum=$t\" }") == ["sum=6"])
        #expect(sh.strings("1..2 | % { 'b' } { $_ } { 'e' }") == ["b", "1", "2", "e"])
        #expect(sh.strings("'a-b' | ForEach-Object Replace '-' '+'") == ["a+b"])
        #expect(sh.strings("$n = 0; 1..4 | Where-Object { $n++; $_ -gt 2 } | Out-Null; $n") == ["4"])
        #expect(sh.strings("'ab','cde' | ForEach-Object Length") == ["2", "3"])
        #expect(sh.strings("'ab' | ForEach-Object -MemberName ToUpper") == ["AB"])
        #expect(sh.strings("'a-b' | ForEach-Object -MemberName Replace -ArgumentList '-', '+'") == ["a+b"])
        #expect(sh.strings("[pscustomobject]@{Id='x'} | foreach Id") == ["x"])
    }

    @Test func sortObject() {
        #expect(sh.strings("3,1,2 | Sort-Object") == ["1", "2", "3"])
        #expect(sh.strings("3,1,2 | sort -Descending") == ["3", "2", "1"])
        #expect(sh.strings("'b','A','a','B' | Sort-Object") == ["A", "a", "b", "B"])
        #expect(sh.strings("'b','A','a','B' | Sort-Object -Unique") == ["A", "b"])
        let objs = "@([pscustomobject]@{N='x';V=2},[pscustomobject]@{N='y';V=1},[pscustomobject]@{N='z';V=2})"
        #expect(sh.strings(objs + " | Sort-Object V | % N") == ["y", "x", "z"])
        #expect(sh.strings(objs + " | Sort-Object V, N -Descending | % N") == ["z", "x", "y"])
        #expect(sh.strings(objs + " | Sort-Object @{e='V';Descending=$true}, @{e={$_.N};Ascending=$true} | % N") == ["x", "z", "y"])
        #expect(sh.strings("10,9,100 | Sort-Object { $_.ToString() }") == ["10", "100", "9"])
    }

    @Test func groupObject() {
        let out = sh.values("'a','b','A','c','b' | Group-Object")
        #expect(out.count == 3)
        guard case .object(let g) = out.first else { Issue.record("no group"); return }
        #expect(g.typeName == "Microsoft.PowerShell.Commands.GroupInfo")
        #expect(Conversion.toString(g["Name"]!) == "a" && Conversion.toString(g["Count"]!) == "2")
        let noElement = sh.values("1,2,3,4 | Group-Object { $_ % 2 } -NoElement")
        guard case .object(let n) = noElement.first else { Issue.record("no group"); return }
        #expect(!n.hasProperty("Group") && Conversion.toString(n["Name"]!) == "1")
        let table = sh.values("[pscustomobject]@{K='x';V=1},[pscustomobject]@{K='y';V=2},[pscustomobject]@{K='x';V=3} | Group-Object K -AsHashTable")
        guard case .hashtable(let h) = table.first else { Issue.record("no hashtable"); return }
        #expect(h.count == 2)
        if case .array(let xs)? = h["x"] { #expect(xs.items.count == 2) } else { Issue.record("x not grouped") }
    }

    @Test func groupObjectDefaultViewIsCountNameGroup() {
        let r = sh.run("'a','b','a' | Group-Object")
        #expect(r.out.contains("Count Name Group"))
        #expect(r.out.contains("    2 a    {a, a}"))
    }

    @Test func measureObject() {
        let out = sh.values("1..10 | Measure-Object -Sum -Average -Minimum -Maximum")
        guard case .object(let m) = out.first else { Issue.record("no measure"); return }
        #expect(Conversion.toString(m["Count"]!) == "10")
        #expect(Conversion.toString(m["Sum"]!) == "55")
        #expect(Conversion.toString(m["Average"]!) == "5.5")
        #expect(Conversion.toString(m["Minimum"]!) == "1")
        #expect(Conversion.toString(m["Maximum"]!) == "10")
        #expect(m["Property"]?.isNull == true)
        let prop = sh.values("[pscustomobject]@{L=5},[pscustomobject]@{L=7} | Measure-Object L -Sum")
        guard case .object(let p) = prop.first else { Issue.record("no measure"); return }
        #expect(Conversion.toString(p["Sum"]!) == "12" && Conversion.toString(p["Property"]!) == "L")
        let text = sh.values("\"one two\", 'three' | Measure-Object -Line -Word -Character")
        guard case .object(let t) = text.first else { Issue.record("no measure"); return }
        #expect(Conversion.toString(t["Lines"]!) == "2" && Conversion.toString(t["Words"]!) == "3" && Conversion.toString(t["Characters"]!) == "12")
    }

    @Test func measureObjectListLayout() {
        let r = sh.run("1,2,3 | Measure-Object")
        #expect(r.out.contains("Count             : 3"))
        #expect(r.out.contains("Property          : "))
    }

    @Test func teeObjectToVariable() {
        #expect(sh.strings("1,2 | Tee-Object -Variable t | % { $_ * 10 }; $t") == ["10", "20", "1", "2"])
    }
}
