import Foundation
import Testing
@testable import IMAP

/// A mailbox name no other test uses.
func uniqueMailbox(_ prefix: String) -> MailboxName {
    MailboxName("\(prefix)-\(UInt32.random(in: 0...UInt32.max))")
}

func sampleMessage(_ subject: String, bodyLines: Int = 3) -> [UInt8] {
    var text = "From: Terry Adams <terry.adams@contoso-students.edu>\r\nTo: ann.beebe@contoso-students.edu\r\n"
    text += "Subject: \(subject)\r\nMessage-ID: <\(UUID().uuidString)@test>\r\n"
    text += "Content-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n"
    for i in 0..<bodyLines { text += "Zeile \(i): Grüße aus Köln – ünïcödé\r\n" }
    return Array(text.utf8)
}

@Suite("Dovecot: login and mailboxes")
struct DovecotSessionTests {
    let server = TestDovecot.shared

    @Test(arguments: 1...5)
    func loginWithEveryPasswordShape(_ n: Int) throws {
        let c = try server.login(n)
        defer { c.logout() }
        #expect(c.capabilities.contains(.imap4rev1))
        // Capabilities after login come from the server's OK and include the extensions the engine needs.
        for cap in [Capability.uidPlus, .condStore, .literalPlus, .multiAppend, .specialUse] {
            #expect(c.capabilities.contains(cap), "\(cap)")
        }
    }

