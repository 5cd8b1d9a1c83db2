extension IMAPConnection {
    /// LIST `reference` `pattern` (`*` matches across levels, `%` one level). Returns entries in server order with
    /// attributes (incl. special-use), delimiter and the mailbox name (wire bytes + decoded).
    public func list(reference: String = "", pattern: String = "*") throws(IMAPError) -> [MailboxListEntry] {
        try listing("LIST", reference: reference, pattern: pattern)
    }

    /// LSUB: the subscribed mailboxes matching `pattern`.
    public func lsub(reference: String = "", pattern: String = "*") throws(IMAPError) -> [MailboxListEntry] {
        try listing("LSUB", reference: reference, pattern: pattern)
    }

    private func listing(_ name: String, reference: String, pattern: String) throws(IMAPError) -> [MailboxListEntry] {
        var command = Command(name)
        command.quoted(Array(ModifiedUTF7.encode(reference).utf8))
        command.quoted(Array(ModifiedUTF7.encode(pattern).utf8))
        var entries: [MailboxListEntry] = []
        try run(command) { event in
            switch event {
            case .untagged(.list(let e)) where name == "LIST": entries.append(e)
            case .untagged(.lsub(let e)) where name == "LSUB": entries.append(e)
            default: break
            }
        }
        return entries
    }

    /// STATUS: counters of a mailbox without selecting it.
    public func status(_ mailbox: MailboxName,
                       items: [StatusAttribute] = [.messages, .uidNext, .uidValidity, .unseen])
        throws(IMAPError) -> MailboxStatus
    {
        var command = Command("STATUS")
        command.astring(mailbox.wire)
        command.text(" (" + items.map(\.rawValue).joined(separator: " ") + ")")
        var values: [StatusAttribute: UInt64] = [:]
        try run(command) { if case .untagged(.status(_, let v)) = $0 { values.merge(v) { $1 } } }
        func u32(_ a: StatusAttribute) -> UInt32? { values[a].flatMap { UInt32(exactly: $0) } }
        var status = MailboxStatus()
        status.messages = u32(.messages)
        status.recent = u32(.recent)
        status.uidNext = u32(.uidNext).map { UID($0) }
        status.uidValidity = u32(.uidValidity).map { UIDValidity($0) }
        status.unseen = u32(.unseen)
        status.highestModSeq = values[.highestModSeq].map { ModSequence($0) }
        status.size = values[.size]
        return status
    }

    /// SELECT (read-write) the mailbox; with `condstore` true (and CONDSTORE offered) asks for mod-sequences.
    /// Returns and stores in `selected` EXISTS, UIDVALIDITY, UIDNEXT, HIGHESTMODSEQ, flags.
    /// Errors: `.commandFailed` (e.g. NO for a missing mailbox); after a failure no mailbox is selected.
    @discardableResult
    public func select(_ mailbox: MailboxName, condstore: Bool = false) throws(IMAPError) -> SelectedMailbox {
        try open("SELECT", mailbox, condstore: condstore)
    }

    /// EXAMINE: like `select` but read-only, so fetching can never change flags.
    @discardableResult
    public func examine(_ mailbox: MailboxName, condstore: Bool = false) throws(IMAPError) -> SelectedMailbox {
        try open("EXAMINE", mailbox, condstore: condstore)
    }

    private func open(_ name: String, _ mailbox: MailboxName, condstore: Bool) throws(IMAPError) -> SelectedMailbox {
        var command = Command(name)
        command.astring(mailbox.wire)
        if condstore && capabilities.contains(.condStore) { command.text(" (CONDSTORE)") }
        var state = SelectedMailbox(name: mailbox)
        selected = nil
        let done = try run(command) { event in
            guard case .untagged(let u) = event else { return }
            switch u {
            case .exists(let n): state.exists = n
            case .recent(let n): state.recent = n
            case .flags(let f): state.flags = f
            case .ok(let text):
                switch text.code {
                case .uidValidity(let v)?: state.uidValidity = v
                case .uidNext(let v)?: state.uidNext = v
                case .highestModSeq(let v)?: state.highestModSeq = v
                case .permanentFlags(let f)?: state.permanentFlags = f
                case .unseen(let s)?: state.firstUnseen = s
                default: break
                }
            default: break
            }
        }
        if case .readOnly? = done.text.code { state.readOnly = true }
        if name == "EXAMINE" { state.readOnly = true }
        selected = state
        return state
    }

    /// UID SEARCH with raw search criteria (e.g. `ALL`, `SINCE 1-Jan-2020`, `MODSEQ 42`); the caller must
    /// supply valid IMAP syntax. Returns the matching UIDs in server order.
    public func uidSearch(_ criteria: String) throws(IMAPError) -> [UID] {
        var command = Command("UID SEARCH")
        command.text(" " + criteria)
        var uids: [UID] = []
        try run(command) { if case .untagged(.search(let n, _)) = $0 { uids += n.map { UID($0) } } }
        return uids
    }

    /// ENABLE (RFC 5161), e.g. CONDSTORE; returns what the server enabled.
    @discardableResult
    public func enable(_ capabilities: [Capability]) throws(IMAPError) -> [Capability] {
        var command = Command("ENABLE")
        command.text(" " + capabilities.map(\.name).joined(separator: " "))
        var enabled: [Capability] = []
        try run(command) { if case .untagged(.enabled(let c)) = $0 { enabled += c } }
        return enabled
    }

    /// CREATE a mailbox (tests and target stores).
    public func create(_ mailbox: MailboxName) throws(IMAPError) {
        var command = Command("CREATE")
        command.astring(mailbox.wire)
        try run(command)
    }
}

/// How UID STORE changes flags.
public enum StoreMode: String, Sendable {
    case add = "+FLAGS.SILENT", remove = "-FLAGS.SILENT", replace = "FLAGS.SILENT"
}

extension IMAPConnection {
    /// UID STORE `set` flags silently (no FETCH echo); `unchangedSince` adds the CONDSTORE guard.
    /// Errors: `.commandFailed`.
    public func uidStore(_ set: UIDSet, _ mode: StoreMode, flags: [Flag], unchangedSince: ModSequence? = nil)
        throws(IMAPError)
    {
        var command = Command("UID STORE")
        command.text(" \(set)")
        if let unchangedSince { command.text(" (UNCHANGEDSINCE \(unchangedSince))") }
        command.text(" " + mode.rawValue)
        command.flagList(flags)
        try run(command)
    }
}
