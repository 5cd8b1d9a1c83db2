import Testing
@testable import PowerShell

/// The source line of the `Line |` block, clipped as pwsh's position message clips it, and the
/// block's message wrapping.
@Suite struct FormatPositionLineTests {
    @Test func shortLinesAreShownWhole() {
        let p = PositionLine(source: "throw 'x'   ", startColumn: 1, endColumn: 10)
        #expect(p == PositionLine(text: "throw 'x'", offset: 0, length: 9))
    }

    @Test func tabsCountAsFourColumns() {
        let p = PositionLine(source: "\tthrow 'x'", startColumn: 2, endColumn: 11)
        #expect(p == PositionLine(text: "    throw 'x'", offset: 4, length: 9))
    }

    @Test func longLinesKeepContextAroundTheErrorAndMarkCuts() {
        let line = String(repeating: "x", count: 79) + "ERROR" + String(repeating: "y", count: 16)
        let p = PositionLine(source: line, startColumn: 80, endColumn: 85)
        #expect(p.text == "\u{2026} " + String(repeating: "x", count: 56) + "ERROR" + String(repeating: "y", count: 8) + " \u{2026}")
        #expect(p.offset == 58)
        #expect(p.length == 5)
    }

    @Test func longErrorsAreCutAtSixtyNineColumns() {
        let line = "$x" + String(repeating: "e", count: 100) + String(repeating: "z", count: 18)
        let p = PositionLine(source: line, startColumn: 3, endColumn: 103)
        #expect(p.text == String(line.prefix(69)) + " \u{2026}")
        #expect(p.offset == 2)
        #expect(p.length == 67)
    }

    @Test func errorsRunningPastTheLineUnderlineToItsEnd() {
        let p = PositionLine(source: "$h = @{ a = 1", startColumn: 6, endColumn: nil)
        #expect(p == PositionLine(text: "$h = @{ a = 1", offset: 5, length: 8))
    }

    @Test func messagesWrapAtTheLastBlankBeforeTheWidth() {
        let prefix = "     | "
        #expect(PositionLine.wrap("aaaa bbbb cccc dddd eeee ffff gggg", prefix: prefix, width: 30)
                == ["     | aaaa bbbb cccc dddd", "     | eeee ffff gggg"])
        // A word that ends exactly at the width still moves down, as in pwsh.
        #expect(PositionLine.wrap("aaaa bbbb cccc dddd eeee", prefix: prefix, width: 26)
                == ["     | aaaa bbbb cccc", "     | dddd eeee"])
        #expect(PositionLine.wrap("short", prefix: prefix, width: 26) == ["     | short"])
        // A word longer than the width: pwsh cuts at the prefix's own blank and gives up.
        #expect(PositionLine.wrap(String(repeating: "w", count: 30), prefix: prefix, width: 20)
                == ["     |", "     | " + String(repeating: "w", count: 30)])
    }

    @Test func blocksForLongLinesUseTheClippedLine() {
        let text = "Write-Output 1\n" + "$result = Get-Thing -Name 'a very long argument value here' -Other 'more text after it' -Last 1 + $undefinedThing"
        let source = SourceText(file: "/s.ps1", text: text)
        let col = 100
        let offset = source.lineStarts[1] + col - 1
        let extent = SourceExtent(source: source, startOffset: offset, endOffset: offset + 14,
                                  startLine: 2, startColumn: col, endLine: 2, endColumn: col + 14)
        let r = ErrorRecord(message: "boom", category: .invalidOperation, position: extent)
        let lines = ErrorView.render(r).split(separator: "\n").map(String.init)
        #expect(lines[2].hasPrefix("   2 |  \u{2026} "))
        #expect(lines[2].count <= 8 + 69 + 4)
        #expect(lines[3].hasSuffix(String(repeating: "~", count: 14)))
        let errorText = String(source.line(2).dropFirst(col - 1).prefix(14))
        let shownAt = lines[2].distance(from: lines[2].startIndex, to: lines[2].range(of: errorText)!.lowerBound)
        #expect(shownAt == lines[3].distance(from: lines[3].startIndex, to: lines[3].firstIndex(of: "~")!))
    }
}
