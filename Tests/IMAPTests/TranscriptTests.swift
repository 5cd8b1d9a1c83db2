import Foundation
import Testing
@testable import IMAP

/// Server output captured from the test Dovecot (Transcripts/): parsed whole, byte by byte and line by line.
@Suite struct TranscriptTests {
    static func transcript(_ name: String) throws -> [UInt8] {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Transcripts/\(name)")
        return Array(try Data(contentsOf: url))
    }

    @Test func dovecotSessionSameInEveryChunking() throws {
        let bytes = try Self.transcript("dovecot-session.txt")
        let whole = try parseEvents(bytes)
        #expect(try parseEvents(bytes, chunk: 1) == whole)
        #expect(try parseEvents(bytes, chunk: 13) == whole)
        // Line by line.
        var parser = ResponseParser()
        var lineEvents: [ResponseEvent] = []
        var start = 0
        for (i, b) in bytes.enumerated() where b == UInt8(ascii: "\n") {
            parser.append(bytes[start...i])
            start = i + 1
            while let e = try parser.next() { lineEvents.append(e) }
        }
        #expect(mergeBodyChunks(lineEvents) == whole)
        #expect(parser.isAtResponseBoundary)
    }

    @Test func dovecotSessionContent() throws {
        let events = try parseEvents(try Self.transcript("dovecot-session.txt"))
        let tagged = events.compactMap { e -> TaggedResponse? in if case .tagged(let t) = e { return t }; return nil }
        #expect(tagged.map(\.tag) == (1...19).map { "A\($0)" })
        #expect(tagged.first { $0.tag == "A17" }?.status == .no)
        #expect(tagged.first { $0.tag == "A18" }?.status == .bad)
        #expect(events.contains(.untagged(.bye(ResponseText(text: "Logging out")))))
        var collector = FetchCollector()
        for case .fetch(let f) in events { collector.consume(f) }
        let first = try #require(collector.messages.first)
        #expect(first.uid == UID(1))
        #expect(first.internalDate?.secondsSinceEpoch == InternalDate(wire: "17-Jul-1996 02:44:25 -0700")?.secondsSinceEpoch)
        #expect(String(decoding: first.body ?? [], as: UTF8.self).contains("line two with ü"))
        #expect(first.modSequence != nil)
        // The second FETCH round has ENVELOPE/BODYSTRUCTURE (kept as text), a header section and BINARY[].
        #expect(collector.messages.contains { $0.other["ENVELOPE"]?.contains("\"transcript\"") == true })
        #expect(collector.messages.contains { $0.bodies["BODY[HEADER.FIELDS (SUBJECT)]"] == Array("Subject: transcript\r\n\r\n".utf8) })
        let lists = events.compactMap { e -> MailboxListEntry? in if case .untagged(.list(let l)) = e { return l }; return nil }
        #expect(lists.contains { $0.mailbox.name.hasPrefix("Tränscript-") })
    }
}
