// End to end against the real test Dovecot: a Maildir corpus is pushed to Dovecot through IMAPStore as
// a target, then pulled back through IMAPStore as a read-only source into a fresh Maildir; every message
// must come back byte-identical with its flags, keywords and internal date, and the source must not change.
import Testing
import IMAP
@testable import Engine

extension EngineDovecotSuites {
    @Suite struct IMAPEndToEndTests {
        static func connect(_ dovecot: TestDovecot, user: String, password: String? = nil, readOnly: Bool) throws -> IMAPStore {
            let options = ConnectionOptions(security: .ssl, tls: TLSConfiguration(additionalCAFile: dovecot.env["IMAP_CA_FILE"]))
            return try IMAPStore.connect(host: dovecot.env["IMAP_HOST"] ?? "127.0.0.1", port: dovecot.port, options: options,
                                         user: user, password: password ?? dovecot.env["IMAP_PASSWORD4"] ?? "", readOnly: readOnly)
        }

        /// Empties the account (a shared instance may have been used before).
        static func clean(_ store: IMAPStore) throws {
            for f in try store.listFolders().reversed() where !f.path.isInbox {
                var c = Command("DELETE"); c.astring(store.mailboxName(f.path).wire)
                _ = try? store.connection.execute(c)
            }
            _ = try store.openFolder(.inbox)
            var c = Command("UID STORE"); c.text(" 1:* +FLAGS.SILENT (\\Deleted)")
            _ = try? store.connection.execute(c)
            _ = try? store.connection.execute(Command("EXPUNGE"))
            // The store caches the folder list; a stale one would make it skip creating the deleted folders.
            _ = try store.listFolders()
        }

        static func sync(user: String, source: any MailStore, target: any MailStore, statePath: String) throws -> MailboxSyncReport {
            try MailboxSync(user: user, source: source, target: target, state: try SQLiteSyncStateStore(path: statePath)).run()
        }

        @Test func maildirToDovecotAndBackIsExact() throws {
            let dovecot = try TestDovecot.shared()
            let user = dovecot.env["IMAP_USER4"] ?? "dana.dee"
            let fx = SyncFixture()
            _ = try buildStandardCorpus(at: fx.sourceRoot)

            // 1. Maildir -> Dovecot (IMAP target: APPEND with flags and date).
            let imapTarget = try Self.connect(dovecot, user: user, readOnly: false)
            try Self.clean(imapTarget)
            let push = try Self.sync(user: user, source: try MaildirStore(root: fx.sourceRoot, create: false), target: imapTarget,
                                     statePath: fx.dir.path + "/push.sqlite")
            #expect(push.copied == 12)
            #expect(push.skippedItems.count == 1)
            #expect(push.verification?.score == .good)
            // The 36 MB message reaches Dovecot by other means, so the pull must skip it itself.
            let large = try imapTarget.openFolder(FolderPath(["Large"]))
            let big = try fetchAll(try MaildirStore(root: fx.sourceRoot, create: false).openFolder(FolderPath(["Large"])), MessageUID(1))
            _ = try put(large, big, date: 1_600_000_000, commitVia: imapTarget)
            imapTarget.close()

            // 2. Dovecot -> fresh Maildir (IMAP source: EXAMINE, BODY.PEEK).
            let before = try Self.snapshot(dovecot, user: user)
            let imapSource = try Self.connect(dovecot, user: user, readOnly: true)
            #expect(imapSource.traits.hasModSeq)
            let pullRoot = fx.dir.path + "/pulled"
            let pull = try Self.sync(user: user, source: imapSource, target: try MaildirStore(root: pullRoot),
                                     statePath: fx.dir.path + "/pull.sqlite")
            #expect(pull.copied == 12)
            #expect(pull.skippedItems.map(\.kind) == [.largeItem])
            #expect(pull.verification?.score == .good)
            #expect(try Self.snapshot(dovecot, user: user) == before, "the source's flags changed")
            let original = try MaildirStore(root: fx.sourceRoot, create: false)
            let pulled = try MaildirStore(root: pullRoot, create: false)
            for (s, t) in SyncFixture.standardMapping where s != FolderPath(["Large"]) {
                #expect(try fingerprints(original, s) == fingerprints(pulled, t), "\(s) -> \(t)")
            }
            #expect(try fingerprints(pulled, FolderPath(["Large"])).count == 1)

            // 3. Incremental from Dovecot with CONDSTORE: one new message, one flag change.
            let writer = try Self.connect(dovecot, user: user, readOnly: false)
            let inbox = try writer.openFolder(.inbox)
            let first = try #require(try inbox.listMessages(uids: .min ... .max, changedSince: nil).first)
            try inbox.setFlags(first.uid, to: MessageFlags(imapFlags: ["\\Seen", "\\Flagged", "Urgent"]))
            _ = try put(inbox, message(200, subject: "Late"), flags: MessageFlags(system: [.answered]), date: 1_234_567_890, commitVia: writer)
            writer.close()
            imapSource.close()
            let again = try Self.sync(user: user, source: try Self.connect(dovecot, user: user, readOnly: true),
                                      target: try MaildirStore(root: pullRoot), statePath: fx.dir.path + "/pull.sqlite")
            #expect(again.copied == 1)
            #expect(again.flagUpdates == 1)
            #expect(again.verification?.score == .good)
            let source = try Self.connect(dovecot, user: user, readOnly: true)
            #expect(try fingerprints(source, .inbox) == fingerprints(try MaildirStore(root: pullRoot, create: false), .inbox))
            source.close()
        }

