import Foundation
import Testing
@testable import IMAP

/// APPEND with the message streamed from a file or chunk source, against the private Dovecot (which offers
/// BINARY, LITERAL+ and MULTIAPPEND).
@Suite("Dovecot: streamed APPEND")
struct StreamedAppendTests {
    let server = TestDovecot.shared

    func temporaryFile(_ bytes: [UInt8]) throws -> String {
        let path = NSTemporaryDirectory() + "migsh-append-\(UUID().uuidString).eml"
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        return path
    }

    /// The bytes of `item` (BODY.PEEK[] or BINARY.PEEK[]) of `uid`, collected from the streamed chunks.
    func fetch(_ c: IMAPConnection, _ uid: UID, _ item: FetchItem) throws -> [UInt8] {
        var bytes: [UInt8] = []
        try c.uidFetch(UIDSet([uid]), items: [item]) { if case .bodyBytes(let b) = $0 { bytes += b } }
        return bytes
    }

    /// A part declared binary, with NUL, CR/LF-free runs and 8-bit bytes.
    static let binaryMessage: [UInt8] = Array(("Subject: binary part\r\nMIME-Version: 1.0\r\n"
        + "Content-Type: application/octet-stream\r\nContent-Transfer-Encoding: binary\r\n\r\n").utf8)
        + (0..<4096).map { UInt8(truncatingIfNeeded: $0 &* 7) } + [13, 10]

    @Test func fileWithNULGoesAsLiteral8AndRoundTripsByteForByte() throws {
        let path = try temporaryFile(Self.binaryMessage)
        defer { unlink(path) }
        let message = try StreamedAppendMessage.file(path, flags: [.seen], chunkSize: 1000)
        #expect(message.mayContainNUL && message.size == Self.binaryMessage.count)
        let c = try server.login(4)
        defer { c.logout() }
        #expect(c.capabilities.contains(.binary))
        let box = uniqueMailbox("Binary")
        try c.create(box)
        let result = try c.append(message, to: box)
        let uid = try #require(result.uids.first)
        _ = try c.examine(box)
        #expect(try fetch(c, uid, .binaryPeek) == Self.binaryMessage)
        // Sent as literal8, Dovecot keeps the binary part decodable: BODY[] shows it re-encoded as base64
        // (a normal literal would have given NUL bytes there, which IMAP text cannot carry).
        let body = String(decoding: try fetch(c, uid, .bodyPeek), as: UTF8.self)
        #expect(body.contains("Content-Transfer-Encoding: base64"))
        #expect(try c.uidFetchMessages(UIDSet([uid]), items: [.flags]).first?.flags?.contains(.seen) == true)
    }

    @Test func eightBitWithoutNULGoesAsNormalLiteralUnchanged() throws {
        let bytes = sampleMessage("8-bit streamed", bodyLines: 50)
        let path = try temporaryFile(bytes)
        defer { unlink(path) }
        let message = try StreamedAppendMessage.file(path, internalDate: date2020)
        #expect(!message.mayContainNUL)
        let c = try server.login(4)
        defer { c.logout() }
        let box = uniqueMailbox("EightBit")
        try c.create(box)
        let uid = try #require(try c.append(message, to: box).uids.first)
        _ = try c.examine(box)
        #expect(try fetch(c, uid, .bodyPeek) == bytes)
        #expect(try c.uidFetchMessages(UIDSet([uid]), items: [.internalDate]).first?.internalDate == date2020)
    }

    /// 24 MB streamed from a file in 256 KB chunks and read back streamed (plain, and over TLS where the reader
    /// sleeps until much of the literal has arrived): identical, chunk by chunk.
    @Test(arguments: [Security.none, .ssl])
    func largeMessageRoundTrip(security: Security) throws {
        let head = Array("Subject: large\r\nContent-Type: text/plain\r\n\r\n".utf8)
        let line = Array("0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ-large-message-line\r\n".utf8)
        var bytes = head
        bytes.reserveCapacity(24 << 20)
        while bytes.count < 24 << 20 { bytes += line }
        let path = try temporaryFile(bytes)
        defer { unlink(path) }
        let c = try IMAPConnection.connect(host: server.host, port: security == .ssl ? server.tlsPort : server.plainPort,
                                           options: server.options(security, timeout: .seconds(60)))
        defer { c.logout() }
        try c.login(user: server.user(4).name, password: server.user(4).password)
        let box = uniqueMailbox("Large")
        try c.create(box)
        let uid = try #require(try c.append(try StreamedAppendMessage.file(path, mayContainNUL: false), to: box).uids.first)
        _ = try c.examine(box)
        var offset = 0, mismatch = false
        try c.uidFetch(UIDSet([uid]), items: [.bodyPeek]) { event in
            guard case .bodyBytes(let chunk) = event else { return }
            let end = offset + chunk.count
            mismatch = mismatch || end > bytes.count || memcmp(chunk.withUnsafeBytes { $0.baseAddress! },
                                                                bytes.withUnsafeBytes { $0.baseAddress! + offset }, chunk.count) != 0
            offset = end
        }
        #expect(offset == bytes.count && !mismatch)
    }

    @Test func streamedMessagesUseOneMultiAppend() throws {
        let messages = (0..<3).map { StreamedAppendMessage(AppendMessage(bytes: sampleMessage("multi \($0)")), chunkSize: 7) }
        let c = try server.login(4)
        defer { c.logout() }
        let box = uniqueMailbox("MultiStream")
        try c.create(box)
        let result = try c.append(streamed: messages, to: box)
        #expect(result.uids.count == 3)
        #expect(try c.status(box, items: [.messages]).messages == 3)
    }

    struct SourceFailed: Error, Equatable {}

    @Test func failingSourceEndsTheAppendAndClosesTheConnection() throws {
        var calls = 0
        let message = StreamedAppendMessage(size: 1000, mayContainNUL: false) {
            calls += 1
            if calls > 1 { throw SourceFailed() }
            return ArraySlice(Array("Subject: cut\r\n\r\n".utf8))
        }
        let c = try server.login(4)
        defer { c.close() }
        #expect(throws: SourceFailed()) { try c.append(message, to: .inbox) }
        #expect(throws: IMAPError.self) { try c.noop() }
    }

    @Test func sourceShorterThanAnnouncedIsAUsageError() throws {
        var done = false
        let message = StreamedAppendMessage(size: 100, mayContainNUL: false) {
            defer { done = true }
            return done ? nil : ArraySlice(Array("Subject: short\r\n\r\n".utf8))
        }
        let c = try server.login(4)
        defer { c.close() }
        #expect { try c.append(message, to: .inbox) } throws: { error in
            guard case IMAPError.usage(let text) = error else { return false }
            return text.contains("gave 18 of its announced 100 bytes")
        }
    }
}
