import Testing
@testable import Engine

@Suite struct MailboxSyncTests {
    @Test func initialSyncCopiesEveryMessageExactlyAndSkipsTheLargeOne() throws {
        let fx = SyncFixture()
        _ = try buildStandardCorpus(at: fx.sourceRoot)
        let report = try fx.sync()
        #expect(try fx.mismatches() == [])
        #expect(report.copied == 12)
        #expect(report.skippedItems.count == 1)
        #expect(report.skippedItems.first?.kind == .largeItem)
        #expect(report.skippedItems.first?.folder == FolderPath(["Large"]))
        let v = try #require(report.verification)
        #expect(v.differences.map(\.kind) == [.skipped])
        #expect(v.score == .good)
        // Target layout as Dovecot expects it.
        #expect(Posix.isDirectory(fx.targetRoot + "/.Sent/cur"))
        #expect(Posix.isDirectory(fx.targetRoot + "/.Trash/cur"))
        #expect(Posix.isDirectory(fx.targetRoot + "/.Projekte.&ANw-bersicht.&ZeVnLIqe-/cur"))
        #expect(!Posix.exists(fx.targetRoot + "/.Projekte/cur"))  // \Noselect parents stay hierarchy only
    }

    @Test func rerunCopiesNothingAndWritesNoState() throws {
        let fx = SyncFixture()
        _ = try buildStandardCorpus(at: fx.sourceRoot, bigMessage: false)
        try fx.sync()
        let before = fx.targetFiles()
        var writes = 0
        let report = try fx.sync { if case .afterStateWrite = $0 { writes += 1 } }
        #expect(report.copied == 0)
        #expect(writes == 0)
        #expect(fx.targetFiles() == before)
        #expect(report.verification?.score == .perfect)
    }

    @Test func incrementalSyncCopiesNewMessagesAndFlagsAndKeepsSourceDeletions() throws {
        let fx = SyncFixture()
        let source = try buildStandardCorpus(at: fx.sourceRoot, bigMessage: false)
        try fx.sync()
        // On the source: one new message, one flag change, one keyword added, one expunge.
        let inbox = try source.openFolder(.inbox)
        try put(inbox, message(100, subject: "New"), flags: MessageFlags(imapFlags: ["$Important"]), date: 1_700_000_000)
        try inbox.setFlags(MessageUID(3), to: MessageFlags(system: [.seen, .flagged]))
        try inbox.setFlags(MessageUID(1), to: MessageFlags(imapFlags: ["\\Seen", "Later"]))
        try source.commit()
        let deleted = try fetchAll(inbox, MessageUID(6))
        sh("rm '\(fx.sourceRoot)'/cur/*:2,FT")   // message 6 was \Flagged \Deleted
        let report = try fx.sync()
        #expect(report.copied == 1)
        #expect(report.flagUpdates == 2)
        #expect(report.folders.first { $0.source == .inbox }?.goneAtSource == 1)
        #expect(report.verification?.score == .perfect)
        // The target equals the source plus the message deleted on the source (not propagated).
        let target = try MaildirStore(root: fx.targetRoot, create: false)
        var expected = try fingerprints(try MaildirStore(root: fx.sourceRoot, create: false), .inbox)
        let h = SHA256Hasher(); deleted.withUnsafeBytes { h.update($0) }
        expected.append("\(h.finalizeHex()) \\deleted \\flagged 1600000000")
        #expect(try fingerprints(target, .inbox) == expected.sorted())
    }

    @Test func uidValidityChangeOnTheSourceResyncsWithoutDuplicates() throws {
        let fx = SyncFixture()
        _ = try buildStandardCorpus(at: fx.sourceRoot, bigMessage: false)
        try fx.sync()
        // The source server renumbers INBOX: new UIDVALIDITY, new UIDs.
        try renumber(folderDirectory: fx.sourceRoot)
        let report = try fx.sync()
        let inbox = try #require(report.folders.first { $0.source == .inbox })
        #expect(inbox.wasReset)
        #expect(inbox.copied == 0)
        #expect(inbox.matchedExisting == 6)
        #expect(try fx.mismatches() == [])
        #expect(report.verification?.score == .perfect)
    }

    @Test func targetUIDValidityChangeDoesNotDuplicate() throws {
        let fx = SyncFixture()
        _ = try buildStandardCorpus(at: fx.sourceRoot, bigMessage: false)
        try fx.sync()
        try renumber(folderDirectory: fx.targetRoot + "/.Sent")
        let report = try fx.sync()
        #expect(report.copied == 0)
        #expect(report.folders.first { $0.source == FolderPath(["Sent Items"]) }?.matchedExisting == 1)
        #expect(try fx.mismatches() == [])
    }

    @Test func failedMessagesAreReportedRetriedAndCountTowardsBadItemLimit() throws {
        let fx = SyncFixture()
        _ = try buildStandardCorpus(at: fx.sourceRoot, bigMessage: false)
        fx.failing = ["INBOX#2", "Drafts#1"]
        let report = try fx.sync()
        #expect(report.failedItems.count == 2)
        #expect(report.copied == 9)
        #expect(report.exceeds(badItemLimit: 1))
        #expect(!report.exceeds(badItemLimit: 2))
        #expect(report.verification?.score == .good)
        // Next sync: the messages are readable again and get copied; nothing else moves.
        fx.failing = []
        let again = try fx.sync()
        #expect(again.copied == 2)
        #expect(try fx.mismatches() == [])
        #expect(again.verification?.score == .perfect)
    }

    @Test func itemLimitSkipsTheOldestMessages() throws {
        let fx = SyncFixture()
        let source = try MaildirStore(root: fx.sourceRoot)
        try fill(source, .inbox, (1...5).map { CorpusMessage(body: message($0)) })
        fx.options.maxItemsPerMailbox = 3
        let report = try fx.sync()
        #expect(report.copied == 3)
        #expect(report.skippedItems.map(\.sourceUID) == [1, 2])
        #expect(report.skippedItems.allSatisfy { $0.kind == .itemLimit })
    }

    @Test func excludedFoldersAndSpecialUseRolesAreHonoured() throws {
        let fx = SyncFixture()
        let source = try buildStandardCorpus(at: fx.sourceRoot, bigMessage: false)
        try fill(source, FolderPath(["Müll"]), [CorpusMessage(body: message(50, subject: "Spam"))])
        fx.roles = [FolderPath(["Müll"]): .junk]
        fx.excludeFolders = ["#DeletedItems#", "projekte/*"]
        let report = try fx.sync()
        #expect(Posix.isDirectory(fx.targetRoot + "/.Junk/cur"))
        #expect(!Posix.exists(fx.targetRoot + "/.Trash"))
        #expect(!Posix.exists(fx.targetRoot + "/.Projekte.&ANw-bersicht.&ZeVnLIqe-"))
        #expect(report.plans.filter { $0.action == .excluded }.map(\.relativePath.description).sorted()
                == ["Gelöschte Elemente", "Projekte", "Projekte/Übersicht", "Projekte/Übersicht/日本語"])
    }
}
