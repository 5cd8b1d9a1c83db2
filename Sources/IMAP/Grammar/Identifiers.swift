/// A message's unique identifier inside one mailbox (RFC 3501 §2.3.1.1). Only meaningful together with the
/// mailbox's `UIDValidity`. A distinct type so it can never be confused with a `SequenceNumber`.
public struct UID: RawRepresentable, Hashable, Comparable, Sendable, CustomStringConvertible {
    public var rawValue: UInt32
    public init(rawValue: UInt32) { self.rawValue = rawValue }
    public init(_ value: UInt32) { self.rawValue = value }
    public static func < (a: UID, b: UID) -> Bool { a.rawValue < b.rawValue }
    public var description: String { String(rawValue) }
    /// The largest UID; `*` in a UID set means "the highest UID in use".
    public static let max = UID(UInt32.max)
}

/// A message's position in the selected mailbox (1-based). Changes whenever messages are expunged.
public struct SequenceNumber: RawRepresentable, Hashable, Comparable, Sendable, CustomStringConvertible {
    public var rawValue: UInt32
    public init(rawValue: UInt32) { self.rawValue = rawValue }
    public init(_ value: UInt32) { self.rawValue = value }
    public static func < (a: SequenceNumber, b: SequenceNumber) -> Bool { a.rawValue < b.rawValue }
    public var description: String { String(rawValue) }
}

/// The mailbox's UIDVALIDITY: when it changes, every stored UID of that mailbox is void.
public struct UIDValidity: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
    public var rawValue: UInt32
    public init(rawValue: UInt32) { self.rawValue = rawValue }
    public init(_ value: UInt32) { self.rawValue = value }
    public var description: String { String(rawValue) }
}

/// A CONDSTORE modification sequence (RFC 7162), a 63-bit counter.
public struct ModSequence: RawRepresentable, Hashable, Comparable, Sendable, CustomStringConvertible {
    public var rawValue: UInt64
    public init(rawValue: UInt64) { self.rawValue = rawValue }
    public init(_ value: UInt64) { self.rawValue = value }
    public static func < (a: ModSequence, b: ModSequence) -> Bool { a.rawValue < b.rawValue }
    public var description: String { String(rawValue) }
}
