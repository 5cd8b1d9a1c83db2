import Foundation
import Testing
@testable import PowerShell

@Suite struct BuiltinsFileTests {
    let dir = makeTempDirectory()
    var sh: BuiltinShell { BuiltinShell(directory: dir) }

    private func write(_ name: String, _ text: String) {
        FileManager.default.createFile(atPath: dir + "/" + name, contents: Data(text.utf8))
    }

    private func read(_ name: String) -> [UInt8] {
        [UInt8](FileManager.default.contents(atPath: dir + "/" + name) ?? Data())
    }

    @Test func getContentStreamsLinesAndOptions() {
        write("a.txt", "one\r\ntwo\nthree\n")
        let s = sh
        #expect(s.strings("Get-Content a.txt") == ["one", "two", "three"])
        #expect(s.strings("gc a.txt -TotalCount 2") == ["one", "two"])
        #expect(s.strings("Get-Content a.txt -Tail 1") == ["three"])
        #expect(s.strings("Get-Content a.txt -Raw") == ["one\r\ntwo\nthree\n"])
        #expect(s.values("Get-Content a.txt -ReadCount 0").count == 1)
        #expect(s.strings("(Get-Content a.txt -ReadCount 2)[0]") == ["one", "two"])
        #expect(s.strings("(Get-Content a.txt | Measure-Object -Line).Lines") == ["3"])
        #expect(s.strings("Get-Content a.txt | Select-Object -First 1") == ["one"])
    }

    @Test func getContentBytesBothSpellings() {
        write("b.bin", "AB")
        let s = sh
        #expect(s.strings("Get-Content b.bin -AsByteStream") == ["65", "66"])
        guard case .bytes(let raw)? = s.values("Get-Content b.bin -Encoding Byte -ReadCount 0").first else {
            Issue.record("no byte[]"); return
        }
        #expect(raw.bytes == [65, 66])
        guard case .bytes(let b)? = s.values("Get-Content b.bin -AsByteStream -Raw").first else { Issue.record("no byte[]"); return }
        #expect(b.bytes == [65, 66])
    }

    @Test func getContentMissingFileIsNonTerminating() {
        let r = sh.run("Get-Content nope.txt; 'after'")
        #expect(r.err.contains("Cannot find path"))
        #expect(r.err.contains("nope.txt' because it does not exist."))
        #expect(r.out.contains("after"))
    }

    @Test func getContentBomAndUnicode() {
        FileManager.default.createFile(atPath: dir + "/u.txt", contents: Data([0xFF, 0xFE, 0x68, 0, 0x69, 0, 0x0A, 0]))
        FileManager.default.createFile(atPath: dir + "/bom.txt", contents: Data([0xEF, 0xBB, 0xBF, 0x78, 0x0A]))
        #expect(sh.strings("Get-Content u.txt") == ["hi"])
        #expect(sh.strings("Get-Content bom.txt") == ["x"])
    }

    @Test func setAndAddContent() {
        let s = sh
        s.run("Set-Content out.txt -Value 'a','b'")
        #expect(String(decoding: read("out.txt"), as: UTF8.self) == "a\nb\n")
        s.run("'c' | Add-Content out.txt")
        #expect(String(decoding: read("out.txt"), as: UTF8.self) == "a\nb\nc\n")
        s.run("Set-Content n.txt 'x' -NoNewline")
        #expect(read("n.txt") == [0x78])
        s.run("Set-Content u16.txt 'A' -Encoding Unicode")
        #expect(read("u16.txt") == [0xFF, 0xFE, 0x41, 0, 0x0A, 0])
        s.run("Set-Content raw.bin -Value ([byte[]](1,2,3)) -AsByteStream")
        #expect(read("raw.bin") == [1, 2, 3])
        let r = s.run("Set-Content missingdir/x.txt 'a'")
        #expect(r.err.contains("Could not find a part of the path"))
    }

