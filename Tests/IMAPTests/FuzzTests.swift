import Testing
@testable import IMAP

/// Random and mutated server replies: the parser must terminate, stay within its limits, and either produce
/// events, wait for more bytes, or throw an `IMAPParseError` (the only error type its API allows).
@Suite struct FuzzTests {
    static let seeds: [[UInt8]] = parseFixtures.map { Array($0.wire.utf8) } + [
        Array("* 1 FETCH (UID 1 FLAGS (\\Seen) BODY[] {5}\r\nabcde)\r\nA1 OK done\r\n".utf8),
        Array("* LIST (\\HasChildren) \"/\" {3}\r\na/b\r\n* STATUS {1}\r\nx (MESSAGES 1)\r\n".utf8),
    ]

    /// Feeds `bytes` in random chunks, bounding the number of steps; returns the outcome.
    func run(_ bytes: [UInt8], _ rng: inout SplitMix64, limits: ParserLimits) -> (events: Int, error: IMAPParseError?) {
        var parser = ResponseParser(limits: limits)
        var i = 0, events = 0, steps = 0
        while i < bytes.count {
            let n = Int.random(in: 1...max(1, min(64, bytes.count - i)), using: &rng)
            parser.append(bytes[i..<i + n])
            i += n
            do {
                while let _ = try parser.next() {
                    events += 1
                    steps += 1
                    if steps > 100_000 { Issue.record("no progress bound"); return (events, nil) }
                }
            } catch {
                // Once failed, the parser stays failed.
                #expect(throws: IMAPParseError.self) { _ = try parser.next() }
                return (events, error)
            }
        }
        return (events, nil)
    }

    static let tight: ParserLimits = {
        var l = ParserLimits()
        l.maxResponseBytes = 4096
        l.maxBodyBytes = 1 << 16
        l.maxDepth = 8
        l.maxFetchAttributes = 16
        l.maxListItems = 256
        return l
    }()

    @Test func randomBytes() {
        var rng = SplitMix64(seed: 0xC0FFEE)
        var errors = 0
        for _ in 0..<3000 {
            let length = Int.random(in: 0...300, using: &rng)
            let alphabet = Array("* ()[]{}~+\"\\\r\n0123456789ABCFHIKLNOSTUXY.:<>%".utf8)
            let bytes = (0..<length).map { _ in
                Bool.random(using: &rng) ? alphabet.randomElement(using: &rng)! : UInt8.random(in: 0...255, using: &rng)
            }
            if run(bytes, &rng, limits: Self.tight).error != nil { errors += 1 }
        }
        #expect(errors > 1000, "random bytes are mostly rejected")
    }

    @Test func mutatedReplies() {
        var rng = SplitMix64(seed: 7162)
        var outcomes = (events: 0, errors: 0)
        for _ in 0..<6000 {
            var bytes = Self.seeds.randomElement(using: &rng)!
            for _ in 0..<Int.random(in: 1...4, using: &rng) {
                guard !bytes.isEmpty else { break }
                let at = Int.random(in: 0..<bytes.count, using: &rng)
                switch Int.random(in: 0..<5, using: &rng) {
                case 0: bytes[at] = UInt8.random(in: 0...255, using: &rng)
                case 1: bytes.remove(at: at)
                case 2: bytes.insert(Array("{}()\"\r\n 9~[]".utf8).randomElement(using: &rng)!, at: at)
                case 3: bytes.insert(contentsOf: Array("{99999999999}\r\n".utf8), at: at)
                default: bytes.insert(contentsOf: bytes[at..<min(bytes.count, at + 20)], at: at)
                }
            }
            let r = run(bytes, &rng, limits: Self.tight)
            outcomes.events += r.events
            if r.error != nil { outcomes.errors += 1 }
        }
        #expect(outcomes.errors > 0)
        #expect(outcomes.events > 0)
    }

    @Test func hostileShapesHitTypedLimits() {
        var rng = SplitMix64(seed: 1)
        let deep = Array(("* 1 FETCH (BODYSTRUCTURE " + String(repeating: "(", count: 10_000) + "\r\n").utf8)
        #expect(run(deep, &rng, limits: .default).error == .limitExceeded(.depth))
        let noNewline = [UInt8](repeating: UInt8(ascii: "a"), count: 20_000)
        #expect(run(Array("* OK ".utf8) + noNewline, &rng, limits: Self.tight).error == .limitExceeded(.responseBytes))
        let hugeLiteral = Array("* 1 FETCH (BODY[] {99999999999999}\r\n".utf8)
        #expect(run(hugeLiteral, &rng, limits: .default).error == .limitExceeded(.bodyBytes))
        let overflow = Array("* 1 FETCH (UID 99999999999999999999999)\r\n".utf8)
        if case .malformed? = run(overflow, &rng, limits: .default).error {} else { Issue.record("overflow must be malformed") }
    }
}
