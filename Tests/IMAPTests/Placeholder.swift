import Testing

@Test func IMAPBuilds() { #expect(Bool(true)) }
