// One Maildir folder (cur/new/tmp plus Dovecot's uidlist and keywords files), as a MailFolder.
@preconcurrency import Glibc

final class MaildirFolder: MailFolder {
    struct Entry {
        var subdir: String          // "cur", "new" or "tmp" (written, not yet committed)
        var name: MaildirFileName
        var size: Int
        var mtime: Int64
        var pendingTmpName: String? // set while the file still lives in tmp/
    }

    let path: FolderPath
    let directory: String
    private(set) var uidList: DovecotUIDList
    private var keywords: DovecotKeywords
    private var entries: [UInt32: Entry] = [:]
    private var sortedUIDs: [UInt32] = []
    private var uidListDirty = false
    /// Records added since the uidlist file was last written; with nothing else changed they are appended
    /// (as Dovecot does) instead of rewriting the whole list at every commit.
    private var appendedRecords: [(UInt32, String)] = []
    private var uidListMustBeRewritten = true
    private var dirtyDirectories: Set<String> = []
    private var pending: [UInt32] = []
    private var counter = 0
    private let writerLock: MaildirWriterLock?
    /// Buffers for this folder's message writers.
    let writeBuffers = WriteBuffers()

    var status: FolderStatus {
        FolderStatus(uidValidity: uidList.uidValidity, uidNext: uidList.nextUID, messageCount: entries.count)
    }

    /// Opens (and scans) the folder at `directory`, assigning UIDs to files the uidlist does not know yet.
    init(path: FolderPath, directory: String, writerLock: MaildirWriterLock? = nil) throws {
        self.path = path
        self.directory = directory
        self.writerLock = writerLock
        for sub in ["cur", "new", "tmp"] where !Posix.isDirectory("\(directory)/\(sub)") {
            throw StoreError.folder("not a Maildir folder: \(directory)")
        }
        keywords = Posix.readFile("\(directory)/dovecot-keywords").map { DovecotKeywords(fileText: String(decoding: $0, as: UTF8.self)) } ?? DovecotKeywords()
        if let bytes = Posix.readFile("\(directory)/dovecot-uidlist"),
           let list = DovecotUIDList(fileText: String(decoding: bytes, as: UTF8.self)) {
            uidList = list
        } else {
            uidList = DovecotUIDList(uidValidity: UInt32(truncatingIfNeeded: time(nil)), mailboxGUID: Self.randomGUID())
            uidListDirty = true
        }
        try scan()
        if uidListDirty { try saveUIDList(sync: true) } else { uidListMustBeRewritten = false }
        if let writerLock { writerLock.removeStaleFiles(in: "\(directory)/tmp") }
    }

    private func scan() throws {
        var found: [(String, MaildirFileName)] = []
        for sub in ["new", "cur"] {
            for file in Posix.listDirectory("\(directory)/\(sub)") where !file.hasPrefix(".") {
                found.append((sub, MaildirFileName(parsing: file)))
            }
        }
        var unknown: [(String, MaildirFileName)] = []
        var known: Set<String> = []
        for (sub, name) in found {
            guard let uid = uidList.uids[name.base] else { unknown.append((sub, name)); continue }
            known.insert(name.base)
            entries[uid] = try entry(sub, name)
        }
        // Forget uidlist lines whose file is gone (expunged), and number new files in name order.
        if known.count != uidList.uids.count {
            uidList.uids = uidList.uids.filter { known.contains($0.key) }
            uidListDirty = true
        }
        for (sub, name) in unknown.sorted(by: { $0.1.base < $1.1.base }) {
            let uid = uidList.nextUID
            uidList.nextUID += 1
            uidList.uids[name.base] = uid
            entries[uid] = try entry(sub, name)
            uidListDirty = true
        }
        sortedUIDs = entries.keys.sorted()
    }

    private func entry(_ sub: String, _ name: MaildirFileName) throws -> Entry {
        let file = "\(directory)/\(sub)/\(name.fileName.hasSuffix(":2,") && sub == "new" ? name.base : name.fileName)"
        let st = Posix.fileStat(file) ?? Posix.fileStat("\(directory)/\(sub)/\(name.base)")
        guard let st else { throw StoreError.folder("message file vanished during scan: \(file)", retry: .temporary) }
        return Entry(subdir: sub, name: name, size: Int(st.st_size), mtime: Int64(st.st_mtim.tv_sec))
    }

