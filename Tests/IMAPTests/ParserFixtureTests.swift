import Testing
@testable import IMAP

/// A server transcript and the events it must produce (body chunks merged).
struct ParseFixture: Sendable, CustomTestStringConvertible {
    let wire: String
    let expected: [ResponseEvent]
    var testDescription: String { String(wire.prefix(60)) }
    init(_ wire: String, _ expected: [ResponseEvent]) { self.wire = wire; self.expected = expected }
}

/// Parses bytes fed in chunks of `chunk` bytes and merges adjacent body chunks.
func parseEvents(_ bytes: [UInt8], chunk: Int = .max, limits: ParserLimits = .default) throws -> [ResponseEvent] {
    var parser = ResponseParser(limits: limits)
    var events: [ResponseEvent] = []
    var i = 0
    repeat {
        let end = min(bytes.count, i + min(chunk, bytes.count))
        parser.append(bytes[i..<end])
        i = end
        while let e = try parser.next() { events.append(e) }
    } while i < bytes.count
    return mergeBodyChunks(events)
}

func mergeBodyChunks(_ events: [ResponseEvent]) -> [ResponseEvent] {
    var out: [ResponseEvent] = []
    for e in events {
        if case .fetch(.bodyBytes(let b)) = e, case .fetch(.bodyBytes(let a))? = out.last {
            out[out.count - 1] = .fetch(.bodyBytes(ArraySlice(Array(a) + Array(b))))
        } else if case .fetch(.bodyBytes(let b)) = e {
            out.append(.fetch(.bodyBytes(ArraySlice(Array(b)))))
        } else {
            out.append(e)
        }
    }
    return out
}

let date2020 = InternalDate(wire: "01-Jan-2020 10:00:00 +0000")!

