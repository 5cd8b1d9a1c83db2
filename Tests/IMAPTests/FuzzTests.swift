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

    /// QRESYNC's VANISHED with random UID-set-like text: a typed result either way, and a parsed set is closed
    /// and non-empty. Tokens of the IDLE and COMPRESS extensions are mixed in.
    @Test func vanishedAndExtensionTokens() {
        var rng = SplitMix64(seed: 4978)
        let alphabet = Array("0123456789:,*( )EARLIERx".utf8)
        var parsed = 0, rejected = 0
        for _ in 0..<3000 {
            // A well-formed set, then now and then a random byte replaced or inserted.
            var body = Array((0..<Int.random(in: 1...4, using: &rng)).map { _ -> String in
                let a = Int.random(in: 0...600, using: &rng)
                return Bool.random(using: &rng) ? "\(a)" : "\(a):\(Int.random(in: 1...600, using: &rng))"
            }.joined(separator: ",").utf8)
            for _ in 0..<Int.random(in: 0...2, using: &rng) {
                let at = Int.random(in: 0...body.count, using: &rng), b = alphabet.randomElement(using: &rng)!
                if at < body.count && Bool.random(using: &rng) { body[at] = b } else { body.insert(b, at: at) }
            }
            let prefix = ["* VANISHED ", "* VANISHED (EARLIER) ", "+ idling\r\n* VANISHED ",
                          "* CAPABILITY IDLE COMPRESS=DEFLATE\r\n* VANISHED "].randomElement(using: &rng)!
            let wire = Array(prefix.utf8) + body + Array("\r\n".utf8)
            do {
                for event in try parseEvents(wire, chunk: Int.random(in: 1...8, using: &rng)) {
                    guard case .untagged(.vanished(_, let set)) = event else { continue }
                    #expect(!set.isEmpty && set.ranges.last?.upperBound != UID.max)
                    parsed += 1
                }
            } catch is IMAPParseError {
                rejected += 1
            } catch {
                Issue.record("untyped error \(error)")
            }
        }
        #expect(parsed > 100 && rejected > 100, "parsed \(parsed), rejected \(rejected)")
    }
}
