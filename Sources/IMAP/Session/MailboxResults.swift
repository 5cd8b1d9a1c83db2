// Values that mailbox commands return.

/// The state of the selected mailbox, from SELECT/EXAMINE and kept current by untagged EXISTS/EXPUNGE.
public struct SelectedMailbox: Hashable, Sendable {
    public var name: MailboxName
    public var readOnly = false
    public var exists: UInt32 = 0
    public var recent: UInt32 = 0
    public var uidValidity: UIDValidity?
    public var uidNext: UID?
    /// CONDSTORE: nil when the server does not track mod-sequences for this mailbox.
    public var highestModSeq: ModSequence?
    public var flags: [Flag] = []
    public var permanentFlags: [Flag] = []
    public var firstUnseen: SequenceNumber?
    public init(name: MailboxName) { self.name = name }
}

/// What an APPEND produced: with UIDPLUS, the mailbox's UIDVALIDITY and the new messages' UIDs.
public struct AppendResult: Hashable, Sendable {
    public var uidValidity: UIDValidity?
    public var uids: [UID]
}

/// Counters from STATUS; absent items are nil.
public struct MailboxStatus: Hashable, Sendable {
    public var messages: UInt32?
    public var recent: UInt32?
    public var uidNext: UID?
    public var uidValidity: UIDValidity?
    public var unseen: UInt32?
    public var highestModSeq: ModSequence?
    public var size: UInt64?
    public init() {}
}
