/// How to secure the connection (Exchange's `-Security`).
public enum Security: String, Hashable, Sendable, CaseIterable {
    /// Plain text (usually port 143).
    case none
    /// Implicit TLS from the first byte (usually port 993).
    case ssl
    /// STARTTLS on a plain port; refuses to continue in plain text if the server does not offer it.
    case tls
}

/// Connection settings. Every wait is bounded: by `connectTimeout` while connecting and negotiating, by
/// `readTimeout` while waiting for server bytes, and by `deadline` overall if set (probes use it).
public struct ConnectionOptions: Sendable {
    public var security: Security
    public var tls: TLSConfiguration
    public var connectTimeout: Duration
    public var readTimeout: Duration
    public var deadline: ContinuousClock.Instant?
    public var limits: ParserLimits

    public init(security: Security = .ssl, tls: TLSConfiguration = .default, connectTimeout: Duration = .seconds(30),
                readTimeout: Duration = .seconds(120), deadline: ContinuousClock.Instant? = nil,
                limits: ParserLimits = .default) {
        self.security = security; self.tls = tls; self.connectTimeout = connectTimeout
        self.readTimeout = readTimeout; self.deadline = deadline; self.limits = limits
    }
}

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
