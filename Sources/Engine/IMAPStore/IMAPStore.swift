// An IMAP account as a MailStore: the migration source (read-only: EXAMINE and BODY.PEEK, so no flag on
// the source ever changes) or a target server (APPEND with flags and internal date, UIDPLUS for UIDs).
import IMAP

public final class IMAPStore: MailStore {
    let connection: IMAPConnection
    public let readOnly: Bool
    public private(set) var traits: StoreTraits
    private var known: [FolderPath: FolderInfo] = [:]
    private var current: IMAPFolder?
    /// Set after an error that leaves the connection in an unknown state; every later call fails.
    var broken: StoreError?
    /// Messages waiting for the next commit, per mailbox, in order.
    private var pending: [(mailbox: MailboxName, messages: [AppendMessage], tickets: [StoredMessageTicket])] = []

    /// Wraps a logged-in connection. Lists the folders once to learn the delimiter and special-use folders.
    public init(connection: IMAPConnection, readOnly: Bool) throws {
        self.connection = connection
        self.readOnly = readOnly
        traits = StoreTraits(delimiter: "/", hasModSeq: connection.capabilities.contains(.condStore), writable: !readOnly)
        let folders = try listFolders()
        if let d = folders.lazy.compactMap(\.delimiter).first { traits.delimiter = d }
        // The well-known folders are the server's special-use folders, else the usual names.
        var names = MaildirStore.defaultWellKnownNames
        for f in folders { if let r = f.role { names[r] = f.path } }
        names[.inbox] = .inbox
        traits.wellKnownNames = names
    }

    /// Connects, logs in and wraps the connection. Admin logins ("user*admin") pass through as the user name.
    public static func connect(host: String, port: Int, options: ConnectionOptions, user: String, password: String,
                               readOnly: Bool) throws -> IMAPStore {
        do {
            let c = try IMAPConnection.connect(host: host, port: port, options: options)
            try c.login(user: user, password: password)
            return try IMAPStore(connection: c, readOnly: readOnly)
        } catch {
            throw Self.storeError(error, scope: .store)
        }
    }

    func mailboxName(_ path: FolderPath) -> MailboxName {
        path.isInbox ? .inbox : MailboxName(path.components.joined(separator: String(traits.delimiter)))
    }

    public func listFolders() throws -> [FolderInfo] {
        try checkUsable()
        let entries: [MailboxListEntry]
        do { entries = try connection.list() } catch { throw Self.storeError(error, scope: .store) }
        var out: [FolderInfo] = []
        for e in entries {
            let comps = e.mailbox.components(delimiter: e.delimiter)
            let path = comps.count == 1 && comps[0].uppercased() == "INBOX" ? FolderPath.inbox : FolderPath(comps)
            out.append(FolderInfo(path: path, delimiter: e.delimiter, role: Self.role(e.specialUse), selectable: e.isSelectable))
        }
        out.sort { $0.path < $1.path }
        known = Dictionary(out.map { ($0.path, $0) }, uniquingKeysWith: { a, _ in a })
        return out
    }

    static func role(_ a: MailboxAttribute?) -> FolderRole? {
        switch a {
        case .sent?: .sent
        case .drafts?: .drafts
        case .trash?: .trash
        case .junk?: .junk
        case .archive?: .archive
        case .all?: .all
        case .flagged?: .flagged
        default: nil
        }
    }

    public func createFolder(_ path: FolderPath) throws {
        try checkUsable()
        guard !readOnly else { throw StoreError.store("the source store is read-only", retry: .final) }
        if path.isInbox || known[path]?.selectable == true { return }
        do {
            try connection.create(mailboxName(path))
        } catch {
            // Someone may have created it meanwhile (NO [ALREADYEXISTS]); only a missing folder is an error.
            _ = try listFolders()
            if known[path]?.selectable != true { throw Self.storeError(error, scope: .folder) }
        }
        known[path] = FolderInfo(path: path, delimiter: traits.delimiter, selectable: true)
    }

