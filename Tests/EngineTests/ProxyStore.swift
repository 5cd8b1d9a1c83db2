// A MailStore wrapper for tests (mbsync's drv_proxy): forwards every call, can give folders special-use
// roles a Maildir cannot express, can fail chosen messages, and counts what reaches the inner store.
@testable import Engine

final class ProxyStore: MailStore {
    let inner: any MailStore
    var roles: [FolderPath: FolderRole] = [:]
    var noselect: Set<FolderPath> = []
    /// Fetching these (folder, UID) fails with a message-scope error.
    var failingMessages: Set<String> = []
    var readOnly = false
    private(set) var calls: [String] = []

    init(_ inner: any MailStore) { self.inner = inner }

    var traits: StoreTraits { var t = inner.traits; if readOnly { t.writable = false }; return t }

    func listFolders() throws -> [FolderInfo] {
        calls.append("list")
        var out = try inner.listFolders().map { f -> FolderInfo in
            var g = f
            if let r = roles[f.path] { g.role = r }
            if noselect.contains(f.path) { g.selectable = false }
            return g
        }
        out.sort { $0.path < $1.path }
        return out
    }
    func createFolder(_ path: FolderPath) throws { precondition(!readOnly, "write to a read-only source"); calls.append("create \(path)"); try inner.createFolder(path) }
    func openFolder(_ path: FolderPath) throws -> any MailFolder {
        calls.append("open \(path)")
        return ProxyFolder(inner: try inner.openFolder(path), owner: self)
    }
    func commit() throws { calls.append("commit"); try inner.commit() }
    func close() { inner.close() }

    final class ProxyFolder: MailFolder {
        let inner: any MailFolder
        unowned let owner: ProxyStore
        init(inner: any MailFolder, owner: ProxyStore) { self.inner = inner; self.owner = owner }
        var path: FolderPath { inner.path }
        var status: FolderStatus { inner.status }
        func listMessages(uids: ClosedRange<MessageUID>, changedSince: UInt64?) throws -> [MessageMeta] {
            try inner.listMessages(uids: uids, changedSince: changedSince)
        }
        func fetchMessage(_ uid: MessageUID, into sink: (UnsafeRawBufferPointer) throws -> Void) throws {
            if owner.failingMessages.contains("\(path)#\(uid)") { throw StoreError.message("simulated unreadable message") }
            try inner.fetchMessage(uid, into: sink)
        }
        func beginMessage(_ message: NewMessage) throws -> any MessageWriter {
            precondition(!owner.readOnly, "write to a read-only source")
            owner.calls.append("append")
            return try inner.beginMessage(message)
        }
        func setFlags(_ uid: MessageUID, to flags: MessageFlags) throws {
            precondition(!owner.readOnly, "write to a read-only source")
            owner.calls.append("flags")
            try inner.setFlags(uid, to: flags)
        }
    }
}