let parseFixtures: [ParseFixture] = [
    ParseFixture("* OK [CAPABILITY IMAP4rev1 LITERAL+ STARTTLS AUTH=PLAIN] Dovecot ready.\r\n", [
        .untagged(.ok(ResponseText(code: .capability([.imap4rev1, .literalPlus, .startTLS, .authPlain]), text: "Dovecot ready.")))]),
    ParseFixture("* PREAUTH IMAP4rev1 server logged in as Smith\r\n", [
        .untagged(.preauth(ResponseText(text: "IMAP4rev1 server logged in as Smith")))]),
    ParseFixture("* BYE Server shutting down\r\n", [.untagged(.bye(ResponseText(text: "Server shutting down")))]),
    ParseFixture("A1 OK [READ-WRITE] Select completed (0.001 secs).\r\n", [
        .tagged(TaggedResponse(tag: "A1", status: .ok, text: ResponseText(code: .readWrite, text: "Select completed (0.001 secs).")))]),
    ParseFixture("A2 NO [AUTHENTICATIONFAILED] Authentication failed.\r\n", [
        .tagged(TaggedResponse(tag: "A2", status: .no, text: ResponseText(code: .authenticationFailed, text: "Authentication failed.")))]),
    ParseFixture("A3 BAD Error in IMAP command\r\n", [
        .tagged(TaggedResponse(tag: "A3", status: .bad, text: ResponseText(text: "Error in IMAP command")))]),
    ParseFixture("A4 OK\r\n", [.tagged(TaggedResponse(tag: "A4", status: .ok, text: ResponseText(text: "")))]),
    ParseFixture("A5 OK [APPENDUID 1795573115 7] Append completed.\r\n", [
        .tagged(TaggedResponse(tag: "A5", status: .ok, text: ResponseText(code: .appendUID(UIDValidity(1795573115), UIDSet(UID(7)...UID(7))), text: "Append completed.")))]),
    ParseFixture("A6 OK [APPENDUID 38505 3955:3957] done\r\n", [
        .tagged(TaggedResponse(tag: "A6", status: .ok, text: ResponseText(code: .appendUID(UIDValidity(38505), UIDSet(UID(3955)...UID(3957))), text: "done")))]),
    ParseFixture("+ Ready for literal data\r\n", [.continuation("Ready for literal data")]),
    ParseFixture("+ \r\n", [.continuation("")]),
    ParseFixture("+\r\n", [.continuation("")]),
    ParseFixture("* CAPABILITY IMAP4rev1 UIDPLUS CONDSTORE\r\n", [.untagged(.capability([.imap4rev1, .uidPlus, .condStore]))]),
    ParseFixture("* 23 EXISTS\r\n* 5 RECENT\r\n* 3 EXPUNGE\r\n", [
        .untagged(.exists(23)), .untagged(.recent(5)), .untagged(.expunge(SequenceNumber(3)))]),
    ParseFixture("* FLAGS (\\Answered \\Flagged \\Deleted \\Seen \\Draft $Forwarded)\r\n", [
        .untagged(.flags([.answered, .flagged, .deleted, .seen, .draft, Flag("$Forwarded")]))]),
    ParseFixture("* OK [PERMANENTFLAGS (\\Seen \\*)] Flags permitted.\r\n", [
        .untagged(.ok(ResponseText(code: .permanentFlags([.seen, .wildcard]), text: "Flags permitted.")))]),
    ParseFixture("* OK [UIDVALIDITY 3857529045] UIDs valid\r\n* OK [UIDNEXT 4392] next\r\n* OK [HIGHESTMODSEQ 715194045007]\r\n", [
        .untagged(.ok(ResponseText(code: .uidValidity(UIDValidity(3857529045)), text: "UIDs valid"))),
        .untagged(.ok(ResponseText(code: .uidNext(UID(4392)), text: "next"))),
        .untagged(.ok(ResponseText(code: .highestModSeq(ModSequence(715194045007)), text: "")))]),
    ParseFixture("* LIST (\\HasNoChildren \\Sent) \"/\" Sent\r\n", [
        .untagged(.list(MailboxListEntry(attributes: [.hasNoChildren, .sent], delimiter: "/", mailbox: MailboxName("Sent"))))]),
    ParseFixture("* LIST (\\Noselect) NIL \"\"\r\n", [
        .untagged(.list(MailboxListEntry(attributes: [.noselect], delimiter: nil, mailbox: MailboxName(""))))]),
    ParseFixture("* LIST () \".\" \"Entw&APw-rfe\"\r\n", [
        .untagged(.list(MailboxListEntry(attributes: [], delimiter: ".", mailbox: MailboxName("Entwürfe"))))]),
    ParseFixture("* LIST () \"\\\\\" {7}\r\nfoo bar\r\n", [
        .untagged(.list(MailboxListEntry(attributes: [], delimiter: "\\", mailbox: MailboxName("foo bar"))))]),
    ParseFixture("* LSUB () \"/\" INBOX\r\n", [
        .untagged(.lsub(MailboxListEntry(attributes: [], delimiter: "/", mailbox: .inbox)))]),
    ParseFixture("* LIST (\\HasChildren) \"/\" users (\"CHILDINFO\" (\"SUBSCRIBED\"))\r\n", [
        .untagged(.list(MailboxListEntry(attributes: [.hasChildren], delimiter: "/", mailbox: MailboxName("users"))))]),
    ParseFixture("* STATUS INBOX (MESSAGES 231 UIDNEXT 44292 UIDVALIDITY 1 HIGHESTMODSEQ 9)\r\n", [
        .untagged(.status(.inbox, [.messages: 231, .uidNext: 44292, .uidValidity: 1, .highestModSeq: 9]))]),
    ParseFixture("* SEARCH 2 84 882\r\n* SEARCH\r\n* SEARCH 1 3 (MODSEQ 917162500)\r\n", [
        .untagged(.search([2, 84, 882], nil)), .untagged(.search([], nil)),
        .untagged(.search([1, 3], ModSequence(917162500)))]),
    ParseFixture("* ID (\"name\" \"Dovecot\" \"version\" NIL)\r\n* ID NIL\r\n", [
        .untagged(.id(["name": "Dovecot", "version": ""])), .untagged(.id([:]))]),
    ParseFixture("* ENABLED CONDSTORE\r\n", [.untagged(.enabled([.condStore]))]),
    ParseFixture("* NAMESPACE ((\"\" \"/\")) NIL ((\"users/\" \"/\"))\r\n", [
        .untagged(.other("NAMESPACE", "((\"\" \"/\")) NIL ((\"users/\" \"/\"))"))]),
    ParseFixture("* 12 FETCH (UID 7 FLAGS (\\Seen) INTERNALDATE \"01-Jan-2020 10:00:00 +0000\" RFC822.SIZE 44 MODSEQ (12))\r\n", [
        .fetch(.start(SequenceNumber(12))), .fetch(.attribute(.uid(UID(7)))), .fetch(.attribute(.flags([.seen]))),
        .fetch(.attribute(.internalDate(date2020))), .fetch(.attribute(.rfc822Size(44))),
        .fetch(.attribute(.modSequence(ModSequence(12)))), .fetch(.finish)]),
    ParseFixture("* 1 FETCH (UID 3 BODY[] {11}\r\nHello\r\nBye!)\r\n", [
        .fetch(.start(SequenceNumber(1))), .fetch(.attribute(.uid(UID(3)))),
        .fetch(.bodyBegin(section: "BODY[]", size: 11)), .fetch(.bodyBytes(ArraySlice("Hello\r\nBye!".utf8))),
        .fetch(.bodyEnd), .fetch(.finish)]),
    ParseFixture("* 2 FETCH (BINARY[] ~{3}\r\na\0b UID 9)\r\n", [
        .fetch(.start(SequenceNumber(2))), .fetch(.bodyBegin(section: "BINARY[]", size: 3)),
        .fetch(.bodyBytes([97, 0, 98])), .fetch(.bodyEnd), .fetch(.attribute(.uid(UID(9)))), .fetch(.finish)]),
    ParseFixture("* 3 FETCH (BODY[HEADER.FIELDS (MESSAGE-ID)] \"x\" BODY[]<0> NIL)\r\n", [
        .fetch(.start(SequenceNumber(3))), .fetch(.bodyBegin(section: "BODY[HEADER.FIELDS (MESSAGE-ID)]", size: 1)),
        .fetch(.bodyBytes(ArraySlice("x".utf8))), .fetch(.bodyEnd),
        .fetch(.bodyBegin(section: "BODY[]<0>", size: 0)), .fetch(.bodyEnd), .fetch(.finish)]),
    ParseFixture("* 4 FETCH (BODY[] {0}\r\n)\r\n", [
        .fetch(.start(SequenceNumber(4))), .fetch(.bodyBegin(section: "BODY[]", size: 0)), .fetch(.bodyEnd), .fetch(.finish)]),
    ParseFixture("* 5 FETCH (X-GUID abc ENVELOPE (NIL \"subj\" ((NIL NIL \"a\" \"b.c\")) NIL))\r\n", [
        .fetch(.start(SequenceNumber(5))), .fetch(.attribute(.other("X-GUID", "abc"))),
        .fetch(.attribute(.other("ENVELOPE", "(NIL \"subj\" ((NIL NIL \"a\" \"b.c\")) NIL)"))), .fetch(.finish)]),
    // IDLE's continuation, COMPRESS advertised, QRESYNC's VANISHED.
    ParseFixture("+ idling\r\n", [.continuation("idling")]),
    ParseFixture("* CAPABILITY IMAP4rev1 IDLE COMPRESS=DEFLATE QRESYNC\r\n", [
        .untagged(.capability([.imap4rev1, .idle, .compressDeflate, .qresync]))]),
    ParseFixture("* VANISHED (EARLIER) 41,43:116,118,120:211,214:540\r\n", [
        .untagged(.vanished(earlier: true, UIDSet(wire: "41,43:116,118,120:211,214:540")!))]),
    ParseFixture("* VANISHED 405,407,410,425\r\n* VANISHED 9:7 \r\n", [
        .untagged(.vanished(earlier: false, UIDSet([UID(405), UID(407), UID(410), UID(425)]))),
        .untagged(.vanished(earlier: false, UIDSet(UID(7)...UID(9))))]),
    ParseFixture("* 6 FETCH (FLAGS ())\r\n", [
        .fetch(.start(SequenceNumber(6))), .fetch(.attribute(.flags([]))), .fetch(.finish)]),
]

