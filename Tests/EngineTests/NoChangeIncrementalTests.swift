// A no-change incremental sync against the real Dovecot: the source folder is proved unchanged by its
// HIGHESTMODSEQ, so verification takes the state's records as the source listing instead of listing it
// again, and must still catch a target that drifted; any change on the source ends the shortcut.
import Testing
import IMAP
@testable import Engine

extension EngineDovecotSuites {
    @Suite struct NoChangeIncrementalTests {
        @Test func unchangedSourceIsVerifiedFromRecordsAndTargetDriftStillShows() throws {
            let dovecot = try TestDovecot.shared()
            let user = dovecot.env["IMAP_USER4"] ?? "dana.dee"
            let fx = SyncFixture()
            let corpus = try MaildirStore(root: fx.sourceRoot)
            try fill(corpus, .inbox, (0..<4).map {
                CorpusMessage(body: message($0), flags: MessageFlags(imapFlags: $0 == 0 ? ["\\Seen", "Work"] : ["\\Seen"]))
            })
            let upload = try IMAPEndToEndTests.connect(dovecot, user: user, readOnly: false)
            try IMAPEndToEndTests.clean(upload)
            _ = try IMAPEndToEndTests.sync(user: user, source: corpus, target: upload, statePath: fx.dir.path + "/push.sqlite")
            upload.close()

            let pullRoot = fx.dir.path + "/pulled", statePath = fx.dir.path + "/pull.sqlite"
            func pull() throws -> MailboxSyncReport {
                let source = try IMAPEndToEndTests.connect(dovecot, user: user, readOnly: true)
                defer { source.close() }
                return try IMAPEndToEndTests.sync(user: user, source: source, target: try MaildirStore(root: pullRoot), statePath: statePath)
            }
            func inboxResult(_ r: MailboxSyncReport) throws -> FolderSyncResult { try #require(r.folders.first { $0.source.isInbox }) }

            let first = try pull()
            let firstInbox = try inboxResult(first)
            #expect(first.copied == 4 && firstInbox.sourceUnchanged == false)

            let second = try pull()
            let secondInbox = try inboxResult(second)
            #expect(second.copied == 0 && secondInbox.sourceUnchanged)
            #expect(second.verification?.score == .perfect && second.verification?.sourceItemCount == 4)

            // The target drifts (someone strips a flag there): the records-based verification still sees it.
            do {
                let target = try MaildirStore(root: pullRoot)
                let inbox = try target.openFolder(.inbox)
                let m = try #require(try inbox.listMessages(uids: .min ... .max, changedSince: nil).first)
                try inbox.setFlags(m.uid, to: MessageFlags())
                try target.commit()
            }
            let third = try pull()
            let thirdInbox = try inboxResult(third)
            #expect(thirdInbox.sourceUnchanged)
            #expect(third.verification?.differences.map(\.kind) == [.flagsDiffer])

            // A flag change on the source raises HIGHESTMODSEQ: the folder is listed and synced again.
            let writer = try IMAPEndToEndTests.connect(dovecot, user: user, readOnly: false)
            let w = try writer.openFolder(.inbox)
            let last = try #require(try w.listMessages(uids: .min ... .max, changedSince: nil).last)
            try w.setFlags(last.uid, to: MessageFlags(imapFlags: ["\\Seen", "\\Flagged"]))
            writer.close()
            let fourth = try pull()
            let fourthInbox = try inboxResult(fourth)
            #expect(fourthInbox.sourceUnchanged == false && fourth.flagUpdates == 1)
            #expect(fourth.verification?.differences.map(\.kind) == [.flagsDiffer], "the drifted target message stays reported")
        }
    }
}
