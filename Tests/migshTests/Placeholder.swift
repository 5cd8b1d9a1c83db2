import Testing

@Test func migshBuilds() { #expect(Bool(true)) }
