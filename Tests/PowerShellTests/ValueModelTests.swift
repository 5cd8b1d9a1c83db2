import Testing
@testable import PowerShell

@Suite struct ValueModelTests {
    @Test func hashtableKeysAreCaseInsensitiveAndOrdered() {
        let h = PSHashtable(ordered: true)
        h["Name"] = .string("a")
        h["name"] = .string("b")
        h["Other"] = .int(1)
        #expect(h.count == 2)
        #expect(h["NAME"]?.stringValue == "b")
        #expect(h.keys.compactMap { $0.stringValue } == ["Name", "Other"])
        h["name"] = nil
        #expect(h.count == 1 && h["other"] != nil)
    }

    @Test func objectPropertiesKeepOrderAndFoldCase() {
        let o = PSObject(properties: [("Identity", .string("b1")), ("Status", .string("Created"))])
        #expect(o["status"]?.stringValue == "Created")
        #expect(o.properties.map(\.name) == ["Identity", "Status"])
        #expect(o.isCustomObject)
    }
}
