import Testing

@Test func CmdletsBuilds() { #expect(Bool(true)) }