    public func openFolder(_ path: FolderPath) throws -> any MailFolder {
        try checkUsable()
        let name = mailboxName(path)
        let selected: SelectedMailbox
        do {
            selected = readOnly ? try connection.examine(name, condstore: traits.hasModSeq)
                                : try connection.select(name, condstore: traits.hasModSeq)
        } catch {
            throw Self.storeError(error, scope: .folder)
        }
        var uidNext = selected.uidNext?.rawValue
        if uidNext == nil { uidNext = (try? connection.status(name, items: [.uidNext]))?.uidNext?.rawValue }
        let status = FolderStatus(uidValidity: selected.uidValidity?.rawValue ?? 0, uidNext: uidNext ?? 1,
                                  messageCount: Int(selected.exists), highestModSeq: selected.highestModSeq?.rawValue)
        let folder = IMAPFolder(store: self, path: path, name: name, status: status)
        current = folder
        return folder
    }

    /// Queued bytes above which the queue is sent at once, so memory stays bounded per user.
    public var maxQueuedBytes = 8 * 1024 * 1024
    private var queuedBytes = 0

    func enqueue(_ message: AppendMessage, to mailbox: MailboxName, ticket: StoredMessageTicket) throws {
        if pending.last?.mailbox == mailbox {
            pending[pending.count - 1].messages.append(message); pending[pending.count - 1].tickets.append(ticket)
        } else {
            pending.append((mailbox, [message], [ticket]))
        }
        queuedBytes += message.bytes.count
        if queuedBytes >= maxQueuedBytes { try commit() }
    }

    /// Sends the queued messages, one MULTIAPPEND per mailbox (pipelined APPENDs without it); a message is
    /// durable once the server's tagged OK arrived. If the server refuses a group, its messages are sent one
    /// by one so only the refused ones fail (message scope, on their tickets).
    public func commit() throws {
        try checkUsable()
        while let group = pending.first {
            do {
                let result = try connection.append(group.messages, to: group.mailbox)
                assign(result, to: group.tickets, in: group.mailbox)
            } catch let e as IMAPError {
                let ranked = Self.storeError(e, scope: .message)
                guard ranked.scope == .message else { broken = ranked; throw ranked }
                for (m, t) in zip(group.messages, group.tickets) {
                    do { assign(try connection.append(m, to: group.mailbox), to: [t], in: group.mailbox) } catch {
                        let r = Self.storeError(error, scope: .message)
                        guard r.scope == .message else { broken = r; throw r }
                        t.error = r
                    }
                }
            }
            pending.removeFirst()
        }
        queuedBytes = 0
    }

    private func assign(_ result: AppendResult, to tickets: [StoredMessageTicket], in mailbox: MailboxName) {
        guard result.uids.count == tickets.count else { return }
        for (uid, t) in zip(result.uids, tickets) { t.uid = MessageUID(uid.rawValue) }
        if let folder = current, folder.name == mailbox { folder.noteAppended(result.uids.map(\.rawValue)) }
    }

    public func close() {
        connection.logout()
        current = nil
    }

    func checkUsable(_ folder: IMAPFolder? = nil) throws {
        if let broken { throw broken }
        if let folder, folder !== current { throw StoreError.folder("folder \(folder.path) is no longer selected", retry: .temporary) }
    }

    /// Maps an IMAP error to the store's ranking: NO/BAD answers stay at `scope`, anything about the
    /// connection is store-wide and temporary, a refused login or certificate is final.
    static func storeError(_ error: any Error, scope: StoreError.Scope) -> StoreError {
        if let e = error as? StoreError { return e }
        guard let e = error as? IMAPError else { return StoreError(scope, .temporary, String(describing: error)) }
        switch e {
        case .commandFailed(let command, _, _, let text):
            let verb = command.uppercased()
            if verb.hasPrefix("LOGIN") || verb.hasPrefix("AUTHENTICATE") {
                return StoreError(.store, .final, "login failed: \(text)", cause: .authentication)
            }
            return StoreError(scope, .final, "\(command) failed: \(text)")
        case .certificateRejected, .startTLSNotOffered, .tlsHandshakeFailed:
            return StoreError(.store, .final, e.description, cause: .tls)
        case .notIMAP:
            return StoreError(.store, .final, e.description, cause: .connection)
        default:
            return StoreError(.store, .temporary, e.description, cause: .connection)
        }
    }
}
