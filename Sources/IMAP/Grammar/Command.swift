/// A FETCH data item the client can ask for.
public enum FetchItem: Hashable, Sendable {
    case uid, flags, internalDate, rfc822Size, modSequence
    /// `BODY.PEEK[]`: the whole message without setting \Seen.
    case bodyPeek
    /// `BODY.PEEK[HEADER]`.
    case headerPeek
    /// `BINARY.PEEK[]` (RFC 3516): decoded content, may arrive as literal8.
    case binaryPeek
    /// Any other item, written as given.
    case raw(String)

    var wire: String {
        switch self {
        case .uid: return "UID"
        case .flags: return "FLAGS"
        case .internalDate: return "INTERNALDATE"
        case .rfc822Size: return "RFC822.SIZE"
        case .modSequence: return "MODSEQ"
        case .bodyPeek: return "BODY.PEEK[]"
        case .headerPeek: return "BODY.PEEK[HEADER]"
        case .binaryPeek: return "BINARY.PEEK[]"
        case .raw(let s): return s
        }
    }
}

/// One message for APPEND.
public struct AppendMessage: Sendable {
    public var flags: [Flag]
    public var internalDate: InternalDate?
    public var bytes: [UInt8]
    public init(bytes: [UInt8], flags: [Flag] = [], internalDate: InternalDate? = nil) {
        self.bytes = bytes; self.flags = flags; self.internalDate = internalDate
    }
}

/// A command as the session layer sends it: text pieces and literals. How a literal is sent (synchronising
/// `{n}` or LITERAL+ `{n+}`) is decided when it is written, from the server's capabilities.
public struct Command: Sendable {
    public enum Part: Sendable {
        case text([UInt8])
        case literal([UInt8])
    }

    /// The command name for error messages (`LOGIN`, `UID FETCH`); never includes arguments (no passwords).
    public let name: String
    public private(set) var parts: [Part] = []

    public init(_ name: String) {
        self.name = name
        parts = [.text(Array(name.utf8))]
    }

    public mutating func text(_ s: String) { appendText(Array(s.utf8)) }
    public mutating func space() { appendText([ByteCursor.sp]) }

    private mutating func appendText(_ bytes: [UInt8]) {
        if case .text(let prev)? = parts.last { parts[parts.count - 1] = .text(prev + bytes) } else { parts.append(.text(bytes)) }
    }

    /// Appends `SP value` as an atom when every byte allows it, else as a quoted string, else as a literal
    /// (8-bit or CR/LF/NUL content, or longer than 1000 bytes).
    public mutating func astring(_ value: [UInt8]) {
        space()
        if !value.isEmpty, value.count < 1000, value.allSatisfy({ $0 < 0x80 && ByteCursor.isAtomChar($0, allowBracket: true) }) {
            appendText(value)
        } else if value.count < 1000, value.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) {
            appendText(Self.quotedString(value))
        } else {
            parts.append(.literal(value))
        }
    }

    public mutating func astring(_ value: String) { astring(Array(value.utf8)) }

    /// Appends `SP` and a quoted string that is always quoted (LIST patterns: `%` and `*` are not atom chars).
    public mutating func quoted(_ value: [UInt8]) {
        if value.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) {
            space()
            appendText(Self.quotedString(value))
        } else {
            space(); parts.append(.literal(value))
        }
    }

    /// `"value"` with `"` and `\` escaped; the bytes must be printable ASCII.
    private static func quotedString(_ value: [UInt8]) -> [UInt8] {
        var q: [UInt8] = [ByteCursor.dquote]
        for b in value {
            if b == ByteCursor.dquote || b == ByteCursor.backslash { q.append(ByteCursor.backslash) }
            q.append(b)
        }
        q.append(ByteCursor.dquote)
        return q
    }

    /// Appends `SP` and a literal unconditionally (message bodies).
    public mutating func literal(_ bytes: [UInt8]) {
        space()
        parts.append(.literal(bytes))
    }

    /// Appends `SP (flag flag)`.
    public mutating func flagList(_ flags: [Flag]) {
        text(" (" + flags.map(\.rawValue).joined(separator: " ") + ")")
    }

    /// True if the command carries literals.
    public var hasLiterals: Bool { parts.contains { if case .literal = $0 { return true } else { return false } } }
}
