// Value types shared by every MailStore driver and the sync core.

/// A message UID within one folder of one store. Never confused with a sequence number.
public struct MessageUID: RawRepresentable, Hashable, Comparable, Sendable, CustomStringConvertible {
    public var rawValue: UInt32
    public init(rawValue: UInt32) { self.rawValue = rawValue }
    public init(_ value: UInt32) { self.rawValue = value }
    public static func < (a: MessageUID, b: MessageUID) -> Bool { a.rawValue < b.rawValue }
    public var description: String { String(rawValue) }
    public static let min = MessageUID(1)
    public static let max = MessageUID(UInt32.max)
}

/// A folder's name as decoded Unicode path components ("Parent", "Child"), independent of any separator.
public struct FolderPath: Hashable, Comparable, Sendable, CustomStringConvertible {
    public var components: [String]
    public init(_ components: [String]) { self.components = components }
    public init(_ joined: String, separator: Character) {
        self.components = joined.split(separator: separator, omittingEmptySubsequences: false).map(String.init)
    }
    public static let inbox = FolderPath(["INBOX"])
    public var isInbox: Bool { components.count == 1 && components[0].uppercased() == "INBOX" }
    public var parent: FolderPath? { components.count > 1 ? FolderPath(Array(components.dropLast())) : nil }
    public var leaf: String { components.last ?? "" }
    public func appending(_ component: String) -> FolderPath { FolderPath(components + [component]) }
    /// Exchange's display form: components joined with "/".
    public var description: String { components.joined(separator: "/") }
    public static func < (a: FolderPath, b: FolderPath) -> Bool { a.components.lexicographicallyPrecedes(b.components) }
}

/// Well-known folder roles (RFC 6154 special-use, plus the Inbox).
public enum FolderRole: String, Sendable, CaseIterable {
    case inbox, sent, drafts, trash, junk, archive, all, flagged
}

/// One entry of a store's folder list.
public struct FolderInfo: Hashable, Sendable {
    public var path: FolderPath
    /// The store's hierarchy delimiter, nil for a flat store.
    public var delimiter: Character?
    public var role: FolderRole?
    /// false for `\Noselect` / `\NonExistent` parents that exist only as hierarchy.
    public var selectable: Bool
    public init(path: FolderPath, delimiter: Character?, role: FolderRole? = nil, selectable: Bool = true) {
        self.path = path; self.delimiter = delimiter; self.role = role; self.selectable = selectable
    }
}

/// What opening a folder reports.
public struct FolderStatus: Hashable, Sendable {
    public var uidValidity: UInt32
    public var uidNext: UInt32
    public var messageCount: Int
    /// CONDSTORE HIGHESTMODSEQ, nil when the store has no mod-sequences.
    public var highestModSeq: UInt64?
    public init(uidValidity: UInt32, uidNext: UInt32, messageCount: Int, highestModSeq: UInt64? = nil) {
        self.uidValidity = uidValidity; self.uidNext = uidNext
        self.messageCount = messageCount; self.highestModSeq = highestModSeq
    }
}

/// A message's arrival time (IMAP INTERNALDATE), whole seconds since 1970 UTC. The zone offset is kept
/// when a store knows it (IMAP), but two dates are equal when they denote the same instant.
public struct InternalDate: Hashable, Comparable, Sendable, CustomStringConvertible {
    public var secondsSince1970: Int64
    public var zoneOffsetMinutes: Int?
    public init(secondsSince1970: Int64, zoneOffsetMinutes: Int? = nil) {
        self.secondsSince1970 = secondsSince1970; self.zoneOffsetMinutes = zoneOffsetMinutes
    }
    public static func == (a: InternalDate, b: InternalDate) -> Bool { a.secondsSince1970 == b.secondsSince1970 }
    public func hash(into h: inout Hasher) { h.combine(secondsSince1970) }
    public static func < (a: InternalDate, b: InternalDate) -> Bool { a.secondsSince1970 < b.secondsSince1970 }
    public var description: String { String(secondsSince1970) }
}

/// Metadata of one stored message, as listed by `MailFolder.listMessages`.
public struct MessageMeta: Hashable, Sendable {
    public var uid: MessageUID
    public var flags: MessageFlags
    public var internalDate: InternalDate
    /// Exact size in bytes of the message as `fetchMessage` delivers it.
    public var size: Int
    public var modSeq: UInt64?
    public init(uid: MessageUID, flags: MessageFlags, internalDate: InternalDate, size: Int, modSeq: UInt64? = nil) {
        self.uid = uid; self.flags = flags; self.internalDate = internalDate; self.size = size; self.modSeq = modSeq
    }
}

/// What a store needs to know before the bytes of a new message arrive.
public struct NewMessage: Hashable, Sendable {
    public var flags: MessageFlags
    public var internalDate: InternalDate
    /// The number of bytes the caller expects to write (drivers that must announce a size, such as IMAP
    /// APPEND, use what was actually written instead).
    public var size: Int
    public init(flags: MessageFlags, internalDate: InternalDate, size: Int) {
        self.flags = flags; self.internalDate = internalDate; self.size = size
    }
}
