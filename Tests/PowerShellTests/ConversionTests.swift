import Foundation
import Testing
@testable import PowerShell

@Suite struct ConversionTests {
    @Test func stringFormsFollowInvariantCulture() {
        #expect(Conversion.toString(.list([.int(1), .string("a"), .bool(true)])) == "1 a True")
        #expect(Conversion.toString(.list([.int(1), .int(2)]), ofs: ",") == "1,2")
        #expect(Conversion.toString(.double(3.5)) == "3.5")
        #expect(Conversion.toString(.double(1e15)) == "1E+15")
        #expect(Conversion.toString(.double(100000000000000)) == "100000000000000")
        #expect(Conversion.toString(.double(0.00001)) == "1E-05")
        #expect(Conversion.toString(.double(0.0001)) == "0.0001")
        #expect(Conversion.toString(.double(2)) == "2")
        #expect(Conversion.toString(.null) == "")
        #expect(Conversion.toString(.timeSpan(3725)) == "01:02:05")
        #expect(Conversion.toString(.timeSpan(90061.5)) == "1.01:01:01.5000000")
        let o = PSObject(properties: [("A", .int(1)), ("B", .string("x"))])
        #expect(Conversion.toString(.object(o)) == "@{A=1; B=x}")
        #expect(Conversion.toString(.hashtable(PSHashtable())) == "System.Collections.Hashtable")
    }

    @Test func doublesShowFifteenSignificantDigitsAsPowerShellDoes() {
        #expect(Conversion.toString(.double(0.1 + 0.2)) == "0.3")
        #expect(Conversion.toString(.double(1.0 / 3.0)) == "0.333333333333333")
        #expect(Conversion.toString(.double(2.0 / 3.0)) == "0.666666666666667")
        #expect(Conversion.toString(.double(Double.pi)) == "3.14159265358979")
        #expect(Conversion.toString(.double(-Double.pi * 1e20)) == "-3.14159265358979E+20")
        #expect(Conversion.toString(.double(123456789012345678)) == "1.23456789012346E+17")
        #expect(Conversion.toString(.double(999999999999999.9)) == "1E+15")
        #expect(Conversion.toString(.double(1.0 / 3.0 / 100000)) == "3.33333333333333E-06")
        #expect(Conversion.toString(.double(.infinity)) == "Infinity")
        #expect(Conversion.toString(.double(.nan)) == "NaN")
        // .NET's own ToString() keeps the shortest round-trip digits.
        #expect(NumberFormatting.format(0.1 + 0.2) == "0.30000000000000004")
    }

    @Test func truthiness() {
        #expect(!Conversion.toBool(.string("")))
        #expect(Conversion.toBool(.string("False")))
        #expect(!Conversion.toBool(.int(0)))
        #expect(!Conversion.toBool(.null))
        #expect(!Conversion.toBool(.list([])))
        #expect(!Conversion.toBool(.list([.int(0)])))
        #expect(Conversion.toBool(.list([.int(0), .int(0)])))
        #expect(Conversion.toBool(.hashtable(PSHashtable())))
    }

    @Test func integerCastsParseAndRoundToEven() throws {
        #expect(try Conversion.convert(.string(" 42 "), to: .int).stringOrInt == 42)
        #expect(try Conversion.convert(.double(2.5), to: .int).stringOrInt == 2)
        #expect(try Conversion.convert(.double(3.5), to: .int).stringOrInt == 4)
        #expect(try Conversion.convert(.string("0x1F"), to: .int).stringOrInt == 31)
        #expect(try Conversion.convert(.null, to: .int).stringOrInt == 0)
    }

    @Test func failedCastHasPwshText() {
        do {
            _ = try Conversion.convert(.string("abc"), to: .int)
            Issue.record("expected failure")
        } catch let e as ErrorRecord {
            #expect(e.message == "Cannot convert value \"abc\" to type \"System.Int32\". Error: \"The input string 'abc' was not in a correct format.\"")
        } catch { Issue.record("wrong error \(error)") }
        do {
            _ = try Conversion.convert(.int(300), to: .byte)
            Issue.record("expected failure")
        } catch let e as ErrorRecord {
            #expect(e.message.hasSuffix("Error: \"Value was either too large or too small for an unsigned byte.\""))
        } catch { Issue.record("wrong error \(error)") }
    }

