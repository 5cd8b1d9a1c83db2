import Foundation
import Testing
@testable import PowerShell

@Suite struct DotNetMemberTests {
    private func call(_ v: Value, _ name: String, _ args: Value...) throws -> Value? {
        try DotNet.invokeMethod(on: v, name: name, arguments: args)
    }

    @Test func typeNamesNormalize() throws {
        for name in ["System.Math", "Math", "math", "[System.Math]"] {
            #expect(try DotNet.staticMember(type: name, name: "PI")?.doubleValue == Double.pi)
        }
        #expect(DotNet.fullTypeName("io.file") == "System.IO.File")
        #expect(DotNet.isKnownType("IO.Path"))
        #expect(!DotNet.isKnownType("Foo.Bar"))
        #expect(try DotNet.staticMember(type: "Math", name: "Nope") == nil)
        #expect(try DotNet.invokeStatic(type: "Math", method: "Nope", arguments: []) == nil)
    }

    @Test func mathRoundsToEvenLikeDotNet() throws {
        #expect(try DotNet.invokeStatic(type: "Math", method: "Round", arguments: [.double(2.5)])?.doubleValue == 2)
        #expect(try DotNet.invokeStatic(type: "Math", method: "Round", arguments: [.double(3.14159), .int(2)])?.doubleValue == 3.14)
        #expect(try DotNet.invokeStatic(type: "math", method: "max", arguments: [.int(3), .int(9)])?.intValue == 9)
        #expect(try DotNet.invokeStatic(type: "math", method: "floor", arguments: [.double(-1.5)])?.doubleValue == -2)
        #expect(throws: ErrorRecord.self) { try DotNet.invokeStatic(type: "math", method: "sqrt", arguments: []) }
    }

    @Test func stringStatics() throws {
        #expect(try DotNet.invokeStatic(type: "string", method: "IsNullOrEmpty", arguments: [.null])?.boolValue == true)
        #expect(try DotNet.invokeStatic(type: "string", method: "IsNullOrWhiteSpace", arguments: [.string("  ")])?.boolValue == true)
        #expect(try DotNet.invokeStatic(type: "String", method: "Join", arguments: [.string(", "), .list([.string("a"), .int(1)])])?.stringValue == "a, 1")
        #expect(try DotNet.invokeStatic(type: "string", method: "Format", arguments: [.string("{0}-{1}"), .int(1), .string("b")])?.stringValue == "1-b")
        #expect(try DotNet.staticMember(type: "System.String", name: "Empty")?.stringValue == "")
    }

    @Test func stringMethodsAreCaseSensitiveLikeDotNet() throws {
        let s = Value.string("Hello World")
        #expect(DotNet.property(of: s, name: "Length")?.intValue == 11)
        #expect(try call(s, "ToUpper")?.stringValue == "HELLO WORLD")
        #expect(try call(s, "Contains", .string("world"))?.boolValue == false)
        #expect(try call(s, "Contains", .string("World"))?.boolValue == true)
        #expect(try call(s, "IndexOf", .string("o"))?.intValue == 4)
        #expect(try call(s, "LastIndexOf", .string("o"))?.intValue == 7)
        #expect(try call(s, "Substring", .int(6))?.stringValue == "World")
        #expect(try call(s, "Substring", .int(0), .int(5))?.stringValue == "Hello")
        #expect(try call(s, "Replace", .string("l"), .string("L"))?.stringValue == "HeLLo WorLd")
        #expect(try call(s, "StartsWith", .string("Hell"))?.boolValue == true)
        #expect(try call(s, "EndsWith", .string("WORLD"), .string("OrdinalIgnoreCase"))?.boolValue == true)
        #expect(try call(.string("  x  "), "Trim")?.stringValue == "x")
        #expect(try call(.string("xxaxx"), "TrimStart", .string("x"))?.stringValue == "axx")
        #expect(try call(.string("7"), "PadLeft", .int(3), .string("0"))?.stringValue == "007")
        #expect(try call(s, "Insert", .int(5), .string(","))?.stringValue == "Hello, World")
        #expect(try call(s, "Remove", .int(5))?.stringValue == "Hello")
        #expect(throws: ErrorRecord.self) { try call(s, "Substring", .int(20)) }
        #expect(throws: ErrorRecord.self) { try call(s, "Substring", .int(1), .int(2), .int(3)) }
        #expect(try call(s, "NoSuchMethod") == nil)
    }