@Suite struct ParserFixtureTests {
    @Test(arguments: parseFixtures)
    func parsesAllAtOnce(_ fixture: ParseFixture) throws {
        #expect(try parseEvents(Array(fixture.wire.utf8)) == fixture.expected)
    }

    @Test(arguments: parseFixtures)
    func parsesByteByByte(_ fixture: ParseFixture) throws {
        #expect(try parseEvents(Array(fixture.wire.utf8), chunk: 1) == fixture.expected)
    }

    @Test func wholeTranscriptSameInAnyChunking() throws {
        let all = parseFixtures.map(\.wire).joined()
        let expected = parseFixtures.flatMap(\.expected)
        for chunk in [1, 2, 3, 7, 64, 1000] {
            #expect(try parseEvents(Array(all.utf8), chunk: chunk) == expected, "chunk \(chunk)")
        }
    }

    @Test func incompleteInputYieldsNothingYet() throws {
        for partial in ["* 12 EXIS", "A1 OK [READ-WRITE", "* 1 FETCH (UID 3 BODY[] {11}\r\nHel", "* LIST () \"/\" {7}\r\nfoo"] {
            var parser = ResponseParser()
            parser.append(Array(partial.utf8))
            var events: [ResponseEvent] = []
            while let e = try parser.next() { events.append(e) }
            #expect(!parser.isAtResponseBoundary, "\(partial)")
            // Nothing complete except FETCH prefix events.
            #expect(!events.contains { if case .tagged = $0 { return true }; if case .untagged = $0 { return true }; return false })
        }
    }

