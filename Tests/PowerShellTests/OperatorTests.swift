import Foundation
import Testing
@testable import PowerShell

@Suite struct OperatorTests {
    func op(_ name: String, _ l: Value, _ r: Value) throws -> Value {
        let (k, cs) = BinaryOperators.parse(name)!
        return try BinaryOperators.evaluate(k, l, r, caseSensitive: cs).value
    }

    @Test func equalityConvertsRightToLeftType() throws {
        #expect(Conversion.toBool(try op("-eq", .int(1), .string("1.0"))))
        #expect(!Conversion.toBool(try op("-eq", .string("1.0"), .int(1))))
        #expect(Conversion.toBool(try op("-eq", .string("ABC"), .string("abc"))))
        #expect(!Conversion.toBool(try op("-ceq", .string("ABC"), .string("abc"))))
        #expect(Conversion.toBool(try op("-eq", .null, .null)))
    }

    @Test func collectionOnLeftFilters() throws {
        let r = try op("-gt", .list([.int(1), .int(2), .int(3)]), .int(1))
        #expect(Conversion.enumerate(r)!.map(\.stringOrInt) == [2, 3])
        let none = try op("-eq", .list([.int(1)]), .int(5))
        #expect(Conversion.enumerate(none)!.isEmpty)
        #expect(Conversion.toBool(try op("-contains", .list([.string("a"), .string("B")]), .string("b"))))
        #expect(Conversion.toBool(try op("-in", .int(2), .list([.int(1), .int(2)]))))
        #expect(Conversion.toBool(try op("-notin", .int(3), .list([.int(1), .int(2)]))))
    }

    @Test func likeAndMatch() throws {
        #expect(Conversion.toBool(try op("-like", .string("Batch01"), .string("batch*"))))
        #expect(Conversion.toBool(try op("-like", .string("a1"), .string("[a-c]?"))))
        #expect(!Conversion.toBool(try op("-clike", .string("Batch01"), .string("batch*"))))
        let m = try BinaryOperators.evaluate(.match, .string("user@example.com"), .string("^(?<user>[^@]+)@(.+)$"))
        #expect(Conversion.toBool(m.value))
        #expect(m.matches?["user"]?.stringValue == "user")
        #expect(m.matches?[.int(0)]?.stringValue == "user@example.com")
        // .NET numbers unnamed groups before named ones.
        #expect(m.matches?[.int(1)]?.stringValue == "example.com")
    }

    @Test func replaceSplitJoin() throws {
        #expect(try op("-replace", .string("John Smith"), .list([.string("(\\w+) (\\w+)"), .string("$2, $1")])).stringValue == "Smith, John")
        #expect(try op("-replace", .string("aXbx"), .string("x")).stringValue == "ab")
        #expect(try op("-creplace", .string("aXbx"), .list([.string("x"), .string("-")])).stringValue == "aXb-")
        #expect(throws: ErrorRecord.self) { try op("-replace", .string("a"), .list([.string("a"), .string("b"), .string("c")])) }
        let parts = try op("-split", .string("a,,b"), .string(","))
        #expect(Conversion.enumerate(parts)!.compactMap(\.stringValue) == ["a", "", "b"])
        let limited = try op("-split", .string("a,b,c"), .list([.string(","), .int(2)]))
        #expect(Conversion.enumerate(limited)!.compactMap(\.stringValue) == ["a", "b,c"])
        let simple = try op("-split", .string("a.b"), .list([.string("."), .int(0), .string("SimpleMatch")]))
        #expect(Conversion.enumerate(simple)!.compactMap(\.stringValue) == ["a", "b"])
        #expect(StringOperators.splitWhitespace("  a  b\tc ") == ["a", "b", "c"])
        #expect(try op("-join", .list([.int(1), .int(2)]), .string(", ")).stringValue == "1, 2")
    }

    @Test func arithmeticFollowsLeftOperand() throws {
        #expect(try Arithmetic.add(.string("a"), .int(1)).stringValue == "a1")
        #expect(try Arithmetic.add(.int(1), .string("2")).stringOrInt == 3)
        #expect(try Arithmetic.multiply(.string("ab"), .int(3)).stringValue == "ababab")
        guard case .double(let d) = try Arithmetic.apply(.divide, .int(7), .int(2)) else { Issue.record("not double"); return }
        #expect(d == 3.5)
        #expect(try Arithmetic.apply(.divide, .int(6), .int(2)).stringOrInt == 3)
        #expect(Conversion.enumerate(try Arithmetic.add(.list([.int(1)]), .list([.int(2), .int(3)])))!.count == 3)
        let a = PSHashtable(); a["x"] = .int(1)
        let b = PSHashtable(); b["y"] = .int(2)
        guard case .hashtable(let merged) = try Arithmetic.add(.hashtable(a), .hashtable(b)) else { Issue.record("not table"); return }
        #expect(merged.count == 2)
        do { _ = try Arithmetic.apply(.divide, .int(1), .int(0)); Issue.record("no error") } catch let e as ErrorRecord {
            #expect(e.message == "Attempted to divide by zero.")
        }
        do { _ = try Arithmetic.add(.int(5), .string("abc")); Issue.record("no error") } catch let e as ErrorRecord {
            #expect(e.message == "Cannot convert value \"abc\" to type \"System.Int32\". Error: \"The input string 'abc' was not in a correct format.\"")
        }
        #expect(try Arithmetic.add(.int(Int.max), .int(1)).isDouble)
    }

    @Test func compositeFormatting() throws {
        #expect(try ValueFormatting.composite("{0,-5}|{1,5}|", [.string("ab"), .int(7)]) == "ab   |    7|")
        #expect(try ValueFormatting.composite("{0:N2}", [.double(1234.5678)]) == "1,234.57")
        #expect(try ValueFormatting.composite("{0:D4} {1:X}", [.int(42), .int(255)]) == "0042 FF")
        #expect(try ValueFormatting.composite("{0:F1} {0:0.00} {{x}}", [.double(2.25)]) == "2.3 2.25 {x}")
        #expect(try ValueFormatting.composite("{0:P1}", [.double(0.125)]) == "12.5 %")
        #expect(try ValueFormatting.composite("{0:#,##0}", [.int(1234567)]) == "1,234,567")
        do { _ = try ValueFormatting.composite("{1}", [.int(1)]); Issue.record("no error") } catch let e as ErrorRecord {
            #expect(e.message.hasPrefix("Error formatting a string: Index (zero based)"))
        }
    }

    @Test func rangesCountBothWays() throws {
        #expect(try Arithmetic.range(.int(3), .int(1)).map(\.stringOrInt) == [3, 2, 1])
        #expect(try Arithmetic.range(.string("a"), .string("c")).compactMap(\.stringValue) == ["a", "b", "c"])
    }

    @Test func comparisonOrdering() throws {
        #expect(try Comparison.compare(.string("a"), .string("B")) < 0)
        #expect(try Comparison.compare(.int(10), .string("9")) > 0)
        #expect(try Comparison.compare(.null, .int(0)) < 0)
        #expect(throws: ErrorRecord.self) { try Comparison.compare(.int(1), .string("abc")) }
    }
}