    @Test func enumConversionListsAllowedNames() throws {
        let color = TypeResolver.resolve("ConsoleColor")!
        #expect(try Conversion.convert(.string("darkred"), to: color).stringValue == "DarkRed")
        do {
            _ = try Conversion.convert(.string("Purple"), to: color)
            Issue.record("expected failure")
        } catch let e as ErrorRecord {
            #expect(e.message.contains("Unable to match the identifier name Purple to a valid enumerator name. Specify one of the following enumerator names and try again:\nBlack, DarkBlue,"))
            #expect(e.message.hasPrefix("Cannot convert value \"Purple\" to type \"System.ConsoleColor\"."))
        }
    }

    @Test func arrayAndByteArrayCasts() throws {
        guard case .bytes(let b) = try Conversion.convert(.list([.int(1), .string("2"), .int(255)]), to: .bytes) else {
            Issue.record("not bytes"); return
        }
        #expect(b.bytes == [1, 2, 255])
        guard case .array(let a) = try Conversion.convert(.string("x"), to: .array(.string)) else {
            Issue.record("not array"); return
        }
        #expect(a.items.count == 1 && a.items[0].stringValue == "x")
        guard case .array(let n) = try Conversion.convert(.list([.string("1"), .double(2)]), to: .array(.int)) else {
            Issue.record("not array"); return
        }
        #expect(n.items.map(\.stringOrInt) == [1, 2])
    }

    @Test func dateParsingInvariantCulture() throws {
        guard case .date(let d) = try Conversion.convert(.string("09/01/2018 7:00 PM"), to: .dateTime) else {
            Issue.record("not a date"); return
        }
        #expect(DateConversion.invariantString(d) == "09/01/2018 19:00:00")
        guard case .date(let iso) = try Conversion.convert(.string("2026-01-31"), to: .dateTime) else {
            Issue.record("not a date"); return
        }
        #expect(ValueFormatting.formatDate(iso, spec: "yyyy-MM-dd dddd") == "2026-01-31 Saturday")
        #expect(throws: ErrorRecord.self) { try Conversion.convert(.string("not a date"), to: .dateTime) }
        guard case .date(let named) = try Conversion.convert(.string("Jan 5, 2026 10:30:15"), to: .dateTime) else {
            Issue.record("not a date"); return
        }
        #expect(DateConversion.invariantString(named) == "01/05/2026 10:30:15")
    }

    @Test func customObjectFromHashtableKeepsOrder() throws {
        let h = PSHashtable(ordered: true)
        h["Zeta"] = .int(1); h["Alpha"] = .int(2)
        guard case .object(let o) = try Conversion.convert(.hashtable(h), to: .customObject) else {
            Issue.record("not object"); return
        }
        #expect(o.properties.map(\.name) == ["Zeta", "Alpha"])
    }

    @Test func typeResolverKnowsAcceleratorsAndFullNames() {
        #expect(TypeResolver.resolve("int") == .int)
        #expect(TypeResolver.resolve("System.String") == .string)
        #expect(TypeResolver.resolve("byte[]") == .bytes)
        #expect(TypeResolver.resolve("string[]") == .array(.string))
        #expect(TypeResolver.resolve("ORDERED") == .orderedDictionary)
        #expect(TypeResolver.resolve("IO.File") == .named("System.IO.File"))
        #expect(TypeResolver.resolve("Nope.Such") == nil)
        #expect(TypeResolver.notFound("Nope").message == "Unable to find type [Nope].")
    }

    @Test func isAndAs() {
        #expect(Conversion.isInstance(.int(5), of: .int))
        #expect(!Conversion.isInstance(.string("5"), of: .int))
        #expect(Conversion.tryConvert(.string("x"), to: .int).isNull)
        #expect(Conversion.isInstance(.list([]), of: .array(.object)))
    }
}

extension Value {
    /// Test helper: the integer inside, or nil.
    var stringOrInt: Int? { if case .int(let i) = self { return i } else { return nil } }
}