    @Test func splitUsesWholeStringSeparators() throws {
        let parts = try call(.string("a, b, c"), "Split", .string(", "))
        #expect(parts?.stringItems == ["a", "b", "c"])
        #expect(try call(.string("a,b,c"), "Split", .string(","), .int(2))?.stringItems == ["a", "b,c"])
        #expect(try call(.string("a,,b"), "Split", .string(","), .string("RemoveEmptyEntries"))?.stringItems == ["a", "b"])
    }

    @Test func getTypeNames() throws {
        let t = try call(.string("x"), "GetType")
        #expect(DotNet.property(of: t!, name: "Name")?.stringValue == "String")
        #expect(DotNet.property(of: t!, name: "FullName")?.stringValue == "System.String")
        let a = try call(.list([.int(1)]), "GetType")!
        #expect(DotNet.property(of: a, name: "Name")?.stringValue == "Object[]")
        let h = try call(.hashtable(PSHashtable()), "GetType")!
        #expect(DotNet.property(of: h, name: "FullName")?.stringValue == "System.Collections.Hashtable")
        let o = try call(.object(PSObject()), "GetType")!
        #expect(DotNet.property(of: o, name: "Name")?.stringValue == "PSCustomObject")
    }

    @Test func arraysAndArrayListMethods() throws {
        let arr = PSArray([.string("a"), .string("b")])
        arr.list = .arrayList
        #expect(DotNet.property(of: .array(arr), name: "Count")?.intValue == 2)
        #expect(try call(.array(arr), "Contains", .string("b"))?.boolValue == true)
        #expect(try call(.array(arr), "IndexOf", .string("b"))?.intValue == 1)
        #expect(try call(.array(arr), "Add", .string("c"))?.intValue == 2)
        #expect(arr.items.count == 3)
        _ = try call(.array(arr), "Remove", .string("a"))
        #expect(arr.items.compactMap(\.stringValue) == ["b", "c"])
        let bytes = Value.bytes(PSBytes([1, 2, 3]))
        #expect(DotNet.property(of: bytes, name: "Length")?.intValue == 3)
    }

    @Test func magicForEachAndWhereUseTheInvoker() throws {
        let env = DotNetEnvironment(invoke: { _, item, _ in
            guard case .int(let i)? = item else { return [] }
            return [.bool(i % 2 == 0)]
        })
        let block = ScriptBlock(ast: ScriptBlockAst(extent: SourceExtent(source: SourceText(file: nil, text: "{}"),
            startOffset: 0, endOffset: 2, startLine: 1, startColumn: 1, endLine: 1, endColumn: 3)))
        let r = try DotNet.invokeMethod(on: .list([.int(1), .int(2), .int(3), .int(4)]), name: "Where",
                                        arguments: [.scriptBlock(block)], environment: env)
        #expect(r?.intItems == [2, 4])
        let names = try DotNet.invokeMethod(on: .list([.string("ab"), .string("c")]), name: "ForEach",
                                            arguments: [.string("Length")], environment: env)
        #expect(names?.intItems == [2, 1])
    }

