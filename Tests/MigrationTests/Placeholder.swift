import Testing

@Test func MigrationBuilds() { #expect(Bool(true)) }
