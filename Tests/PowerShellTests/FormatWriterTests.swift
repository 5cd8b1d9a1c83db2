import Foundation
import Testing
@testable import PowerShell

@Suite struct FormatWriterTests {
    private func lines(_ items: [FormatItem], width: Int = 120, clock: @escaping OutputWriter.Clock = { 0 }) -> String {
        var out = ""
        let w = OutputWriter(width: width, clock: clock) { out += $0 + "\n" }
        items.forEach(w.write)
        w.finish()
        return out
    }

    @Test func wrapContinuesValuesUnderTheirColumn() {
        let header = TableHeader(columns: [TableColumnSpec(label: "A", alignment: .right), TableColumnSpec(label: "B", alignment: .right),
                                           TableColumnSpec(label: "Name")], wrap: true)
        let text = lines([.tableStart(header), .tableRow(["1", "2", "This\nIs some random\nmultiline content"]), .end])
        #expect(text == "\nA B Name\n- - ----\n1 2 This\n    Is some random\n    multiline content\n\n")
    }

    @Test func withoutWrapOnlyTheFirstLineOfAValueShows() {
        let header = TableHeader(columns: [TableColumnSpec(label: "Name")])
        #expect(lines([.tableStart(header), .tableRow(["first\nsecond"])]) == "\nName\n----\nfirst\n\n")
    }

    @Test func hiddenHeadersDropHeaderAndDashes() {
        let header = TableHeader(columns: [TableColumnSpec(label: "A"), TableColumnSpec(label: "B")], hideHeaders: true)
        #expect(lines([.tableStart(header), .tableRow(["x", "y"]), .end]) == "\nx y\n\n")
    }

    @Test func rowsAfterTheSizingDelayAreTruncatedToTheFirstWidths() {
        var now = 0.0
        let header = TableHeader(columns: [TableColumnSpec(label: "Name")])
        var out = ""
        let w = OutputWriter(width: 120, clock: { now }) { out += $0 + "\n" }
        w.write(.tableStart(header))
        w.write(.tableRow(["short"]))
        now = 1.0
        w.write(.tableRow(["much longer value"]))
        w.finish()
        #expect(out == "\nName\n----\nshort\nmuch…\n\n")
    }

    @Test func autoSizeUsesEveryRow() {
        var now = 0.0
        var out = ""
        let w = OutputWriter(width: 120, clock: { now }) { out += $0 + "\n" }
        w.write(.tableStart(TableHeader(columns: [TableColumnSpec(label: "Name")], autoSize: true)))
        w.write(.tableRow(["short"]))
        now = 5
        w.write(.tableRow(["much longer value"]))
        w.finish()
        #expect(out == "\nName\n----\nshort\nmuch longer value\n\n")
    }

    @Test func columnsThatDoNotFitAreDropped() {
        let header = TableHeader(columns: [TableColumnSpec(label: "First"), TableColumnSpec(label: "Second"), TableColumnSpec(label: "Third")])
        let text = lines([.tableStart(header), .tableRow([String(repeating: "a", count: 12), "bbbbbb", "cccccc"])], width: 22)
        #expect(text == "\nFirst        Second\n-----        ------\naaaaaaaaaaaa bbbbbb\n\n")
    }

    @Test func listValuesWrapUnderTheValueColumn() {
        let text = lines([.listEntry([ListLine("Name", "alpha beta gamma delta"), ListLine("X", "")])], width: 20)
        #expect(text == "\nName : alpha beta\n       gamma delta\nX    : \n\n")
    }

    @Test func wideSpreadsValuesOverColumns() {
        let text = lines([.wideStart(columns: 2), .wideEntry("a"), .wideEntry("b"), .wideEntry("c"), .end], width: 20)
        #expect(text == "\na         b\nc\n\n")
    }

    @Test func wideCharactersCountTwoCells() {
        #expect(TextWidth.cells("日本") == 4)
        #expect(TextWidth.truncate("日本語テキスト", to: 5) == "日本…")
    }

    @Test func formatRecordsRoundTrip() {
        let items: [FormatItem] = [
            .tableStart(TableHeader(columns: [TableColumnSpec(label: "A", width: 3, alignment: .right)], hideHeaders: true, wrap: true, autoSize: true)),
            .tableRow(["1"]), .listStart, .listEntry([ListLine("a", "b")]), .groupHeader("    Directory: /x"), .wideStart(columns: nil), .wideEntry("w"), .line("l"), .end,
        ]
        let decoded = items.flatMap(FormatRecord.encode).flatMap { FormatRecord.decode($0) ?? [] }
        #expect(decoded == items)
    }
}

@Suite struct FormatProgressViewTests {
    @Test func barShowsPercentAndStatus() {
        let line = ProgressView.render(ProgressRecord(activity: "Syncing", status: "3 of 10", percentComplete: 30), width: 60)
        #expect(line == "Syncing [oooooo              ] 30% 3 of 10")
    }

    @Test func lineIsCutToTheWidth() {
        let line = ProgressView.render(ProgressRecord(activity: String(repeating: "a", count: 100)), width: 40)
        #expect(line.count == 39 && line.hasSuffix("…"))
    }
}