    @Test func hashtableMembers() throws {
        let h = PSHashtable()
        h["a"] = .int(1)
        let v = Value.hashtable(h)
        #expect(DotNet.property(of: v, name: "Count")?.intValue == 1)
        #expect(try call(v, "ContainsKey", .string("A"))?.boolValue == true)
        _ = try call(v, "Add", .string("b"), .int(2))
        #expect(h.count == 2)
        #expect(throws: ErrorRecord.self) { try call(v, "Add", .string("B"), .int(3)) }
        #expect(DotNet.property(of: v, name: "Keys")?.stringItems == ["a", "b"])
        _ = try call(v, "Remove", .string("a"))
        #expect(h.count == 1)
        let entries = try call(v, "GetEnumerator")
        guard case .array(let e)? = entries, case .object(let o) = e.items[0] else { Issue.record("no entries"); return }
        #expect(o["Key"]?.stringValue == "b" && o["Value"]?.intValue == 2)
    }

    @Test func dateMembers() throws {
        let d = DateConversion.calendar.date(from: DateComponents(year: 2025, month: 1, day: 31, hour: 8))!
        let v = Value.date(d)
        #expect(DotNet.property(of: v, name: "Year")?.intValue == 2025)
        #expect(DotNet.property(of: v, name: "DayOfWeek")?.stringValue == "Friday")
        let next = try call(v, "AddMonths", .int(1))
        #expect(try call(next!, "ToString", .string("yyyy-MM-dd"))?.stringValue == "2025-02-28")
        #expect(try call(v, "AddDays", .double(1.5)).flatMap { DotNet.property(of: $0, name: "Hour") }?.intValue == 20)
        let span = try call(try call(v, "AddHours", .int(3))!, "Subtract", v)
        #expect(DotNet.property(of: span!, name: "TotalMinutes")?.doubleValue == 180)
        #expect(try call(v, "ToShortDateString")?.stringValue == "01/31/2025")
        let ts = Value.timeSpan(93784)
        #expect(DotNet.property(of: ts, name: "Days")?.intValue == 1)
        #expect(DotNet.property(of: ts, name: "Hours")?.intValue == 2)
        #expect(DotNet.property(of: ts, name: "TotalHours")?.doubleValue == 93784.0 / 3600)
    }

    @Test func encodingObjects() throws {
        let utf8 = try DotNet.staticMember(type: "System.Text.Encoding", name: "UTF8")!
        let bytes = try call(utf8, "GetBytes", .string("hé"))
        guard case .bytes(let b)? = bytes else { Issue.record("not bytes"); return }
        #expect(b.bytes == [0x68, 0xC3, 0xA9])
        #expect(try call(utf8, "GetString", .bytes(b))?.stringValue == "hé")
        let ascii = try DotNet.staticMember(type: "text.encoding", name: "ascii")!
        guard case .bytes(let a)? = try call(ascii, "GetBytes", .string("hé")) else { Issue.record("not bytes"); return }
        #expect(a.bytes == [0x68, 0x3F])
        let unicode = try DotNet.staticMember(type: "Text.Encoding", name: "Unicode")!
        guard case .bytes(let u)? = try call(unicode, "GetBytes", .string("A")) else { Issue.record("not bytes"); return }
        #expect(u.bytes == [0x41, 0])
    }