        /// UID, flags and date of every message of every folder, straight from Dovecot.
        static func snapshot(_ dovecot: TestDovecot, user: String) throws -> [String] {
            let store = try connect(dovecot, user: user, readOnly: true)
            defer { store.close() }
            var out: [String] = []
            for f in try store.listFolders() where f.selectable {
                let folder = try store.openFolder(f.path)
                for m in try folder.listMessages(uids: .min ... .max, changedSince: nil) {
                    out.append("\(f.path) \(m.uid) \(m.flags) \(m.internalDate)")
                }
            }
            return out
        }
    }
}

extension EngineDovecotSuites {
    @Suite struct SourceCutTests {
        /// The source server goes away in the middle of a message: the sync stops with a temporary store error,
        /// keeps what it committed, and the next sync completes the copy without duplicates.
        @Test func sourceCutMidMessageThenResume() throws {
            let dovecot = try TestDovecot.shared()
            let user = dovecot.env["IMAP_USER4"] ?? "dana.dee"
            let fx = SyncFixture()
            let corpus = try MaildirStore(root: fx.sourceRoot)
            let filler = String(repeating: "0123456789abcdef", count: 8192)   // 128 KiB per message
            try fill(corpus, .inbox, (0..<24).map { CorpusMessage(body: message($0, extra: filler), flags: MessageFlags(system: [.seen])) })
            let upload = try IMAPEndToEndTests.connect(dovecot, user: user, readOnly: false)
            try IMAPEndToEndTests.clean(upload)
            _ = try IMAPEndToEndTests.sync(user: user, source: corpus, target: upload, statePath: fx.dir.path + "/push.sqlite")
            upload.close()

            let proxy = try CuttingProxy(upstreamPort: dovecot.port, cutAfter: 1_500_000)   // about message 11
            let options = ConnectionOptions(security: .ssl, tls: TLSConfiguration(additionalCAFile: dovecot.env["IMAP_CA_FILE"]))
            let viaProxy = try IMAPStore.connect(host: "127.0.0.1", port: proxy.port, options: options, user: user,
                                                 password: dovecot.env["IMAP_PASSWORD4"] ?? "", readOnly: true)
            let pullRoot = fx.dir.path + "/pulled", statePath = fx.dir.path + "/pull.sqlite"
            var sync = MailboxSync(user: user, source: viaProxy, target: try MaildirStore(root: pullRoot),
                                   state: try SQLiteSyncStateStore(path: statePath))
            sync.options.batchMessages = 4
            var thrown: StoreError?
            do { _ = try sync.run() } catch let e as StoreError { thrown = e }
            #expect(thrown?.scope == .store && thrown?.retry == .temporary)
            let partial = try fingerprints(try MaildirStore(root: pullRoot, create: false), .inbox).count
            #expect(partial > 0 && partial < 24, "\(partial) messages before the cut")

            sync = MailboxSync(user: user, source: try IMAPEndToEndTests.connect(dovecot, user: user, readOnly: true),
                               target: try MaildirStore(root: pullRoot), state: try SQLiteSyncStateStore(path: statePath))
            let report = try sync.run()
            #expect(report.copied == 24 - partial)
            #expect(report.verification?.score == .perfect)
            #expect(try fingerprints(corpus, .inbox) == fingerprints(try MaildirStore(root: pullRoot, create: false), .inbox))
        }
    }
}
