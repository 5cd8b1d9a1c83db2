/// Status of a tagged response or an untagged status response.
public enum ResponseStatus: String, Hashable, Sendable {
    case ok = "OK", no = "NO", bad = "BAD"
}

/// The completion of one command (`a1 OK ...`).
public struct TaggedResponse: Hashable, Sendable {
    public var tag: String
    public var status: ResponseStatus
    public var text: ResponseText
    public init(tag: String, status: ResponseStatus, text: ResponseText) {
        self.tag = tag; self.status = status; self.text = text
    }
}

/// One entry of a LIST or LSUB response.
public struct MailboxListEntry: Hashable, Sendable {
    public var attributes: Set<MailboxAttribute>
    /// The hierarchy delimiter; nil when the server has a flat namespace (`NIL`).
    public var delimiter: Character?
    public var mailbox: MailboxName
    public init(attributes: Set<MailboxAttribute>, delimiter: Character?, mailbox: MailboxName) {
        self.attributes = attributes; self.delimiter = delimiter; self.mailbox = mailbox
    }
    /// The RFC 6154 role, if any (`\Sent`, `\Trash`, ...).
    public var specialUse: MailboxAttribute? { attributes.first { MailboxAttribute.specialUse.contains($0) } }
    public var isSelectable: Bool { !attributes.contains(.noselect) && !attributes.contains(.nonExistent) }
}

/// The attributes a STATUS command can ask for.
public enum StatusAttribute: String, Hashable, Sendable, CaseIterable {
    case messages = "MESSAGES", recent = "RECENT", uidNext = "UIDNEXT", uidValidity = "UIDVALIDITY"
    case unseen = "UNSEEN", highestModSeq = "HIGHESTMODSEQ", size = "SIZE"
}

/// A response that does not complete a command and is not part of a FETCH.
public enum UntaggedResponse: Hashable, Sendable {
    case ok(ResponseText)
    case no(ResponseText)
    case bad(ResponseText)
    case bye(ResponseText)
    case preauth(ResponseText)
    case capability([Capability])
    case enabled([Capability])
    case list(MailboxListEntry)
    case lsub(MailboxListEntry)
    case status(MailboxName, [StatusAttribute: UInt64])
    case flags([Flag])
    /// SEARCH results (UIDs for UID SEARCH) and the CONDSTORE highest mod-sequence of the matches.
    case search([UInt32], ModSequence?)
    case exists(UInt32)
    case recent(UInt32)
    case expunge(SequenceNumber)
    /// ID (RFC 2971) field/value pairs; empty for `ID NIL`.
    case id([String: String])
    /// QRESYNC (RFC 7162): UIDs expunged. `earlier`: reported for a past state (SELECT/FETCH with QRESYNC or
    /// VANISHED), not as expunges happening now.
    case vanished(earlier: Bool, UIDSet)
    /// Anything else, kept as its keyword and the rest of the line (literals are kept in `{n}` form only).
    case other(String, String)
}

/// One decoded unit of server output, in arrival order. FETCH responses are split into events so message bodies
/// can be streamed (see `FetchEvent`).
public enum ResponseEvent: Hashable, Sendable {
    case untagged(UntaggedResponse)
    case tagged(TaggedResponse)
    /// A command continuation request (`+ text`); for AUTHENTICATE the text is the base64 challenge.
    case continuation(String)
    case fetch(FetchEvent)
}
