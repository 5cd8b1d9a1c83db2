/// The limits that keep a hostile or broken server from making the client allocate without bound.
public struct ParserLimits: Hashable, Sendable {
    /// Bytes of one response that are not a streamed body (lines plus small literals such as mailbox names).
    public var maxResponseBytes: Int = 16 << 20
    /// Size of one streamed body literal (BODY[], BINARY[], RFC822).
    public var maxBodyBytes: Int = 1 << 31
    /// Nesting depth of parenthesised lists.
    public var maxDepth: Int = 32
    /// Data items in one FETCH response.
    public var maxFetchAttributes: Int = 128
    /// Items in one list (flags, SEARCH results, capabilities...).
    public var maxListItems: Int = 4_000_000

    public init() {}
    public static let `default` = ParserLimits()
}

/// Which limit a response exceeded.
public enum ParserLimit: String, Hashable, Sendable {
    case responseBytes, bodyBytes, depth, fetchAttributes, listItems
}

/// A response the parser cannot accept. After one of these the byte stream cannot be resynchronised: the
/// connection must be closed.
public enum IMAPParseError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The bytes break the grammar: a hint and the stream offset where parsing stopped.
    case malformed(String, offset: Int)
    case limitExceeded(ParserLimit)

    public var description: String {
        switch self {
        case .malformed(let hint, let offset): return "malformed server response at byte \(offset): \(hint)"
        case .limitExceeded(let limit): return "server response exceeds the \(limit.rawValue) limit"
        }
    }
}

/// Why a grammar function stopped: not enough bytes yet (`needBytes`: the buffer size that may let it finish),
/// or a real error.
enum ParseStop: Error {
    case incomplete(needBytes: Int?)
    case malformed(String, Int)
    case limit(ParserLimit)
}
