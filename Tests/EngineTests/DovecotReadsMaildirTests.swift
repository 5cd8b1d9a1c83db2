// A stock Dovecot pointed at a tree MaildirStore wrote sees the same folders, UIDs, flags (with
// keywords), received dates and sizes.
import Testing
@preconcurrency import Glibc
@testable import Engine

extension EngineDovecotSuites {
    @Suite struct DovecotReadsMaildirTests {
        @Test func doveadmSeesWhatMaildirStoreWrote() throws {
            let fx = SyncFixture()
            _ = try buildStandardCorpus(at: fx.sourceRoot, bigMessage: false)
            fx.options.batchMessages = 2   // several commits per folder: uidlist records are appended
            try fx.sync()
            let dovecot = try TestDovecot.shared()
            // Dovecot's mail processes run as the mail user, so hand it a copy of the tree.
            let tree = fx.dir.path + "/dovecot-view"
            #expect(sh("cp -a '\(fx.targetRoot)' '\(tree)' && chmod 755 '\(fx.dir.path)'") == 0)
            if getuid() == 0 { #expect(sh("chown -R mail:mail '\(tree)'") == 0) }
            let doveadm = "doveadm -f tab -c '\(dovecot.configPath)' -o 'mail_location=maildir:\(tree)'"

            let ours = try MaildirStore(root: fx.targetRoot, create: false)
            let ourFolders = try ours.listFolders().filter(\.selectable).map(\.path.description)
            let (listStatus, listing) = run("\(doveadm) mailbox list -u terry.adams 2>&1")
            #expect(listStatus == 0)
            let theirs = Set(listing.split(separator: "\n").dropFirst().map(String.init))
            for f in ourFolders { #expect(theirs.contains(f), "Dovecot does not list \(f): \(theirs)") }

            var checked = 0
            for folder in ourFolders {
                let f = try ours.openFolder(FolderPath(folder, separator: "/"))
                let expected = try f.listMessages(uids: .min ... .max, changedSince: nil).map {
                    "\($0.uid)\t\(dovecotFlags($0.flags))\t\($0.internalDate.secondsSince1970)\t\($0.size)"
                }
                let (status, out) = run("\(doveadm) fetch -u terry.adams 'uid flags date.received.unixtime size.physical' mailbox '\(folder)' all 2>&1")
                #expect(status == 0)
                let got = out.split(separator: "\n").dropFirst().map(String.init)
                #expect(got == expected, "folder \(folder)")
                checked += got.count
                let (_, next) = run("\(doveadm) mailbox status -u terry.adams uidnext '\(folder)' 2>&1")
                #expect(next.split(separator: "\n").last.map(String.init) == "\(folder)\t\(f.status.uidNext)", "\(folder): \(next)")
            }
            #expect(checked == 11)
        }

        /// Dovecot prints system flags first (in its own order), then keywords in their index order.
        private func dovecotFlags(_ f: MessageFlags) -> String {
            let order: [(SystemFlags, String)] = [(.answered, "\\Answered"), (.flagged, "\\Flagged"), (.deleted, "\\Deleted"),
                                                  (.seen, "\\Seen"), (.draft, "\\Draft")]
            return (order.filter { f.system.contains($0.0) }.map(\.1) + f.keywords).joined(separator: " ")
        }
    }
}