    @Test func testPath() {
        write("f.txt", "")
        try? FileManager.default.createDirectory(atPath: dir + "/sub", withIntermediateDirectories: true)
        let s = sh
        #expect(s.strings("Test-Path f.txt; Test-Path nope; Test-Path sub -PathType Container; Test-Path sub -PathType Leaf; Test-Path *.txt")
                == ["True", "False", "True", "False", "True"])
        #expect(s.strings("Test-Path F.TXT") == ["True"])   // case-insensitive fallback of the resolver
    }

    @Test func getChildItem() {
        write("b.csv", "x"); write("a.txt", "yy"); write(".hidden", "")
        try? FileManager.default.createDirectory(atPath: dir + "/zdir/inner", withIntermediateDirectories: true)
        FileManager.default.createFile(atPath: dir + "/zdir/inner/deep.csv", contents: Data())
        let s = sh
        #expect(s.strings("Get-ChildItem -Name") == ["zdir", "a.txt", "b.csv"])
        #expect(s.strings("Get-ChildItem -Filter *.csv -Recurse -Name") == ["b.csv", "zdir/inner/deep.csv"])
        #expect(s.strings("gci -File | % Name") == ["a.txt", "b.csv"])
        #expect(s.strings("dir -Directory | % Name") == ["zdir"])
        #expect(s.strings("(Get-ChildItem a.txt).Length") == ["2"])
        #expect(s.strings("Get-ChildItem -Force -Name").contains(".hidden"))
        guard case .object(let o)? = s.values("Get-Item a.txt; Get-ChildItem a.txt").last else { Issue.record("no item"); return }
        #expect(o.typeName == "System.IO.FileInfo")
        #expect(Conversion.toString(o["Mode"]!) == "-a---")
    }

    @Test func locations() {
        try? FileManager.default.createDirectory(atPath: dir + "/sub", withIntermediateDirectories: true)
        let s = sh
        let real = (dir as NSString).resolvingSymlinksInPath
        let out = s.strings("Set-Location sub; (Get-Location).Path; Push-Location ..; (Get-Location).Path; Pop-Location; (Get-Location).Path")
        #expect(out.count == 3)
        #expect(out[0].hasSuffix("/sub") && !out[1].hasSuffix("/sub") && out[2].hasSuffix("/sub"))
        _ = real
        let r = s.run("Set-Location nowhere")
        #expect(r.err.contains("Cannot find path"))
    }

    @Test func csvRoundTrip() {
        let s = sh
        s.run("[pscustomobject]@{Name='a';Note='x, \"y\"'},[pscustomobject]@{Name='b';Note=''} | Export-Csv out.csv -NoTypeInformation")
        #expect(String(decoding: read("out.csv"), as: UTF8.self) == "\"Name\",\"Note\"\n\"a\",\"x, \"\"y\"\"\"\n\"b\",\"\"\n")
        #expect(s.strings("Import-Csv out.csv | % Note") == ["x, \"y\"", ""])
        s.run("[pscustomobject]@{Name='c';Note='z';Extra=1} | Export-Csv out.csv -Append")
        #expect(s.strings("Import-Csv out.csv | % Name") == ["a", "b", "c"])
        #expect(s.strings("[pscustomobject]@{A=1;B=$null} | ConvertTo-Csv") == ["\"A\",\"B\"", "\"1\",\"\""])
        #expect(s.strings("[pscustomobject]@{A='x y'} | ConvertTo-Csv -UseQuotes AsNeeded -Delimiter ';'") == ["A", "x y"])
    }

    @Test func csvReadingEdgeCases() {
        write("users.csv", "#TYPE Foo\nEmailAddress,UserName,Password\nu1@x.com,\"line1\nline2\",p\n\nu2@x.com,u2,\"a\"\"b\"\n")
        let s = sh
        #expect(s.strings("Import-Csv users.csv | % EmailAddress") == ["u1@x.com", "u2@x.com"])
        #expect(s.strings("(Import-Csv users.csv)[0].UserName") == ["line1\nline2"])
        #expect(s.strings("(Import-Csv users.csv)[1].Password") == ["a\"b"])
        #expect(s.strings("'a;b','1;2' | ConvertFrom-Csv -Delimiter ';' | % b") == ["2"])
        #expect(s.strings("'1,2' | ConvertFrom-Csv -Header X,Y | % Y") == ["2"])
        write("dup.csv", "a,A\n1,2\n")
        #expect(s.run("Import-Csv dup.csv").err.contains("The member \"A\" is already present."))
    }
}
