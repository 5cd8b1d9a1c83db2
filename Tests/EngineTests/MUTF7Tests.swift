import Testing
@testable import Engine

@Suite struct MUTF7Tests {
    static let cases: [(String, String)] = [
        ("INBOX", "INBOX"),
        ("Entwürfe", "Entw&APw-rfe"),
        ("Tom & Jerry", "Tom &- Jerry"),
        ("日本語", "&ZeVnLIqe-"),
        ("~peter/mail/台北/日本語", "~peter/mail/&U,BTFw-/&ZeVnLIqe-"),
        ("Отправленные", "&BB4EQgQ,BEAEMAQyBDsENQQ9BD0ESwQ1-"),
        ("😀 smile", "&2D3eAA- smile"),
    ]

    @Test(arguments: cases) func encodesAndDecodes(_ plain: String, _ wire: String) {
        #expect(MUTF7.encode(plain) == wire)
        #expect(MUTF7.decode(wire) == plain)
    }

    @Test func rejectsMalformed() {
        #expect(MUTF7.decode("&ZeVnLIqe") == nil)   // no closing "-"
        #expect(MUTF7.decode("&A-") == nil)         // not whole UTF-16 units
        #expect(MUTF7.decode("caf\u{e9}") == nil)   // raw 8-bit
    }
}
