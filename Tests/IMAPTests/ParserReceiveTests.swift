import Testing
@testable import IMAP

/// `ResponseParser.receive`: a reader writes straight into the parser's buffer (the fetch read path).
@Suite struct ParserReceiveTests {
    /// Feeds `wire` through `receive` in reads of varying sizes, where `fill` may write less than offered.
    func events(_ wire: [UInt8], reads: [Int], offered: Int) throws -> [ResponseEvent] {
        var parser = ResponseParser()
        var out: [ResponseEvent] = []
        var i = 0, k = 0
        while i < wire.count {
            let want = min(reads[k % reads.count], wire.count - i)
            k += 1
            let n = parser.receive(maxCount: offered) { room in
                let n = min(want, room.count)
                room.copyBytes(from: wire[i..<i + n])
                return n
            }
            #expect(n == min(want, offered))
            i += n
            while let e = try parser.next() { out.append(e) }
        }
        return mergeBodyChunks(out)
    }

    static let body: [UInt8] = (0..<200_000).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ $0 >> 7) }
    static let wire: [UInt8] = Array("* 1 FETCH (UID 7 BODY[] {\(body.count)}\r\n".utf8) + body
        + Array(")\r\n* 2 FETCH (UID 8 BODY[] ~{3}\r\n\0\r\n)\r\nA1 OK done\r\n".utf8)

    @Test(arguments: [[1, 7, 300], [65_536], [100_000, 3], [250_000]])
    func sameEventsWhateverTheReadSizes(reads: [Int]) throws {
        let expected = try parseEvents(Self.wire)
        #expect(try events(Self.wire, reads: reads, offered: 256 * 1024) == expected)
        #expect(try events(Self.wire, reads: reads, offered: 5000) == expected)
        let bodies = expected.compactMap { e -> [UInt8]? in
            if case .fetch(.bodyBytes(let b)) = e { return Array(b) } else { return nil }
        }
        #expect(bodies == [Self.body, [0, 13, 10]])
    }

    /// What the reader may wait for: the literal's bytes not yet received, never more.
    @Test func literalBytesOutstandingCountsOnlyWhatMustStillCome() throws {
        var parser = ResponseParser()
        #expect(parser.literalBytesOutstanding == 0)
        parser.append(Array("* 1 FETCH (UID 7 BODY[] {100000}\r\n".utf8) + [UInt8](repeating: 65, count: 1000))
        _ = try parser.next()  // start
        _ = try parser.next()  // UID
        #expect(parser.literalBytesOutstanding == 0, "the literal's header is not parsed yet")
        _ = try parser.next()  // bodyBegin
        #expect(parser.literalBytesOutstanding == 99_000, "1000 of the 100000 bytes are buffered")
        _ = try parser.next()  // 1000 bytes
        #expect(parser.literalBytesOutstanding == 99_000)
        #expect(try parser.next() == nil)
        parser.append([UInt8](repeating: 66, count: 99_000) + Array(")\r\n".utf8))
        #expect(parser.literalBytesOutstanding == 0)
        while try parser.next() != nil {}
        #expect(parser.literalBytesOutstanding == 0 && parser.isAtResponseBoundary)
    }

    /// A body chunk kept by a sink stays intact while later reads reuse the buffer (copy on write).
    @Test func keptChunkSurvivesLaterReads() throws {
        var parser = ResponseParser()
        let head = Array("* 1 FETCH (BODY[] {8}\r\nABCD".utf8)
        parser.receive(maxCount: 64) { room in room.copyBytes(from: head); return head.count }
        var kept: ArraySlice<UInt8> = []
        while let e = try parser.next() { if case .fetch(.bodyBytes(let b)) = e { kept = b } }
        #expect(Array(kept) == Array("ABCD".utf8))
        for _ in 0..<40 {  // enough reads to compact and grow the buffer
            parser.receive(maxCount: 4096) { room in
                for j in 0..<room.count { room[j] = 0x5A }
                return 0
            }
        }
        let tail = Array("EFGH)\r\n".utf8)
        parser.receive(maxCount: 64) { room in room.copyBytes(from: tail); return tail.count }
        var rest: [UInt8] = []
        while let e = try parser.next() { if case .fetch(.bodyBytes(let b)) = e { rest += b } }
        #expect(Array(kept) == Array("ABCD".utf8))
        #expect(rest == Array("EFGH".utf8))
        #expect(parser.isAtResponseBoundary)
    }
}
