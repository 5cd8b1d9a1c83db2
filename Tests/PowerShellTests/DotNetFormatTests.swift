import Foundation
import Testing
@testable import PowerShell

@Suite struct DotNetFormatTests {
    private func date(_ y: Int, _ mo: Int, _ d: Int, _ h: Int = 0, _ mi: Int = 0, _ s: Int = 0) -> Date {
        DateConversion.calendar.date(from: DateComponents(year: y, month: mo, day: d, hour: h, minute: mi, second: s))!
    }

    @Test func numberToStringUsesDotNetSpecifiers() throws {
        #expect(try DotNet.invokeMethod(on: .double(1234.5678), name: "ToString", arguments: [.string("N2")])?.stringValue == "1,234.57")
        #expect(try DotNet.invokeMethod(on: .int(7), name: "ToString", arguments: [.string("D3")])?.stringValue == "007")
        #expect(try DotNet.invokeMethod(on: .int(255), name: "ToString", arguments: [.string("X4")])?.stringValue == "00FF")
        #expect(try DotNet.invokeMethod(on: .int(42), name: "ToString", arguments: [])?.stringValue == "42")
    }

    @Test func dateToStringWithPatterns() throws {
        let d = Value.date(date(2025, 8, 1, 14, 5, 9))
        #expect(try DotNet.invokeMethod(on: d, name: "ToString", arguments: [.string("yyyy-MM-dd HH:mm:ss")])?.stringValue == "2025-08-01 14:05:09")
        #expect(try DotNet.invokeMethod(on: d, name: "ToString", arguments: [.string("yyyyMMdd_HHmm")])?.stringValue == "20250801_1405")
    }

    @Test func uformat() {
        let d = date(2025, 8, 1, 10, 15, 30)
        #expect(DotNetDateFormat.uformat(d, "%Y%m%d-%H%M%S") == "20250801-101530")
        #expect(DotNetDateFormat.uformat(d, "%A %B %j") == "Friday August 213")
        #expect(DotNetDateFormat.uformat(d, "%a %b %e %I %p") == "Fri Aug  1 10 AM")
    }

    @Test func timeSpanFormats() throws {
        #expect(try DotNetFormat.timeSpan(3725, nil) == "01:02:05")
        #expect(try DotNetFormat.timeSpan(90000.5, nil) == "1.01:00:00.5000000")
        #expect(try DotNetFormat.timeSpan(3725, "hh\\:mm\\:ss") == "01:02:05")
        #expect(try DotNetFormat.timeSpan(3725, "g") == "1:02:05")
        #expect(throws: ErrorRecord.self) { try DotNetFormat.timeSpan(1, "q") }
    }

    @Test func guidFormats() throws {
        let g = UUID(uuidString: "0F8FAD5B-D9CB-469F-A165-70867728950E")!
        #expect(try DotNetFormat.guid(g, nil) == "0f8fad5b-d9cb-469f-a165-70867728950e")
        #expect(try DotNetFormat.guid(g, "N") == "0f8fad5bd9cb469fa16570867728950e")
        #expect(try DotNetFormat.guid(g, "B") == "{0f8fad5b-d9cb-469f-a165-70867728950e}")
    }

    @Test func parseExact() {
        let expected = date(2025, 8, 1, 19, 0, 0)
        #expect(DotNetDateParse.parseExact("01.08.2025 19:00", "dd.MM.yyyy HH:mm") == expected)
        #expect(DotNetDateParse.parseExact("20250801 07:00 PM", "yyyyMMdd hh:mm tt") == expected)
        #expect(DotNetDateParse.parseExact("2025-8-1", "yyyy-MM-dd") == nil)
        #expect(DotNetDateParse.parseExact("Aug 01 2025 19:00", "MMM dd yyyy HH:mm") == expected)
    }
}
