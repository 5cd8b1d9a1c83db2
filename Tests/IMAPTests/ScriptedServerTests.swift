import Testing
@testable import IMAP

/// Server behaviour Dovecot will not show on demand, played by a scripted peer: untagged responses at any time,
/// BYE in the middle of a session, NO/BAD with response codes.
@Suite("Scripted server")
struct ScriptedServerTests {
    func connect(_ script: String, close: Bool = false) throws -> (IMAPConnection, FaultProxy) {
        let proxy = FaultProxy(upstreamPort: 1, fault: .script(Array(script.utf8), close: close))
        // Generous: with every suite running in parallel on a loaded machine, the proxy thread can start late.
        let options = ConnectionOptions(security: .none, connectTimeout: .seconds(30), readTimeout: .seconds(30))
        do {
            return (try IMAPConnection.connect(host: "127.0.0.1", port: proxy.port, options: options), proxy)
        } catch {
            proxy.stop()
            throw error
        }
    }

    static let greeting = "* OK [CAPABILITY IMAP4rev1 AUTH=PLAIN] scripted\r\n"

    @Test func untaggedExpungeAndExistsDuringFetch() throws {
        let script = Self.greeting
            + "A1 OK [CAPABILITY IMAP4rev1 UIDPLUS] logged in\r\n"
            + "* 3 EXISTS\r\n* OK [UIDVALIDITY 7] ok\r\n* OK [UIDNEXT 13] ok\r\nA2 OK [READ-ONLY] examined\r\n"
            + "* 1 FETCH (UID 10 BODY[] {3}\r\nabc)\r\n* 2 EXPUNGE\r\n* 4 EXISTS\r\n"
            + "* 2 FETCH (UID 12 FLAGS (\\Seen) BODY[] {4}\r\nwxyz)\r\nA3 OK fetched\r\n"
        let (c, proxy) = try connect(script)
        defer { c.close(); proxy.stop() }
        try c.login(user: "u", password: "p")
        #expect(c.capabilities.contains(.uidPlus))
        let selected = try c.examine(.inbox)
        #expect(selected.exists == 3 && selected.uidValidity == UIDValidity(7) && selected.uidNext == UID(13))
        #expect(selected.readOnly)
        let messages = try c.uidFetchMessages(.all, items: [.uid, .bodyPeek])
        #expect(messages.map(\.uid) == [UID(10), UID(12)])
        #expect(messages.map(\.body) == [Array("abc".utf8), Array("wxyz".utf8)])
        #expect(c.selected?.exists == 4, "EXPUNGE then EXISTS 4 during the FETCH")
    }

    @Test func byeMidSessionIsReportedWhenTheServerCloses() throws {
        let (c, proxy) = try connect(Self.greeting + "* BYE Autologout; idle for too long\r\n", close: true)
        defer { c.close(); proxy.stop() }
        #expect(throws: IMAPError.connectionClosed(bye: "Autologout; idle for too long")) {
            try c.login(user: "u", password: "p")
        }
    }

    @Test func noAndBadCarryResponseCodes() throws {
        let script = Self.greeting + "A1 OK [CAPABILITY IMAP4rev1] hi\r\nA2 NO [TRYCREATE] Mailbox doesn't exist: Foo\r\n"
            + "A3 BAD [PARSE] Error in IMAP command\r\nA4 NO [OVERQUOTA] Quota exceeded\r\n"
        let (c, proxy) = try connect(script)
        defer { c.close(); proxy.stop() }
        try c.login(user: "u", password: "p")
        #expect(throws: IMAPError.commandFailed(command: "APPEND", status: .no, code: .tryCreate,
                                                 text: "Mailbox doesn't exist: Foo")) {
            try c.append(AppendMessage(bytes: Array("x\r\n".utf8)), to: MailboxName("Foo"))
        }
        #expect(throws: IMAPError.commandFailed(command: "UID SEARCH", status: .bad, code: .parse,
                                                 text: "Error in IMAP command")) {
            try c.uidSearch("ALL")
        }
        #expect(throws: IMAPError.commandFailed(command: "CREATE", status: .no, code: .other("OVERQUOTA", nil),
                                                 text: "Quota exceeded")) {
            try c.create(MailboxName("X"))
        }
    }

    @Test func synchronisingLiteralWaitsForContinuation() throws {
        // No LITERAL+: the password literal must wait for "+"; a NO instead of "+" stops the command cleanly.
        let script = Self.greeting + "+ go ahead\r\nA1 OK [CAPABILITY IMAP4rev1] logged in\r\nA2 NO [CANNOT] refused\r\n"
        let (c, proxy) = try connect(script)
        defer { c.close(); proxy.stop() }
        try c.login(user: "chris", password: "Pässwörd")
        #expect {
            try c.login(user: "chris", password: "Pässwörd")
        } throws: { error in
            if case IMAPError.commandFailed("LOGIN", .no, .other("CANNOT", nil)?, _) = error { return true }
            return false
        }
    }

    @Test func byeGreetingIsConnectionClosed() {
        #expect(throws: IMAPError.connectionClosed(bye: "Too many connections")) {
            _ = try connect("* BYE Too many connections\r\n")
        }
    }

    @Test func vanishedNowLowersExistsEarlierDoesNot() throws {
        let stream = ScriptedStream("* 10 EXISTS\r\nA1 OK [READ-ONLY] examined\r\n"
            + "* VANISHED (EARLIER) 1:5\r\n* VANISHED 7,9:10\r\nA2 OK done\r\n")
        let c = IMAPConnection(host: "scripted", port: 143, options: ConnectionOptions(), stream: stream)
        _ = try c.examine(.inbox)
        var vanished: [UntaggedResponse] = []
        try c.execute(Command("NOOP")) { if case .untagged(let u) = $0 { vanished.append(u) } }
        #expect(vanished == [.vanished(earlier: true, UIDSet(UID(1)...UID(5))),
                             .vanished(earlier: false, UIDSet([UID(7), UID(9), UID(10)]))])
        #expect(c.selected?.exists == 7)
    }
}
