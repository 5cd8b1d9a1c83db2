import Testing

@Test func EngineBuilds() { #expect(Bool(true)) }
