// The Maildir driver's group commit (one file-system flush for the data of all new files, one for their
// names) and its buffered writer: whatever the grouping, every message lands whole, dated and named.
import Testing
@testable import Engine

@Suite struct MaildirGroupCommitTests {
    /// A body of `count` bytes that differs at every offset modulo 251, so a misplaced chunk shows.
    static func body(_ count: Int, seed: Int) -> [UInt8] { (0..<count).map { UInt8(truncatingIfNeeded: ($0 + seed) % 251) } }

    /// Writes `body` in chunks of `chunk` bytes, as body bytes arrive from a server.
    static func put(_ f: any MailFolder, _ body: [UInt8], chunk: Int, date: Int64, flags: MessageFlags = MessageFlags()) throws -> MessageUID? {
        let w = try f.beginMessage(NewMessage(flags: flags, internalDate: InternalDate(secondsSince1970: date), size: body.count))
        try body.withUnsafeBytes { raw in
            var i = 0
            while i < raw.count {
                try w.write(UnsafeRawBufferPointer(rebasing: raw[i..<min(raw.count, i + chunk)]))
                i += chunk
            }
        }
        return try w.finish().uid
    }

    @Test func oneCommitOfManyMessagesInTwoFoldersCostsTwoFlushesAndKeepsEveryByte() throws {
        let dir = TempDir(); defer { dir.remove() }
        let store = try MaildirStore(root: dir.path)
        try store.createFolder(FolderPath(["Sent"]))
        // Sizes around the writer's buffer: empty, tiny, exactly one buffer, one byte over, several buffers.
        let size = WriteBuffers.size
        let sizes = [0, 1, 4095, 4097, size - 1, size, size + 1, 3 * size + 12_345, 40_000]
        var expected: [(FolderPath, MessageUID, [UInt8], Int64)] = []
        for (i, n) in sizes.enumerated() {
            let path = i % 2 == 0 ? FolderPath.inbox : FolderPath(["Sent"])
            let f = try store.openFolder(path)
            let b = Self.body(n, seed: i)
            let date = Int64(1_500_000_000 + i * 86_400)
            let uid = try #require(try Self.put(f, b, chunk: 7_001, date: date, flags: MessageFlags(imapFlags: ["\\Seen", "Work"])))
            expected.append((path, uid, b, date))
        }
        let before = store.flushCount
        try store.commit()
        #expect(store.flushCount - before == 2, "one flush for the data, one for the names")
        try store.commit()
        #expect(store.flushCount - before == 2, "nothing pending: no flush")
        #expect(Posix.listDirectory(dir.path + "/tmp").isEmpty && Posix.listDirectory(dir.path + "/.Sent/tmp").isEmpty)

        // Read back through a fresh store, as a resumed process would.
        let again = try MaildirStore(root: dir.path, create: false)
        for (path, uid, b, date) in expected {
            let f = try again.openFolder(path)
            let meta = try #require(try f.listMessages(uids: uid ... uid, changedSince: nil).first)
            #expect(meta.size == b.count && meta.internalDate.secondsSince1970 == date)
            #expect(meta.flags == MessageFlags(imapFlags: ["\\Seen", "Work"]))
            #expect(try fetchAll(f, uid) == b, "message of \(b.count) bytes in \(path)")
        }
        let uidlist = try #require(DovecotUIDList(fileText: readText(dir.path + "/dovecot-uidlist") ?? ""))
        #expect(uidlist.uids.count == (sizes.count + 1) / 2)
    }

    @Test func cancelledAndUncommittedMessagesLeaveNothingBehind() throws {
        let dir = TempDir(); defer { dir.remove() }
        do {
            let store = try MaildirStore(root: dir.path)
            let f = try store.openFolder(.inbox)
            let w = try f.beginMessage(NewMessage(flags: MessageFlags(), internalDate: InternalDate(secondsSince1970: 1), size: 10))
            try Self.body(10, seed: 1).withUnsafeBytes { try w.write($0) }
            w.cancel()
            _ = try Self.put(f, Self.body(300_000, seed: 2), chunk: 16_384, date: 2)
            try store.commit()
            _ = try Self.put(f, Self.body(5, seed: 3), chunk: 5, date: 3)   // never committed
        }
        let store = try MaildirStore(root: dir.path)   // the writer's lock clears a crashed writer's tmp files
        let f = try store.openFolder(.inbox)
        #expect(try f.listMessages(uids: .min ... .max, changedSince: nil).map(\.size) == [300_000])
        #expect(Posix.listDirectory(dir.path + "/cur").count == 1)
    }
}