    @Test(arguments: [
        "* 1 FETCH UID 3)\r\n", "A1 MAYBE done\r\n", "* 1 FETCH (UID x)\r\n", "(oops)\r\n",
        "* 1 FETCH (INTERNALDATE \"yesterday\")\r\n", "* LIST (\\X) \"ab\" INBOX\r\n", "* 99999999999 EXISTS\r\n",
        "* STATUS INBOX (MESSAGES x)\r\n", "A1 OK [UIDNEXT abc] x\r\n",
        "* VANISHED (LATER) 1\r\n", "* VANISHED (EARLIER)\r\n", "* VANISHED 1:*\r\n", "* VANISHED 0\r\n",
        "* VANISHED\r\n", "* VANISHED 3,,4\r\n",
    ])
    func malformedIsTypedError(_ wire: String) {
        #expect(throws: IMAPParseError.self) { _ = try parseEvents(Array(wire.utf8)) }
    }

    @Test func errorIsSticky() throws {
        var parser = ResponseParser()
        parser.append(Array("A1 MAYBE\r\n* OK fine\r\n".utf8))
        #expect(throws: IMAPParseError.self) { _ = try parser.next() }
        #expect(throws: IMAPParseError.self) { _ = try parser.next() }
    }

    @Test func limitsAreEnforced() {
        var small = ParserLimits()
        small.maxBodyBytes = 100
        small.maxDepth = 4
        small.maxFetchAttributes = 3
        small.maxResponseBytes = 1000
        small.maxListItems = 5
        let cases: [(String, ParserLimit)] = [
            ("* 1 FETCH (BODY[] {101}\r\n", .bodyBytes),
            ("* 1 FETCH (ENVELOPE (((((x))))))\r\n", .depth),
            ("* 1 FETCH (UID 1 UID 2 UID 3 UID 4)\r\n", .fetchAttributes),
            ("* LIST () \"/\" {5000}\r\n", .responseBytes),
            ("* SEARCH 1 2 3 4 5 6 7\r\n", .listItems),
            ("* OK " + String(repeating: "x", count: 2000), .responseBytes),
        ]
        for (wire, limit) in cases {
            #expect(throws: IMAPParseError.limitExceeded(limit), "\(wire.prefix(30))") {
                _ = try parseEvents(Array(wire.utf8), limits: small)
            }
        }
    }

    @Test func bodyStreamsWithoutBufferingWhole() throws {
        // 1 MB body fed in 4 KB reads: the parser never holds more than a read's worth.
        var parser = ResponseParser()
        let size = 1 << 20
        parser.append(Array("* 1 FETCH (BODY[] {\(size)}\r\n".utf8))
        var received = 0, maxBuffered = 0
        let chunk = [UInt8](repeating: 65, count: 4096)
        while let e = try parser.next() { _ = e }
        for _ in 0..<(size / 4096) {
            parser.append(chunk)
            maxBuffered = max(maxBuffered, parser.bufferedByteCount)
            while let e = try parser.next() { if case .fetch(.bodyBytes(let b)) = e { received += b.count } }
        }
        parser.append(Array(")\r\n".utf8))
        var finished = false
        while let e = try parser.next() { if case .fetch(.finish) = e { finished = true } }
        #expect(received == size)
        #expect(finished)
        #expect(maxBuffered <= 4096)
    }
}
