// One source tree, one target tree and one state database on disk. Every `sync()` builds fresh store
// and state objects, so nothing survives in memory between runs (as after a crash and restart).
@testable import Engine

final class SyncFixture {
    let dir: TempDir
    private let owned: Bool
    var sourceRoot: String { dir.path + "/source/alice@example.com" }
    var targetRoot: String { dir.path + "/mailboxes/alice@example.com" }
    var statePath: String { dir.path + "/state.sqlite" }
    var roles: [FolderPath: FolderRole] = [:]
    var failing: Set<String> = []
    var options = SyncOptions()
    var excludeFolders: [String] = []

    /// A fresh fixture in a new temporary directory, or one another process prepared in `existing`.
    init(existing: String? = nil) {
        dir = existing.map { TempDir(existing: $0) } ?? TempDir("sync")
        owned = existing == nil
    }

    deinit { if owned { dir.remove() } }

    func sourceStore() throws -> MaildirStore { try MaildirStore(root: sourceRoot) }

    @discardableResult
    func sync(onEvent: ((SyncEvent) throws -> Void)? = nil) throws -> MailboxSyncReport {
        try sync(hooks: SyncHooks(onEvent: onEvent))
    }

    func sync(hooks: SyncHooks) throws -> MailboxSyncReport {
        let source = ProxyStore(try MaildirStore(root: sourceRoot, create: false))
        source.roles = roles
        source.failingMessages = failing
        source.readOnly = true
        let target = try MaildirStore(root: targetRoot)
        let state = try SQLiteSyncStateStore(path: statePath)
        let sync = MailboxSync(user: "alice@example.com", source: source, target: target, state: state,
                               options: options, excludeFolders: excludeFolders, hooks: hooks)
        return try sync.run()
    }

    /// Source folder -> expected target folder, for the standard corpus.
    static let standardMapping: [(FolderPath, FolderPath)] = [
        (.inbox, .inbox),
        (FolderPath(["Sent Items"]), FolderPath(["Sent"])),
        (FolderPath(["Gelöschte Elemente"]), FolderPath(["Trash"])),
        (FolderPath(["Papierkorb-Alt"]), FolderPath(["Papierkorb-Alt"])),
        (FolderPath(["Projekte", "Übersicht", "日本語"]), FolderPath(["Projekte", "Übersicht", "日本語"])),
        (FolderPath(["Drafts"]), FolderPath(["Drafts"])),
        (FolderPath(["Archive"]), FolderPath(["Archive"])),
        (FolderPath(["Large"]), FolderPath(["Large"])),
    ]

    /// Asserts-by-return: a description of every folder whose target multiset differs from the source's
    /// (minus messages larger than the size limit), empty when the copy is exact.
    func mismatches(mapping: [(FolderPath, FolderPath)] = SyncFixture.standardMapping) throws -> [String] {
        let source = try MaildirStore(root: sourceRoot, create: false)
        let target = try MaildirStore(root: targetRoot, create: false)
        var out: [String] = []
        let present = Set(try source.listFolders().map(\.path))
        for (s, t) in mapping where present.contains(s) {
            let sf = try source.openFolder(s)
            let big = Set(try sf.listMessages(uids: .min ... .max, changedSince: nil).filter { $0.size > options.maxMessageSize }.map(\.size))
            var expected = try fingerprints(source, s)
            if !big.isEmpty {
                // Drop the skipped message from the expectation (identified by its size).
                let f = try source.openFolder(s)
                let bigPrints = try f.listMessages(uids: .min ... .max, changedSince: nil).filter { big.contains($0.size) }.map { m -> String in
                    let h = SHA256Hasher(); try f.fetchMessage(m.uid) { h.update($0) }
                    return "\(h.finalizeHex()) \(m.flags.canonical.lowercased()) \(m.internalDate.secondsSince1970)"
                }
                for p in bigPrints { if let i = expected.firstIndex(of: p) { expected.remove(at: i) } }
            }
            let actual = try fingerprints(target, t)
            if expected != actual { out.append("\(s) -> \(t): expected \(expected.count) messages \(expected), got \(actual.count) \(actual)") }
        }
        return out
    }

    /// Every target file name (folder/cur/name), to check a run changed nothing.
    func targetFiles() -> [String] {
        var out: [String] = []
        for d in ["."] + Posix.listDirectory(targetRoot).filter({ $0.hasPrefix(".") }) {
            for f in Posix.listDirectory("\(targetRoot)/\(d)/cur") { out.append("\(d)/\(f)") }
            for f in Posix.listDirectory("\(targetRoot)/\(d)/new") { out.append("\(d)/new/\(f)") }
        }
        return out.sorted()
    }
}

/// Folders whose target multiset of (bytes, flags, date) differs from the source's, for any two stores.
func mismatches(source: any MailStore, target: any MailStore, mapping: [(FolderPath, FolderPath)]) throws -> [String] {
    var out: [String] = []
    for (s, t) in mapping {
        let expected = try fingerprints(source, s), actual = try fingerprints(target, t)
        if expected != actual { out.append("\(s) -> \(t): expected \(expected.count) \(expected), got \(actual.count) \(actual)") }
    }
    return out
}
