import Foundation
import Testing
@testable import PowerShell

/// Format-*/Out-* commands run through a real runspace on an in-memory host.
@Suite struct FormatCommandTests {
    private let rows = "$rows = @([pscustomobject]@{Identity='IMAPBatch1'; Status='Syncing'; Items=1,2,3,4,5}, [pscustomobject]@{Identity='B2'; Status='Completed'; Items=@()}); "

    @Test func formatListStarShowsEveryProperty() {
        let r = BuiltinShell().run(rows + "$rows[0] | Format-List *")
        #expect(r.out == "\nIdentity : IMAPBatch1\nStatus   : Syncing\nItems    : {1, 2, 3, 4…}\n")
        #expect(r.err.isEmpty)
    }

    @Test func formatTableCalculatedPropertyWithAlignmentAndWidth() {
        let r = BuiltinShell().run(rows + "$rows | Format-Table Identity, @{n='N';e={$_.Items.Count};a='left';w=4}")
        #expect(r.out == "\nIdentity   N\n--------   -\nIMAPBatch1 5\nB2         0\n")
    }

    @Test func outStringWidthKeepsLongTablesWhole() {
        let shell = BuiltinShell()
        let r = shell.run("$t = [pscustomobject]@{Name='x'; Text='y' * 200} | Format-Table -AutoSize | Out-String -Width 300; $t.Split(\"`n\")[3].Length")
        #expect(r.out == "205")   // "x" padded to the 4 cells of "Name", a space, 200 cells
    }

    @Test func outStringStreamGivesOneStringPerLine() {
        let shell = BuiltinShell()
        let lines = shell.strings("[pscustomobject]@{A=1} | Out-String -Stream")
        #expect(lines == ["", "A", "-", "1", ""])
    }

    @Test func badCalculatedPropertyKeyIsAnError() {
        let r = BuiltinShell().run("[pscustomobject]@{A=1} | Format-Table @{Bogus='x'}")
        #expect(r.err.contains("The Bogus key is not valid."))
    }

    @Test func formatWideAutoSizeFillsTheWidth() {
        let shell = BuiltinShell()
        shell.host.width = 20
        let r = shell.run("'aa','bb','cc','dd','ee' | ForEach-Object { [pscustomobject]@{Name=$_} } | Format-Wide -AutoSize")
        #expect(r.out == "\naa bb cc dd ee\n")
    }

    @Test func outFileWritesUnicodeWithByteOrderMarkAndAppends() throws {
        let dir = makeTempDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let path = dir + "/out.txt"
        let shell = BuiltinShell()
        shell.run("'héllo' | Out-File -FilePath '\(path)' -Encoding unicode; 'more' | Out-File '\(path)' -Append -Encoding unicode")
        let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
        #expect(bytes.prefix(2) == [0xFF, 0xFE])
        let body = Array(bytes.dropFirst(2))
        let units = stride(from: 0, to: body.count - 1, by: 2).map { UInt16(body[$0]) | UInt16(body[$0 + 1]) << 8 }
        #expect(String(decoding: units, as: UTF16.self) == "héllo\nmore\n")
    }

    @Test func outFileNoClobberRefusesAnExistingFile() throws {
        let dir = makeTempDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let path = dir + "/keep.txt"
        try "keep".write(toFile: path, atomically: true, encoding: .utf8)
        let r = BuiltinShell().run("'x' | Out-File '\(path)' -NoClobber")
        #expect(r.err.contains("already exists"))
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "keep")
    }

    @Test func outNullSwallowsEverything() {
        let r = BuiltinShell().run("1..3 | Out-Null; 'after'")
        #expect(r.out == "after")
    }
}
