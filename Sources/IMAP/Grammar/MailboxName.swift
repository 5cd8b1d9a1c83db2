/// A mailbox name as it travels on the wire (modified UTF-7 bytes) with its decoded Unicode form.
/// `INBOX` is case-insensitive (RFC 3501 §5.1); every other name is compared byte for byte.
public struct MailboxName: Hashable, Sendable, CustomStringConvertible {
    /// The exact wire bytes (modified UTF-7 for IMAP4rev1 servers).
    public let wire: [UInt8]

    public init(wire: [UInt8]) {
        // Normalise INBOX so that "inbox" and "INBOX" are the same mailbox.
        if wire.count == 5, String(decoding: wire, as: UTF8.self).uppercased() == "INBOX" {
            self.wire = Array("INBOX".utf8)
        } else {
            self.wire = wire
        }
    }

    /// Makes a name from its Unicode form (encoded to modified UTF-7).
    public init(_ name: String) { self.init(wire: Array(ModifiedUTF7.encode(name).utf8)) }

    public static let inbox = MailboxName("INBOX")

    /// The Unicode form; the raw wire text if the server sent invalid modified UTF-7.
    public var name: String {
        let raw = String(decoding: wire, as: UTF8.self)
        return ModifiedUTF7.decode(raw) ?? raw
    }

    public var description: String { name }

    /// The path components for a hierarchy delimiter.
    public func components(delimiter: Character?) -> [String] {
        guard let d = delimiter else { return [name] }
        return name.split(separator: d, omittingEmptySubsequences: false).map(String.init)
    }
}
