/// One server capability (`IMAP4rev1`, `LITERAL+`, `AUTH=PLAIN`), compared case-insensitively.
public struct Capability: Hashable, Sendable, CustomStringConvertible {
    /// Upper-cased capability name.
    public let name: String
    public init(_ name: String) { self.name = name.uppercased() }
    public var description: String { name }

    public static let imap4rev1 = Capability("IMAP4rev1")
    public static let startTLS = Capability("STARTTLS")
    public static let loginDisabled = Capability("LOGINDISABLED")
    public static let authPlain = Capability("AUTH=PLAIN")
    public static let saslIR = Capability("SASL-IR")
    public static let literalPlus = Capability("LITERAL+")
    public static let literalMinus = Capability("LITERAL-")
    public static let multiAppend = Capability("MULTIAPPEND")
    public static let uidPlus = Capability("UIDPLUS")
    public static let condStore = Capability("CONDSTORE")
    public static let qresync = Capability("QRESYNC")
    public static let specialUse = Capability("SPECIAL-USE")
    public static let id = Capability("ID")
    public static let enable = Capability("ENABLE")
    public static let binary = Capability("BINARY")
    public static let idle = Capability("IDLE")
    /// RFC 4978: the server can compress the connection with DEFLATE (not used by the client; recognised).
    public static let compressDeflate = Capability("COMPRESS=DEFLATE")
}
