/// A message flag: a system flag (`\Seen`) or a keyword (`$Forwarded`). Compared case-insensitively (RFC 3501 §2.3.2).
public struct Flag: Hashable, Sendable, CustomStringConvertible {
    /// The flag as written on the wire, including a leading backslash for system flags.
    public let rawValue: String
    private let key: String

    public init(_ rawValue: String) { self.rawValue = rawValue; self.key = rawValue.lowercased() }

    public static func == (a: Flag, b: Flag) -> Bool { a.key == b.key }
    public func hash(into h: inout Hasher) { h.combine(key) }
    public var description: String { rawValue }

    public var isSystemFlag: Bool { rawValue.hasPrefix("\\") }

    public static let seen = Flag("\\Seen")
    public static let answered = Flag("\\Answered")
    public static let flagged = Flag("\\Flagged")
    public static let deleted = Flag("\\Deleted")
    public static let draft = Flag("\\Draft")
    public static let recent = Flag("\\Recent")
    /// `\*` in PERMANENTFLAGS: new keywords may be created.
    public static let wildcard = Flag("\\*")
}

/// A LIST/LSUB mailbox attribute, e.g. `\Noselect`, `\HasChildren`, or a special-use role (RFC 6154).
public struct MailboxAttribute: Hashable, Sendable, CustomStringConvertible {
    public let rawValue: String
    private let key: String
    public init(_ rawValue: String) { self.rawValue = rawValue; self.key = rawValue.lowercased() }
    public static func == (a: MailboxAttribute, b: MailboxAttribute) -> Bool { a.key == b.key }
    public func hash(into h: inout Hasher) { h.combine(key) }
    public var description: String { rawValue }

    public static let noselect = MailboxAttribute("\\Noselect")
    public static let noinferiors = MailboxAttribute("\\Noinferiors")
    public static let nonExistent = MailboxAttribute("\\NonExistent")
    public static let hasChildren = MailboxAttribute("\\HasChildren")
    public static let hasNoChildren = MailboxAttribute("\\HasNoChildren")
    public static let marked = MailboxAttribute("\\Marked")
    public static let unmarked = MailboxAttribute("\\Unmarked")
    public static let all = MailboxAttribute("\\All")
    public static let archive = MailboxAttribute("\\Archive")
    public static let drafts = MailboxAttribute("\\Drafts")
    public static let flagged = MailboxAttribute("\\Flagged")
    public static let junk = MailboxAttribute("\\Junk")
    public static let sent = MailboxAttribute("\\Sent")
    public static let trash = MailboxAttribute("\\Trash")

    /// The RFC 6154 special-use roles.
    public static let specialUse: Set<MailboxAttribute> = [.all, .archive, .drafts, .flagged, .junk, .sent, .trash]
}
