import Foundation
import Testing
@testable import PowerShell

@Suite struct DotNetFormatTests {
    @Test func standardNumericFormats() throws {
        #expect(try DotNetNumberFormat.format(1234.5678, "N2") == "1,234.57")
        #expect(try DotNetNumberFormat.format(1234, "N0") == "1,234")
        #expect(try DotNetNumberFormat.format(7, "D3") == "007")
        #expect(try DotNetNumberFormat.format(-7, "D3") == "-007")
        #expect(try DotNetNumberFormat.format(0.1234, "P") == "12.34%")
        #expect(try DotNetNumberFormat.format(0.5, "P0") == "50%")
        #expect(try DotNetNumberFormat.format(255, "X") == "FF")
        #expect(try DotNetNumberFormat.format(255, "x4") == "00ff")
        #expect(try DotNetNumberFormat.format(3.14159, "F3") == "3.142")
        #expect(try DotNetNumberFormat.format(2, "F") == "2.00")
        #expect(try DotNetNumberFormat.format(1234.5, "C") == "$1,234.50")
        #expect(try DotNetNumberFormat.format(12345.678, "E2") == "1.23E+004")
    }

    @Test func midpointsRoundAwayFromZeroInFormats() throws {
        #expect(try DotNetNumberFormat.format(0.125, "N2") == "0.13")
        #expect(try DotNetNumberFormat.format(-0.125, "F2") == "-0.13")
        #expect(try DotNetNumberFormat.format(2.5, "N0") == "3")
        #expect(try DotNetNumberFormat.format(-0.001, "F2") == "0.00")
    }

    @Test func customNumericFormats() throws {
        #expect(try DotNetNumberFormat.format(3.14159, "0.00") == "3.14")
        #expect(try DotNetNumberFormat.format(1234567, "#,##0") == "1,234,567")
        #expect(try DotNetNumberFormat.format(5, "000") == "005")
        #expect(try DotNetNumberFormat.format(0.256, "0.0%") == "25.6%")
        #expect(try DotNetNumberFormat.format(1.5, "#.##") == "1.5")
        #expect(try DotNetNumberFormat.format(12.3456, "0.00 MB") == "12.35 MB")
        #expect(try DotNetNumberFormat.format(-4, "0;(0)") == "(4)")
    }

    @Test func doubleTextForms() {
        #expect(DotNetNumberFormat.powerShellString(1.0 / 3.0) == "0.333333333333333")
        #expect(DotNetNumberFormat.powerShellString(Double.pi) == "3.14159265358979")
        #expect(DotNetNumberFormat.powerShellString(2.5) == "2.5")
        #expect(DotNetNumberFormat.powerShellString(1e20) == "1E+20")
        #expect(DotNetNumberFormat.roundTrip(0.1 + 0.2) == "0.30000000000000004")
        #expect(DotNetNumberFormat.roundTrip(3) == "3")
    }

    @Test func invalidNumericFormatThrows() {
        #expect(throws: ErrorRecord.self) { try DotNetFormat.format(.double(1.5), "D2") }
    }

    private func date(_ y: Int, _ mo: Int, _ d: Int, _ h: Int = 0, _ mi: Int = 0, _ s: Int = 0) -> Date {
        DotNetDateFormat.calendar.date(from: DateComponents(year: y, month: mo, day: d, hour: h, minute: mi, second: s))!
    }

    @Test func customDateFormats() {
        let d = date(2025, 8, 1, 14, 5, 9)
        #expect(DotNetDateFormat.format(d, "yyyy-MM-dd HH:mm:ss") == "2025-08-01 14:05:09")
        #expect(DotNetDateFormat.format(d, "dd/MM/yy h:mm tt") == "01/08/25 2:05 PM")
        #expect(DotNetDateFormat.format(d, "dddd, MMMM d") == "Friday, August 1")
        #expect(DotNetDateFormat.format(d, "ddd MMM") == "Fri Aug")
        #expect(DotNetDateFormat.format(d, "yyyyMMdd_HHmm") == "20250801_1405")
        #expect(DotNetDateFormat.format(d, "'Day' d") == "Day 1")
    }

    @Test func standardDateFormats() {
        let d = date(2025, 8, 1, 10, 15, 0)
        #expect(DotNetDateFormat.format(d, "d") == "8/1/2025")
        #expect(DotNetDateFormat.format(d, "G") == "8/1/2025 10:15:00 AM")
        #expect(DotNetDateFormat.format(d, "s") == "2025-08-01T10:15:00")
        #expect(DotNetDateFormat.format(d, "D") == "Friday, August 1, 2025")
        #expect(DotNetDateFormat.format(d, "o").hasPrefix("2025-08-01T10:15:00.0000000"))
    }

    @Test func uformat() {
        let d = date(2025, 8, 1, 10, 15, 30)
        #expect(DotNetDateFormat.uformat(d, "%Y%m%d-%H%M%S") == "20250801-101530")
        #expect(DotNetDateFormat.uformat(d, "%A %B %j") == "Friday August 213")
    }

    @Test func compositeFormatting() throws {
        #expect(try DotNetFormat.composite("{0} is {1:N1}", [.string("x"), .double(2.25)]) == "x is 2.3")
        #expect(try DotNetFormat.composite("[{0,5}][{1,-4}]", [.int(42), .string("ab")]) == "[   42][ab  ]")
        #expect(try DotNetFormat.composite("{{{0}}}", [.int(1)]) == "{1}")
        #expect(try DotNetFormat.composite("{0:D4}", [.int(7)]) == "0007")
        #expect(throws: ErrorRecord.self) { try DotNetFormat.composite("{1}", [.int(1)]) }
    }

    @Test func timeSpanFormats() throws {
        #expect(try DotNetFormat.timeSpan(3725, nil) == "01:02:05")
        #expect(try DotNetFormat.timeSpan(90000.5, nil) == "1.01:00:00.5000000")
        #expect(try DotNetFormat.timeSpan(3725, "hh\\:mm\\:ss") == "01:02:05")
        #expect(try DotNetFormat.timeSpan(-60, "c") == "-00:01:00")
    }

    @Test func dateParsing() {
        let expected = date(2025, 8, 1, 19, 0, 0)
        #expect(DotNetDateParse.parse("08/01/2025 7:00 PM") == expected)
        #expect(DotNetDateParse.parse("2025-08-01 19:00") == expected)
        #expect(DotNetDateParse.parse("2025-08-01T19:00:00") == expected)
        #expect(DotNetDateParse.parse("August 1, 2025 7:00 PM") == expected)
        #expect(DotNetDateParse.parse("1 Aug 2025 19:00:00") == expected)
        #expect(DotNetDateParse.parse("2025-08-01T19:00:00Z") == Date(timeIntervalSince1970: 1754074800))
        #expect(DotNetDateParse.parse("2/30/2025") == nil)
        #expect(DotNetDateParse.parse("not a date") == nil)
        #expect(DotNetDateParse.parseExact("01.08.2025 19:00", "dd.MM.yyyy HH:mm") == expected)
        #expect(DotNetDateParse.parseExact("2025-8-1", "yyyy-MM-dd") == nil)
    }
}
