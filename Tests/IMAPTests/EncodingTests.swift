import Testing
@testable import IMAP

/// The bytes a command puts on the wire, with literals shown as `{n}` + content.
func wireText(_ command: Command) -> String {
    command.parts.map { part -> String in
        switch part {
        case .text(let b): return String(decoding: b, as: UTF8.self)
        case .literal(let b): return "{\(b.count)}" + String(decoding: b, as: UTF8.self)
        }
    }.joined()
}

@Suite struct EncodingTests {
    @Test(arguments: [
        ("terry.adams", "P@ssw0rd", "LOGIN terry.adams P@ssw0rd"),
        ("terry.adams*mailadmin", "x", "LOGIN \"terry.adams*mailadmin\" x"),
        ("contoso-students/mailadmin/terry.adams", "x", "LOGIN contoso-students/mailadmin/terry.adams x"),
        ("#terry.adams@contoso-students.edu#mailadmin#", "x", "LOGIN #terry.adams@contoso-students.edu#mailadmin# x"),
        ("ann", "pass with \"quotes\" and spaces", "LOGIN ann \"pass with \\\"quotes\\\" and spaces\""),
        ("ann", "back\\slash", "LOGIN ann \"back\\\\slash\""),
        ("ann", "", "LOGIN ann \"\""),
        ("chris", "Pässwörd", "LOGIN chris {10}Pässwörd"),
        ("chris", "line\r\nbreak", "LOGIN chris {11}line\r\nbreak"),
        ("a%b", "(paren)", "LOGIN \"a%b\" \"(paren)\""),
    ])
    func loginArgumentsKeepUserNameAndQuotePassword(_ user: String, _ password: String, _ expected: String) {
        var command = Command("LOGIN")
        command.astring(user)
        command.astring(password)
        #expect(wireText(command) == expected)
        #expect(command.name == "LOGIN")
    }

    @Test func appendArgumentsCarryFlagsAndDate() {
        var command = Command("APPEND")
        command.astring(MailboxName("Sent").wire)
        IMAPConnection.appendArguments(&command, flags: [.seen, .recent, Flag("$Label1")],
                                       internalDate: InternalDate(wire: " 1-Feb-2021 08:05:09 +0100"))
        #expect(wireText(command) == "APPEND Sent (\\Seen $Label1) \"01-Feb-2021 08:05:09 +0100\" ")
    }

    @Test func fetchCommandWithChangedSince() {
        let command = IMAPConnection.fetchCommand(UIDSet([UID(1), UID(2), UID(3), UID(7)]), [.uid, .flags, .internalDate, .rfc822Size, .bodyPeek],
                                                  changedSince: ModSequence(42))
        #expect(wireText(command) == "UID FETCH 1:3,7 (UID FLAGS INTERNALDATE RFC822.SIZE BODY.PEEK[]) (CHANGEDSINCE 42)")
    }

    @Test(arguments: [
        ([1, 2, 3, 5, 7, 8], "1:3,5,7:8"), ([9], "9"), ([4, 2, 3, 1], "1:4"), ([], ""),
    ])
    func uidSetCompresses(_ uids: [UInt32], _ wire: String) {
        let set = UIDSet(uids.map { UID($0) })
        #expect(set.description == wire)
        if !wire.isEmpty { #expect(UIDSet(wire: wire) == set) }
    }

    @Test func uidSetOpenRangesAndChunks() {
        #expect(UIDSet.from(UID(5)).description == "5:*")
        #expect(UIDSet(wire: "1:*")?.contains(UID(4_000_000_000)) == true)
        #expect(UIDSet(wire: "0:3") == nil)
        #expect(UIDSet(wire: "a") == nil)
        let chunks = UIDSet(UID(1)...UID(10)).chunked(maxCount: 4).map(\.description)
        #expect(chunks == ["1:4", "5:8", "9:10"])
    }

    @Test(arguments: [
        ("17-Jul-1996 02:44:25 -0700", 837_596_665),
        ("01-Jan-1970 00:00:00 +0000", 0),
        ("29-Feb-2024 23:59:59 +0530", 1_709_231_399),
        ("31-Dec-1969 23:00:00 -0100", 0),
    ])
    func internalDateRoundTrips(_ wire: String, _ seconds: Int64) throws {
        let date = try #require(InternalDate(wire: wire))
        #expect(date.secondsSinceEpoch == seconds)
        #expect(date.description == wire)
    }

    @Test(arguments: ["", "1-Jan-2020", "32-Jan-2020 00:00:00 +0000", "01-Foo-2020 00:00:00 +0000", "01-Jan-2020 24:00:00 +0000",
                      "01-Jan-2020 00:00:00 0000", "01-Jan-2020 00:00:00 +0070"])
    func invalidInternalDates(_ wire: String) {
        #expect(InternalDate(wire: wire) == nil)
    }
}

@Suite struct ModifiedUTF7Tests {
    @Test(arguments: [
        ("INBOX", "INBOX"), ("Entwürfe", "Entw&APw-rfe"), ("&", "&-"), ("Tom & Jerry", "Tom &- Jerry"),
        ("日本語", "&ZeVnLIqe-"), ("~peter/mail/台北/日本語", "~peter/mail/&U,BTFw-/&ZeVnLIqe-"),
        ("Ünïcödé", "&ANw-n&AO8-c&APY-d&AOk-"), ("😀", "&2D3eAA-"), ("a\u{7F}b", "a&AH8-b"),
    ])
    func encodesAndDecodes(_ name: String, _ wire: String) {
        #expect(ModifiedUTF7.encode(name) == wire)
        #expect(ModifiedUTF7.decode(wire) == name)
    }

    @Test(arguments: ["&", "&Jjo", "&Jjo!-", "&AGE-", "&2D0-", "\u{E9}", "&AA-"])
    func rejectsInvalid(_ wire: String) {
        #expect(ModifiedUTF7.decode(wire) == nil)
    }

    @Test func randomRoundTrips() {
        var rng = SplitMix64(seed: 3501)
        let pool: [Unicode.Scalar] = ["a", "&", "-", "/", " ", "é", "ß", "日", "😀", "\u{1}", ",", "+", "~"]
        for _ in 0..<2000 {
            var s = ""
            for _ in 0..<Int.random(in: 0...12, using: &rng) { s.unicodeScalars.append(pool.randomElement(using: &rng)!) }
            let wire = ModifiedUTF7.encode(s)
            #expect(wire.utf8.allSatisfy { $0 >= 0x20 && $0 < 0x7F })
            #expect(ModifiedUTF7.decode(wire) == s, "\(s)")
        }
    }

    @Test func mailboxNameNormalisesInbox() {
        #expect(MailboxName(wire: Array("inbox".utf8)) == .inbox)
        #expect(MailboxName(wire: Array("Inbox2".utf8)) != .inbox)
        #expect(MailboxName("Été").name == "Été")
    }
}
