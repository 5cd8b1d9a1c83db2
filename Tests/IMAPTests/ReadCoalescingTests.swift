import Testing
@testable import IMAP

/// While FETCH responses stream, reads wait a few milliseconds for bytes to gather (SO_RCVLOWAT). A reply
/// smaller than that mark must still arrive at once: the wait falls back to "any byte" after its window.
@Suite("Read coalescing")
struct ReadCoalescingTests {
    let server = TestDovecot.shared

    @Test(arguments: [Security.none, .ssl])
    func smallFetchesDoNotWaitForBytesThatNeverCome(security: Security) throws {
        let setup = try server.login(5)
        let box = uniqueMailbox("Coalesce")
        try setup.create(box)
        try setup.append((0..<3).map { AppendMessage(bytes: sampleMessage("small \($0)")) }, to: box)
        setup.logout()

        let c = try IMAPConnection.connect(host: server.host, port: security == .ssl ? server.tlsPort : server.plainPort,
                                           options: server.options(security, timeout: .seconds(20)))
        defer { c.logout() }
        try c.login(user: server.user(5).name, password: server.user(5).password)
        try c.examine(box)
        let uids = try c.uidSearch("ALL")
        let start = ContinuousClock.now
        var finished = 0
        for _ in 0..<20 {  // 20 round trips, each under 64 KB
            try c.uidFetch(UIDSet([uids[0]]), items: [.uid, .bodyPeek]) { if case .finish = $0 { finished += 1 } }
        }
        try c.uidFetchPipelined(uids.map { UIDSet([$0]) }, items: [.uid, .bodyPeek], depth: 2) {
            if case .finish = $0 { finished += 1 }
        }
        let took = ContinuousClock.now - start
        #expect(finished == 23)
        #expect(took < .seconds(3), "took \(took); each wait should end after a few milliseconds")
        // A command after the fetches reads normally again.
        try c.noop()
    }

    static func fetchReply(_ tag: String, uids: [Int], bodySize: Int = 100) -> String {
        uids.map { "* \($0) FETCH (UID \($0) BODY[] {\(bodySize)}\r\n" + String(repeating: "x", count: bodySize) + ")\r\n" }
            .joined() + "\(tag) OK done\r\n"
    }

    @Test func oneMessageAtATimeNeverWaitsToGather() throws {
        let stream = ScriptedStream(Self.fetchReply("A1", uids: [1]) + Self.fetchReply("A2", uids: [2]))
        let c = IMAPConnection(host: "scripted", port: 143, options: ConnectionOptions(), stream: stream)
        for uid in [1, 2] { try c.uidFetch(UIDSet([UID(UInt32(uid))]), items: [.bodyPeek]) { _ in } }
        #expect(!stream.hints.isEmpty && stream.hints.allSatisfy { !$0.coalescing })
    }

    @Test func gathersOnlyWhileMoreResponsesAreDue() throws {
        let stream = ScriptedStream(Self.fetchReply("A1", uids: [1, 2, 3]) + Self.fetchReply("A2", uids: [4]))
        let c = IMAPConnection(host: "scripted", port: 143, options: ConnectionOptions(), stream: stream)
        var finished = 0
        try c.uidFetchPipelined([UIDSet(UID(1)...UID(3)), UIDSet([UID(4)])], items: [.bodyPeek], depth: 2) {
            if case .finish = $0 { finished += 1 }
        }
        #expect(finished == 4)
        #expect(stream.hints.first?.coalescing == true, "4 responses due at the start")
        #expect(stream.hints.last?.coalescing == false, "only the last response was left")
        #expect(c.fetchResponsesDue == 0)
    }

    @Test func openEndedSetsHaveNoBound() {
        #expect(IMAPConnection.responseBound(UIDSet([UID(1), UID(2), UID(3), UID(7)])) == 4)
        #expect(IMAPConnection.responseBound(.all) == 0)
        #expect(IMAPConnection.responseBound(UIDSet.from(UID(9))) == 0)
    }
}