    @Test func fileAndPathStatics() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("dotnet-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let file = dir + "/users.csv"
        _ = try DotNet.invokeStatic(type: "System.IO.File", method: "WriteAllText", arguments: [.string(file), .string("a,b\n1,2\n")])
        #expect(try DotNet.invokeStatic(type: "IO.File", method: "Exists", arguments: [.string(file)])?.boolValue == true)
        guard case .bytes(let b)? = try DotNet.invokeStatic(type: "io.file", method: "ReadAllBytes", arguments: [.string(file)]) else {
            Issue.record("no bytes"); return
        }
        #expect(b.bytes.count == 8)
        #expect(try DotNet.invokeStatic(type: "IO.File", method: "ReadAllLines", arguments: [.string(file)])?.stringItems == ["a,b", "1,2"])
        #expect(throws: ErrorRecord.self) {
            try DotNet.invokeStatic(type: "IO.File", method: "ReadAllBytes", arguments: [.string(dir + "/missing.csv")])
        }
        do {
            _ = try DotNet.invokeStatic(type: "IO.File", method: "ReadAllText", arguments: [.string(dir + "/missing.csv")])
        } catch let e as ErrorRecord {
            #expect(e.message == "Exception calling \"ReadAllText\" with \"1\" argument(s): \"Could not find file '\(dir)/missing.csv'.\"")
        }
        #expect(try DotNet.invokeStatic(type: "IO.Path", method: "GetFileName", arguments: [.string("C:\\Users\\x\\users.csv")])?.stringValue == "users.csv")
        #expect(try DotNet.invokeStatic(type: "IO.Path", method: "GetExtension", arguments: [.string("a/b.tar.gz")])?.stringValue == ".gz")
        #expect(try DotNet.invokeStatic(type: "IO.Path", method: "GetFileNameWithoutExtension", arguments: [.string("/x/users.csv")])?.stringValue == "users")
        #expect(try DotNet.invokeStatic(type: "IO.Path", method: "GetDirectoryName", arguments: [.string("/x/users.csv")])?.stringValue == "/x")
        #expect(try DotNet.invokeStatic(type: "IO.Path", method: "Combine", arguments: [.string("/a"), .string("b"), .string("c.txt")])?.stringValue == "/a/b/c.txt")
        #expect(try DotNet.invokeStatic(type: "IO.Directory", method: "Exists", arguments: [.string(dir)])?.boolValue == true)
        #expect(try DotNet.invokeStatic(type: "IO.Directory", method: "GetFiles", arguments: [.string(dir), .string("*.CSV")])?.stringItems == [file])
    }

    @Test func otherStatics() throws {
        guard case .guid? = try DotNet.invokeStatic(type: "guid", method: "NewGuid", arguments: []) else { Issue.record("no guid"); return }
        #expect(try DotNet.staticMember(type: "int", name: "MaxValue")?.intValue == 2147483647)
        #expect(try DotNet.invokeStatic(type: "int", method: "Parse", arguments: [.string("42")])?.intValue == 42)
        #expect(throws: ErrorRecord.self) { try DotNet.invokeStatic(type: "int", method: "Parse", arguments: [.string("x")]) }
        #expect(try DotNet.invokeStatic(type: "Convert", method: "ToBase64String", arguments: [.bytes(PSBytes([104, 105]))])?.stringValue == "aGk=")
        guard case .bytes(let b)? = try DotNet.invokeStatic(type: "Convert", method: "FromBase64String", arguments: [.string("aGk=")]) else {
            Issue.record("no bytes"); return
        }
        #expect(b.bytes == [104, 105])
        #expect(try DotNet.invokeStatic(type: "Convert", method: "ToInt32", arguments: [.string("ff"), .int(16)])?.intValue == 255)
        #expect(try DotNet.staticMember(type: "Environment", name: "NewLine")?.stringValue == "\n")
        guard case .date? = try DotNet.staticMember(type: "datetime", name: "Now") else { Issue.record("no date"); return }
        #expect(try DotNet.invokeStatic(type: "TimeSpan", method: "FromMinutes", arguments: [.int(90)]).flatMap { DotNet.property(of: $0, name: "TotalHours") }?.doubleValue == 1.5)
        #expect(try DotNet.invokeStatic(type: "regex", method: "Escape", arguments: [.string("a.b")])?.stringValue == "a\\.b")
    }
}

fileprivate extension Value {
    var doubleValue: Double? { if case .double(let d) = self { return d }; if case .int(let i) = self { return Double(i) }; return nil }
    var intValue: Int? { if case .int(let i) = self { return i }; return nil }
    var boolValue: Bool? { if case .bool(let b) = self { return b }; return nil }
    var stringItems: [String]? { if case .array(let a) = self { return a.items.compactMap(\.stringValue) }; return nil }
    var intItems: [Int]? { if case .array(let a) = self { return a.items.compactMap(\.intValue) }; return nil }
}
