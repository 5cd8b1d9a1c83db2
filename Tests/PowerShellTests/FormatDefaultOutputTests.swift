import Foundation
import Testing
@testable import PowerShell

/// Renders values as Out-Default would, one text with a newline after each line.
func renderDefault(_ values: [Value], width: Int = 120, limit: Int = 4) -> String {
    var out = ""
    let p = OutputPipeline(width: width, enumerationLimit: { limit }) { out += $0 + "\n" }
    values.forEach(p.add)
    p.finish()
    return out
}

func object(_ props: [(String, Value)], type: String? = nil) -> Value {
    if let type { return .object(PSObject(typeNames: [type, "System.Object"], properties: props)) }
    return .object(PSObject(properties: props))
}

@Suite struct FormatDefaultOutputTests {
    @Test func scalarsPrintOneLineEach() {
        #expect(renderDefault([.string("a"), .int(42), .bool(true), .string(""), .null, .double(1.5)]) == "a\n42\nTrue\n\n1.5\n")
    }

    @Test func arraysAreUnrolled() {
        #expect(renderDefault([.list([.int(1), .list([.int(2), .int(3)])])]) == "1\n2\n3\n")
    }

    @Test func fourPropertiesMakeATable() {
        let o = object([("Identity", .string("IMAPBatch1")), ("Status", .string("Syncing")), ("Type", .string("IMAP")), ("Count", .int(3))])
        #expect(renderDefault([o]) == """

            Identity   Status  Type Count
            --------   ------  ---- -----
            IMAPBatch1 Syncing IMAP     3


            """)
    }

    @Test func fivePropertiesMakeAList() {
        let o = object([("A", .int(1)), ("Bee", .string("x")), ("C", .null), ("D", .bool(false)), ("Eeeee", .list([.int(1), .int(2)]))])
        #expect(renderDefault([o]) == "\nA     : 1\nBee   : x\nC     : \nD     : False\nEeeee : {1, 2}\n\n")
    }

    @Test func consecutiveObjectsOfOneShapeShareATable() {
        let a = object([("abc", .string("1234")), ("bcd", .string("123"))])
        let b = object([("abc", .string("1")), ("bcd", .string("1234"))])
        #expect(renderDefault([a, b]) == "\nabc  bcd\n---  ---\n1234 123\n1    1234\n\n")
    }

    @Test func numbersAreRightAlignedWithTheirHeader() {
        let o = object([("a", .int(123)), ("b", .int(123))])
        #expect(renderDefault([o]) == "\n  a   b\n  -   -\n123 123\n\n")
    }

    @Test func aNewShapeStartsANewBlock() {
        let a = object([("a", .int(1))]), b = object([("b", .string("x"))])
        #expect(renderDefault([a, .string("text"), b]) == "\na\n-\n1\n\ntext\n\nb\n-\nx\n\n")
    }

    @Test func listsSeparateEntriesByOneBlankLine() {
        let props: [(String, Value)] = [("A", .int(1)), ("B", .int(2)), ("C", .int(3)), ("D", .int(4)), ("LongName", .int(5))]
        let text = renderDefault([object(props), object(props)])
        let entry = "A        : 1\nB        : 2\nC        : 3\nD        : 4\nLongName : 5\n"
        #expect(text == "\n" + entry + "\n" + entry + "\n")
    }

    @Test func hashtableIsANameValueTable() {
        let h = PSHashtable(ordered: true)
        h["Name"] = .string("IMAPBatch1")
        h["Port"] = .int(993)
        let pad = String(repeating: " ", count: 26)
        #expect(renderDefault([.hashtable(h)]) == "\nName\(pad) Value\n----\(pad) -----\nName\(pad) IMAPBatch1\nPort\(pad) 993\n\n")
    }

    @Test func collectionsInCellsStopAtTheEnumerationLimit() {
        let o = object([("Items", .list((1...6).map { .int($0) }))])
        #expect(renderDefault([o]) == "\nItems\n-----\n{1, 2, 3, 4…}\n\n")
        #expect(renderDefault([o], limit: -1) == "\nItems\n-----\n{1, 2, 3, 4, 5, 6}\n\n")
    }

    @Test func longValuesAreTruncatedToTheWidth() {
        let o = object([("Id", .string("x")), ("Text", .string(String(repeating: "a", count: 50)))])
        let text = renderDefault([o], width: 20)
        #expect(text == "\nId Text\n-- ----\nx  aaaaaaaaaaaaaaaa…\n\n")
    }

    @Test func tableDoublesShowTwoDecimalsListDoublesDoNot() {
        #expect(renderDefault([object([("d", .double(1234.56789))])]) == "\n      d\n      -\n1234.57\n\n")
        let five: [(String, Value)] = [("a", .int(1)), ("b", .int(1)), ("c", .int(1)), ("e", .int(1)), ("double", .double(1234.56789))]
        #expect(renderDefault([object(five)]).contains("double : 1234.56789\n"))
    }

    @Test func registeredViewDecidesColumns() {
        FormatViews.register(typeName: "Test.Format.Batch", view: .table([
            TableViewColumn("Identity"),
            TableViewColumn("Status", width: 10),
            TableViewColumn("Total", .computed { o in .int((o["Done"].flatMap { if case .int(let i) = $0 { i } else { nil } } ?? 0) + 1) }),
        ]))
        let o = object([("Identity", .string("B1")), ("Status", .string("Completed")), ("Done", .int(4)), ("X", .int(0)), ("Y", .int(0))],
                       type: "Test.Format.Batch")
        #expect(renderDefault([o]) == "\nIdentity Status     Total\n-------- ------     -----\nB1       Completed      5\n\n")
    }

    @Test func groupHeadersSplitTablesOfAView() {
        FormatViews.register(typeName: "Test.Format.File", view: .table([TableViewColumn("Name")]))
        FormatViews.register(typeName: "Test.Format.Directory", view: .table([TableViewColumn("Name")]))
        for t in ["Test.Format.File", "Test.Format.Directory"] {
            FormatViews.registerGroupHeader(typeName: t) { "    Directory: " + DisplayText.scalar($0["Parent"] ?? .null) }
        }
        let items = [("/a", "x", "Test.Format.Directory"), ("/a", "y", "Test.Format.File"), ("/b", "z", "Test.Format.File")].map {
            object([("Name", .string($0.1)), ("Parent", .string($0.0))], type: $0.2)
        }
        #expect(renderDefault(items) == "\n    Directory: /a\n\nName\n----\nx\ny\n\n    Directory: /b\n\nName\n----\nz\n\n")
    }

    @Test func datesShowInLongFormAloneAndShortInCells() {
        var c = DateComponents()
        c.year = 2025; c.month = 8; c.day = 1; c.hour = 10; c.minute = 15; c.second = 0
        let d = Calendar(identifier: .gregorian).date(from: c)!
        #expect(renderDefault([.date(d)]) == "Friday, August 1, 2025 10:15:00 AM\n")
        #expect(renderDefault([object([("When", .date(d))])]) == "\nWhen\n----\n8/1/2025 10:15:00 AM\n\n")
    }
}
