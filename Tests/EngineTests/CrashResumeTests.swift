// mbsync's run-tests.pl idea: stop the sync right before and right after each state write k, for every k
// of a small sync, then resume with fresh objects and expect an exact copy without duplicates.
import Testing
@testable import Engine

@Suite struct CrashResumeTests {
    enum Phase: String, CaseIterable { case initial, incremental, uidValidityChange }
    enum Moment: String, CaseIterable { case before, after }

    /// A small corpus: 7 messages over 3 folders, 2 messages per step.
    static func prepare(_ fx: SyncFixture, phase: Phase) throws {
        fx.options.batchMessages = 2
        let source = try MaildirStore(root: fx.sourceRoot)
        try fill(source, .inbox, [
            CorpusMessage(body: message(1), flags: MessageFlags(system: [.seen]), date: 788_918_400),
            CorpusMessage(body: message(2), flags: MessageFlags(imapFlags: ["\\Answered", "Work"])),
            CorpusMessage(body: message(3, messageID: false)),
            CorpusMessage(body: message(3, messageID: false)),   // a duplicate
        ])
        try fill(source, FolderPath(["Sent Items"]), [CorpusMessage(body: message(10, subject: "Sent"))])
        try fill(source, FolderPath(["Ablage", "Straße"]), [
            CorpusMessage(body: message(20, subject: "Deep")), CorpusMessage(body: message(21, subject: "Deep")),
        ])
        guard phase != .initial else { return }
        try fx.sync()
        let inbox = try source.openFolder(.inbox)
        if phase == .incremental {
            try put(inbox, message(5), flags: MessageFlags(imapFlags: ["$Forwarded"]))
            try put(inbox, message(6))
            try put(inbox, message(7))
            try inbox.setFlags(MessageUID(1), to: MessageFlags(system: [.seen, .flagged]))
            try inbox.setFlags(MessageUID(3), to: MessageFlags(imapFlags: ["\\Seen", "Later"]))
            try source.commit()
            sh("rm '\(fx.sourceRoot)/.Sent Items/cur/'*")
        } else {
            try renumber(folderDirectory: fx.sourceRoot)
            try renumber(folderDirectory: fx.sourceRoot + "/.Ablage.Stra&AN8-e")
        }
    }

    static func expectedMapping(_ phase: Phase) -> [(FolderPath, FolderPath)] {
        var m: [(FolderPath, FolderPath)] = [(.inbox, .inbox), (FolderPath(["Ablage", "Straße"]), FolderPath(["Ablage", "Straße"]))]
        if phase != .incremental { m.append((FolderPath(["Sent Items"]), FolderPath(["Sent"]))) }
        return m
    }

    @Test(arguments: Phase.allCases, Moment.allCases)
    func crashAtEveryStateWriteThenResume(phase: Phase, moment: Moment) throws {
        var k = 1
        var crashes = 0
        while true {
            let fx = SyncFixture()
            try Self.prepare(fx, phase: phase)
            var crashed = false
            do {
                try fx.sync { event in
                    switch (event, moment) {
                    case (.beforeStateWrite(let i, _), .before) where i == k, (.afterStateWrite(let i, _), .after) where i == k:
                        throw SimulatedCrash(at: event)
                    default: break
                    }
                }
            } catch is SimulatedCrash { crashed = true }
            guard crashed else { break }
            crashes += 1
            let report = try fx.sync()
            let mismatches = try fx.mismatches(mapping: Self.expectedMapping(phase))
            #expect(mismatches == [], "\(phase) crash \(moment) write \(k): \(mismatches)")
            #expect(report.verification?.score == .perfect, "\(phase) crash \(moment) write \(k): \(report.verification?.differences ?? [])")
            // A third run has nothing left to do.
            var writes = 0
            let third = try fx.sync { if case .afterStateWrite = $0 { writes += 1 } }
            #expect(third.copied == 0 && writes == 0, "\(phase) crash \(moment) write \(k): not idempotent")
            k += 1
        }
        #expect(crashes >= 4, "the scenario must have several state writes")
    }

    @Test(arguments: [1, 2, 3, 4, 5, 6, 7])
    func crashInTheMiddleOfMessageThenResume(messageIndex: Int) throws {
        let fx = SyncFixture()
        try Self.prepare(fx, phase: .initial)
        var seen = 0
        #expect(throws: SimulatedCrash.self) {
            try fx.sync { event in
                if case .messageBytesWritten = event { seen += 1; if seen == messageIndex { throw SimulatedCrash(at: event) } }
            }
        }
        try fx.sync()
        #expect(try fx.mismatches(mapping: Self.expectedMapping(.initial)) == [])
    }
}