    private func filePath(_ e: Entry) -> String {
        if let tmp = e.pendingTmpName { return "\(directory)/tmp/\(tmp)" }
        if e.subdir == "new" && e.name.letters.isEmpty {
            // Files delivered to new/ usually carry no ":2," suffix at all.
            let bare = "\(directory)/new/\(e.name.base)"
            if Posix.exists(bare) { return bare }
        }
        return "\(directory)/\(e.subdir)/\(e.name.fileName)"
    }

    func listMessages(uids: ClosedRange<MessageUID>, changedSince: UInt64?) throws -> [MessageMeta] {
        var out: [MessageMeta] = []
        for uid in sortedUIDs where uid >= uids.lowerBound.rawValue && uid <= uids.upperBound.rawValue {
            let e = entries[uid]!
            out.append(MessageMeta(uid: MessageUID(uid), flags: e.name.flags(keywords: keywords),
                                   internalDate: InternalDate(secondsSince1970: e.mtime), size: e.size))
        }
        return out
    }

    func fetchMessage(_ uid: MessageUID, into sink: (UnsafeRawBufferPointer) throws -> Void) throws {
        guard let e = entries[uid.rawValue] else { throw StoreError.message("no message with UID \(uid) in \(path)") }
        let file = filePath(e)
        let fd = open(file, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw StoreError.message(Posix.errnoText("cannot open", file), retry: .temporary) }
        defer { close(fd) }
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: 256 * 1024, alignment: 8)
        defer { buffer.deallocate() }
        while true {
            let n = read(fd, buffer.baseAddress, buffer.count)
            if n < 0 { if errno == EINTR { continue }; throw StoreError.message(Posix.errnoText("cannot read", file), retry: .temporary) }
            if n == 0 { return }
            try sink(UnsafeRawBufferPointer(rebasing: buffer[0..<n]))
        }
    }

    func beginMessage(_ message: NewMessage) throws -> any MessageWriter {
        counter += 1
        var now = timespec()
        clock_gettime(CLOCK_REALTIME, &now)
        let base = "\(now.tv_sec).M\(now.tv_nsec / 1000)P\(getpid())Q\(counter).\(Posix.hostName)"
        return try MaildirMessageWriter(folder: self, base: base, message: message)
    }

    /// Called by the writer once its tmp file is complete: assigns the UID and makes it listable.
    func adopt(tmpName: String, base: String, size: Int, message: NewMessage) -> MessageUID {
        let uid = uidList.nextUID
        uidList.nextUID += 1
        let name = MaildirFileName(base: "\(base),S=\(size)", letters: "").with(flags: message.flags, keywords: &keywords)
        entries[uid] = Entry(subdir: "cur", name: name, size: size, mtime: message.internalDate.secondsSince1970,
                             pendingTmpName: tmpName)
        sortedUIDs.append(uid)
        pending.append(uid)
        return MessageUID(uid)
    }

    func setFlags(_ uid: MessageUID, to flags: MessageFlags) throws {
        guard var e = entries[uid.rawValue] else { throw StoreError.message("no message with UID \(uid) in \(path)") }
        let renamed = e.name.with(flags: flags, keywords: &keywords)
        guard renamed != e.name || e.subdir != "cur" else { return }
        if e.pendingTmpName == nil {
            try Posix.rename(filePath(e), "\(directory)/cur/\(renamed.fileName)", scope: .message)
            dirtyDirectories.insert("\(directory)/cur")
            if e.subdir == "new" { dirtyDirectories.insert("\(directory)/new") }
        }
        e.name = renamed
        e.subdir = "cur"
        entries[uid.rawValue] = e
    }

    /// The tmp/ files of messages written since the last commit: the store makes their data durable
    /// before `publish` gives them their names.
    var pendingTmpPaths: [String] { pending.map { "\(directory)/tmp/\(entries[$0]!.pendingTmpName!)" } }

    /// Part of the store's commit, after the data of `pendingTmpPaths` is durable: the keywords, the final
    /// names in cur/, the uidlist. Returns the paths whose changes the store must then make durable (one
    /// flush for all folders) before it reports the commit done.
    func publish() throws -> [String] {
        if keywords.changed {
            try Posix.writeFileAtomically("\(directory)/dovecot-keywords", Array(keywords.fileText.utf8), scope: .folder)
            keywords.markSaved()
        }
        for uid in pending {
            var e = entries[uid]!
            try Posix.rename("\(directory)/tmp/\(e.pendingTmpName!)", "\(directory)/cur/\(e.name.fileName)", scope: .folder)
            e.pendingTmpName = nil
            entries[uid] = e
            uidList.uids[e.name.base] = uid
            appendedRecords.append((uid, e.name.base))
        }
        if !pending.isEmpty { dirtyDirectories.insert("\(directory)/cur"); uidListDirty = true }
        pending.removeAll()
        var changed: [String] = []
        if uidListDirty {
            try uidListMustBeRewritten ? saveUIDList(sync: false) : appendUIDList()
            changed.append("\(directory)/dovecot-uidlist")
        }
        changed += dirtyDirectories.sorted()
        dirtyDirectories.removeAll()
        return changed
    }

    /// Takes Dovecot's dot-lock of the uidlist. A lock left by a crashed writer of ours (older than our
    /// writer lock) or older than two minutes is broken; a fresh one (a Dovecot at work) is waited for.
    private func lockUIDList() throws -> (fd: Int32, path: String) {
        let lock = "\(directory)/dovecot-uidlist.lock"
        var fd = open(lock, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        var waited = 0
        while fd < 0 && errno == EEXIST && waited < 500 {
            if let st = Posix.fileStat(lock), writerLock?.isStale(st) == true || Int64(time(nil)) - Int64(st.st_mtim.tv_sec) > 120 {
                unlink(lock)
            } else {
                usleep(10_000); waited += 1
            }
            fd = open(lock, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        }
        guard fd >= 0 else { throw StoreError.folder(Posix.errnoText("cannot lock uidlist", lock), retry: .temporary) }
        return (fd, lock)
    }

    /// Writes the whole uidlist the way Dovecot does: into its dot-lock file, then renamed over the list.
    /// `sync`: fsync it now (when opening); a commit leaves that to the store's flush.
    private func saveUIDList(sync: Bool) throws {
        let (fd, lock) = try lockUIDList()
        let text = Array(uidList.fileText.utf8)
        let ok = text.withUnsafeBytes { Posix.writeAll(fd, $0) } && (!sync || fsync(fd) == 0)
        close(fd)
        guard ok else { unlink(lock); throw StoreError.folder(Posix.errnoText("cannot write", lock), retry: .temporary) }
        try Posix.rename(lock, "\(directory)/dovecot-uidlist", scope: .folder)
        dirtyDirectories.insert(directory)
        uidListDirty = false
        uidListMustBeRewritten = false
        appendedRecords.removeAll()
    }

    /// Appends the new records under the dot-lock. Readers take the next UID as the larger of the header's
    /// N and the last record + 1, so the header need not change.
    private func appendUIDList() throws {
        let (lockFD, lock) = try lockUIDList()
        let path = "\(directory)/dovecot-uidlist"
        let fd = open(path, O_WRONLY | O_APPEND | O_CLOEXEC)
        guard fd >= 0 else {
            // The list vanished under us: write it whole instead.
            close(lockFD); unlink(lock)
            return try saveUIDList(sync: false)
        }
        let text = Array(appendedRecords.map { "\($0.0) :\($0.1)\n" }.joined().utf8)
        let ok = text.withUnsafeBytes { Posix.writeAll(fd, $0) }
        close(fd)
        close(lockFD); unlink(lock)
        guard ok else { throw StoreError.folder(Posix.errnoText("cannot append to", path), retry: .temporary) }
        uidListDirty = false
        appendedRecords.removeAll()
    }

    static func randomGUID() -> String {
        var bytes = [UInt8](repeating: 0, count: 16)
        for i in bytes.indices { bytes[i] = UInt8.random(in: 0...255) }
        return hexString(bytes)
    }
}
