// The embedded target: one Maildir++ tree per user, laid out as Dovecot's default Maildir layout does.
//   <root>/            INBOX (cur, new, tmp, dovecot-uidlist, dovecot-keywords)
//   <root>/.Sent/      a top-level folder (with an empty "maildirfolder" marker file)
//   <root>/.A.B/       folder B under A; each component is modified UTF-7 on disk
// UIDs live in Dovecot's own `dovecot-uidlist`, so Dovecot pointed at the tree serves the same UIDs.

public final class MaildirStore: MailStore {
    public let root: String
    public let traits: StoreTraits
    private var openFolders: [FolderPath: MaildirFolder] = [:]
    private var current: MaildirFolder?
    private let writerLock: MaildirWriterLock?
    private let flusher: FileSystemFlush

    /// Dovecot's default names for the well-known folders of a Maildir tree.
    public static let defaultWellKnownNames: [FolderRole: FolderPath] = [
        .inbox: .inbox, .sent: FolderPath(["Sent"]), .drafts: FolderPath(["Drafts"]), .trash: FolderPath(["Trash"]),
        .junk: FolderPath(["Junk"]), .archive: FolderPath(["Archive"]),
    ]

    /// Opens the tree at `root` (the user's own directory). With `create` (the writer's mode) it creates the
    /// tree if needed and takes the tree's writer lock, so leftovers of a crashed writer can be cleared.
    public init(root: String, create: Bool = true) throws {
        self.root = root.hasSuffix("/") ? String(root.dropLast()) : root
        traits = StoreTraits(delimiter: ".", forbiddenNameCharacters: ["/"],
                             wellKnownNames: Self.defaultWellKnownNames, hasModSeq: false, writable: true)
        if create {
            try Self.makeTree(parents: self.root)
            for sub in ["cur", "new", "tmp"] { try Posix.mkdirIfMissing("\(self.root)/\(sub)", scope: .store) }
            writerLock = try MaildirWriterLock(root: self.root)
        } else if !Posix.isDirectory("\(self.root)/cur") {
            throw StoreError.store("no Maildir at \(self.root)", retry: .final)
        } else {
            writerLock = nil
        }
        flusher = FileSystemFlush(directory: self.root)
    }

    private static func makeTree(parents path: String) throws {
        var prefix = path.hasPrefix("/") ? "" : "."
        for part in path.split(separator: "/") {
            prefix += "/" + part
            try Posix.mkdirIfMissing(prefix, scope: .store)
        }
    }

    /// The directory of a folder: the root for INBOX, "." + mUTF-7 components joined by "." otherwise.
    func directory(for path: FolderPath) throws -> String {
        if path.isInbox { return root }
        for c in path.components where !traits.canHold(c) || c.hasPrefix("~") {
            throw StoreError.folder("the folder name \"\(c)\" cannot be stored in a Maildir folder")
        }
        return root + "/." + path.components.map(MUTF7.encode).joined(separator: ".")
    }

    public func listFolders() throws -> [FolderInfo] {
        var selectable: Set<FolderPath> = [.inbox]
        for name in Posix.listDirectory(root) where name.hasPrefix(".") && name.count > 1 {
            guard Posix.isDirectory("\(root)/\(name)/cur") else { continue }
            let parts = name.dropFirst().split(separator: ".", omittingEmptySubsequences: false).map { MUTF7.decode(String($0)) }
            guard !parts.contains(where: { $0 == nil || $0!.isEmpty }) else { continue }
            selectable.insert(FolderPath(parts.map { $0! }))
        }
        var all = selectable
        for p in selectable { var q = p.parent; while let x = q { all.insert(x); q = x.parent } }
        return all.sorted().map { p in
            FolderInfo(path: p, delimiter: ".", role: role(of: p), selectable: selectable.contains(p))
        }
    }

    private func role(of path: FolderPath) -> FolderRole? {
        Self.defaultWellKnownNames.first(where: { $0.value.components.map { $0.lowercased() } == path.components.map { $0.lowercased() } })?.key
    }

    public func createFolder(_ path: FolderPath) throws {
        if path.isInbox { return }
        let dir = try directory(for: path)
        if Posix.isDirectory("\(dir)/cur") { return }
        try Posix.mkdirIfMissing(dir, scope: .folder)
        for sub in ["cur", "new", "tmp"] { try Posix.mkdirIfMissing("\(dir)/\(sub)", scope: .folder) }
        // Maildir++ marks sub-folders with an empty "maildirfolder" file (Dovecot and Courier expect it).
        try Posix.writeFileAtomically("\(dir)/maildirfolder", [], scope: .folder)
        try Posix.fsyncPath(root, scope: .folder)
    }

    public func openFolder(_ path: FolderPath) throws -> any MailFolder {
        // Folders with uncommitted writes stay known until commit; otherwise open fresh to see new files.
        if let f = openFolders[path] { current = f; return f }
        let dir = try directory(for: path)
        guard Posix.isDirectory("\(dir)/cur") else { throw StoreError.folder("no folder \(path) in \(root)") }
        let f = try MaildirFolder(path: path, directory: dir, writerLock: writerLock)
        openFolders[path] = f
        current = f
        return f
    }

    /// Two group flushes however many messages: the new files' data, then their names (renames into cur/,
    /// uidlists, directories). A name never becomes durable before its data, so a crash at any point leaves
    /// in cur/ only whole messages (which the sync core pairs by content) and never a torn one.
    public func commit() throws {
        let folders = openFolders.sorted(by: { $0.key < $1.key }).map(\.value)
        try flusher.flush(folders.flatMap(\.pendingTmpPaths), scope: .folder)
        var names: [String] = []
        for f in folders { names += try f.publish() }
        try flusher.flush(names, scope: .folder)
        // After a commit nothing is pending: drop folders not in use so a later open rescans the disk.
        openFolders = current.map { [$0.path: $0] } ?? [:]
    }

    /// Group flushes so far (tests check that a commit costs two whatever its size).
    var flushCount: Int { flusher.flushes }

    public func close() {
        openFolders.removeAll()
        current = nil
    }
}