    @Test func wrongPasswordIsTypedError() throws {
        let c = try IMAPConnection.connect(host: server.host, port: server.plainPort, options: server.options())
        defer { c.logout() }
        #expect {
            try c.login(user: server.user(1).name, password: "wrong")
        } throws: { error in
            guard case IMAPError.commandFailed("LOGIN", .no, .authenticationFailed?, _) = error else { return false }
            return true
        }
    }

    @Test func masterUserLoginOpensTheUsersMailbox() throws {
        let user = server.user(1).name
        let c = try IMAPConnection.connect(host: server.host, port: server.plainPort, options: server.options())
        defer { c.logout() }
        try c.login(user: "\(user)*\(server.masterUser)", password: server.masterPassword)
        let names = try c.list().map(\.mailbox.name)
        #expect(names.contains("INBOX"))
        #expect(!names.contains { $0.hasPrefix("users/") }, "the user's own view has no users/ tree")
    }

    @Test func authenticatePlainWithAuthorizationIdentity() throws {
        let c = try IMAPConnection.connect(host: server.host, port: server.plainPort, options: server.options())
        defer { c.logout() }
        try c.authenticatePlain(authorizationIdentity: server.user(2).name,
                                authenticationIdentity: server.masterUser, password: server.masterPassword)
        #expect(try c.select(.inbox).uidValidity != nil)
        #expect {
            try IMAPConnection.connect(host: server.host, port: server.plainPort, options: server.options())
                .authenticatePlain(authorizationIdentity: server.user(2).name,
                                   authenticationIdentity: server.masterUser, password: "nope")
        } throws: { error in
            if case IMAPError.commandFailed("AUTHENTICATE", .no, _, _) = error { return true }
            return false
        }
    }

    @Test func sharedNamespaceListsEveryUsersFolders() throws {
        let owner = try server.login(4)
        let folder = uniqueMailbox("Projekt")
        try owner.create(folder)
        try owner.select(.inbox)
        owner.logout()
        let admin = try IMAPConnection.connect(host: server.host, port: server.plainPort, options: server.options())
        defer { admin.logout() }
        try admin.login(user: server.masterUser, password: server.masterPassword)
        let root = "users/\(server.user(4).name)/"
        let entries = try admin.list(reference: "", pattern: root + "*")
        let names = Set(entries.map(\.mailbox.name))
        #expect(names.contains(root + "INBOX"))
        #expect(names.contains(root + folder.name))
        #expect(entries.allSatisfy { $0.delimiter == "/" })
        let examined = try admin.examine(MailboxName(root + "INBOX"))
        #expect(examined.readOnly)
    }

    @Test func listReportsSpecialUseAndDelimiter() throws {
        let c = try server.login(1)
        defer { c.logout() }
        let entries = try c.list()
        let roles = Dictionary(entries.compactMap { e in e.specialUse.map { ($0, e.mailbox.name) } }, uniquingKeysWith: { a, _ in a })
        #expect(roles[.sent] == "Sent")
        #expect(roles[.trash] == "Trash")
        #expect(roles[.drafts] == "Drafts")
        #expect(roles[.junk] == "Junk")
        #expect(roles[.archive] == "Archive")
        #expect(try c.lsub().contains { $0.mailbox.name == "Sent" })
    }

    @Test func nonASCIIMailboxNamesRoundTrip() throws {
        let c = try server.login(1)
        defer { c.logout() }
        let name = MailboxName("Entwürfe & Été \(UInt16.random(in: 0...9999))/日本語")
        try c.create(name)
        let listed = try c.list(reference: "", pattern: "Entw*")
        #expect(listed.contains { $0.mailbox == name && $0.mailbox.name == name.name })
        #expect(String(decoding: name.wire, as: UTF8.self).contains("&-"))
    }

    @Test func idAndNoop() throws {
        let c = try server.login(1)
        defer { c.logout() }
        let fields = try c.id([("name", "migsh"), ("version", "0.1")])
        #expect(fields["name"] == "Dovecot")
        try c.noop()
    }

    @Test func selectStatusAndSearch() throws {
        let c = try server.login(5)
        defer { c.logout() }
        let box = uniqueMailbox("Status")
        try c.create(box)
        let appended = try c.append([AppendMessage(bytes: sampleMessage("a")), AppendMessage(bytes: sampleMessage("b"))], to: box)
        let status = try c.status(box, items: [.messages, .uidNext, .uidValidity, .highestModSeq])
        #expect(status.messages == 2)
        #expect(status.uidValidity == appended.uidValidity)
        #expect(status.uidNext == UID(appended.uids.last!.rawValue + 1))
        let selected = try c.select(box, condstore: true)
        #expect(selected.exists == 2)
        #expect(selected.uidValidity == appended.uidValidity)
        #expect(selected.highestModSeq != nil)
        #expect(try c.uidSearch("ALL") == appended.uids)
    }

    @Test func appendThenFetchRoundTripsBytesFlagsAndDate() throws {
        let c = try server.login(1)
        defer { c.logout() }
        let box = uniqueMailbox("RoundTrip")
        try c.create(box)
        let bytes = sampleMessage("round trip", bodyLines: 2000)  // ~100 KB, 8-bit
        let date = InternalDate(wire: "17-Jul-1996 02:44:25 -0700")!
        let flags = [Flag.seen, .flagged, Flag("$Forwarded")]
        let result = try c.append(AppendMessage(bytes: bytes, flags: flags, internalDate: date), to: box)
        #expect(result.uids.count == 1)
        try c.examine(box)
        let messages = try c.uidFetchMessages(UIDSet(result.uids), items: [.uid, .flags, .internalDate, .rfc822Size, .bodyPeek])
        let m = try #require(messages.first)
        #expect(messages.count == 1)
        #expect(m.uid == result.uids[0])
        // \Recent is the server's own session flag, not one we stored.
        #expect(Set(m.flags ?? []).subtracting([.recent]) == Set(flags))
        // Maildir keeps the instant, not the zone it was given in.
        #expect(m.internalDate?.secondsSinceEpoch == date.secondsSinceEpoch)
        #expect(date.description == "17-Jul-1996 02:44:25 -0700")
        #expect(m.size == UInt64(bytes.count))
        #expect(m.body == bytes)
    }

    @Test func multiAppendAssignsUIDsInOrder() throws {
        let c = try server.login(1)
        defer { c.logout() }
        let box = uniqueMailbox("Multi")
        try c.create(box)
        let messages = (0..<5).map { AppendMessage(bytes: sampleMessage("m\($0)"), flags: $0 % 2 == 0 ? [.seen] : []) }
        let result = try c.append(messages, to: box)
        #expect(result.uids.count == 5)
        #expect(result.uids == result.uids.sorted())
        try c.examine(box)
        let fetched = try c.uidFetchMessages(.all, items: [.uid, .bodyPeek])
        #expect(fetched.map(\.body) == messages.map(\.bytes))
    }

    @Test func condstoreChangedSinceReturnsOnlyChangedMessages() throws {
        let c = try server.login(1)
        defer { c.logout() }
        let box = uniqueMailbox("Condstore")
        try c.create(box)
        let uids = try c.append((0..<4).map { AppendMessage(bytes: sampleMessage("c\($0)")) }, to: box).uids
        let before = try c.select(box, condstore: true)
        let since = try #require(before.highestModSeq)
        try c.uidStore(UIDSet([uids[2]]), .add, flags: [.flagged])
        let changed = try c.uidFetchMessages(.all, items: [.uid, .flags, .modSequence], changedSince: since)
        #expect(changed.map(\.uid) == [uids[2]])
        #expect(changed.first?.flags?.contains(.flagged) == true)
        #expect((changed.first?.modSequence ?? since) > since)
        #expect(try c.status(box, items: [.highestModSeq]).highestModSeq ?? since > since)
    }

    @Test func pipelinedRangeFetchDeliversEverythingInOrder() throws {
        let c = try server.login(5)
        defer { c.logout() }
        let box = uniqueMailbox("Pipeline")
        try c.create(box)
        let bodies = (0..<23).map { sampleMessage("p\($0)", bodyLines: $0 * 10) }
        let uids = try c.append(bodies.map { AppendMessage(bytes: $0) }, to: box).uids
        try c.examine(box)
        var collector = FetchCollector()
        let ranges = UIDSet(uids).chunked(maxCount: 3)
        #expect(ranges.count == 8)
        try c.uidFetchPipelined(ranges, items: [.uid, .bodyPeek], depth: 4) { collector.consume($0) }
        #expect(collector.messages.map(\.uid) == uids.map { Optional($0) })
        #expect(collector.messages.map(\.body) == bodies.map { Optional($0) })
    }

    @Test func untaggedExistsFromAnotherSessionUpdatesState() throws {
        let reader = try server.login(4)
        defer { reader.logout() }
        let box = uniqueMailbox("Live")
        try reader.create(box)
        try reader.select(box)
        #expect(reader.selected?.exists == 0)
        let writer = try server.login(4)
        try writer.append(AppendMessage(bytes: sampleMessage("live")), to: box)
        writer.logout()
        var sawExists = false
        try reader.noop { if case .untagged(.exists(1)) = $0 { sawExists = true } }
        #expect(sawExists)
        #expect(reader.selected?.exists == 1)
    }

    @Test func selectingMissingMailboxIsTypedNo() throws {
        let c = try server.login(1)
        defer { c.logout() }
        #expect {
            try c.select(MailboxName("Does/Not/Exist"))
        } throws: { error in
            if case IMAPError.commandFailed("SELECT", .no, _, _) = error { return true }
            return false
        }
        #expect(c.selected == nil)
    }
}
