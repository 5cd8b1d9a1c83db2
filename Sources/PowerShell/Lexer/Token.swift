/// What a token is. Values (string contents, numbers) are decoded on demand from the source bytes,
/// so scanning allocates nothing per token.
public enum TokenKind: UInt8, Sendable {
    case endOfInput, newline, semicolon
    /// Argument-mode word or command name (`Get-Item`, `C:\x.csv`, `a$b`); flags say if it needs decoding.
    case generic
    /// A member name after `.` or `::`.
    case identifier
    case number
    case variable
    /// `@name`.
    case splattedVariable
    /// `-Name`, `-Name:` (flag `colon`).
    case parameter
    /// `'...'`, `"..."`, `@'...'@`, `@"..."@`.
    case stringLiteral, stringExpandable, hereStringLiteral, hereStringExpandable
    case lParen, rParen, lCurly, rCurly, lBracket, rBracket
    /// `@(`, `@{`, `$(`.
    case atParen, atCurly, dollarParen
    case pipe, ampersand, dot, dotDot, colonColon, comma
    case plus, minus, multiply, divide, remainder, exclaim
    case equals, plusEquals, minusEquals, multiplyEquals, divideEquals, remainderEquals
    case plusPlus, minusMinus
    /// `-eq`, `-not`, `-f`, ...: `aux` indexes `DashOperator.all`.
    case dashOperator
    /// `>`, `>>`, `2>`, `2>&1`, `*>`...: `aux` is a `RedirectionCode`.
    case redirection
    /// `<` (reserved by pwsh).
    case lessThan
    case andAnd, orOr
    /// `:name` at the start of a statement.
    case label
    /// A character that starts nothing valid here.
    case unknown
}

/// Errors found while scanning a token, reported when the parser consumes it.
public enum LexError: UInt8, Sendable {
    case none
    case unterminatedSingle, unterminatedDouble, unterminatedHereSingle, unterminatedHereDouble
    case hereStringHeader, hereStringFooterWhitespace
    case emptyBracedVariable, unterminatedBracedVariable
    case invalidVariable, invalidVariableWithDrive
    /// A `$(` inside a string or bareword that never closes.
    case unclosedSubexpression
    /// `<#` without `#>`.
    case unterminatedComment
    /// A backtick as the very last character.
    case incompleteEscape
}

public struct Token: Sendable {
    public var kind: TokenKind
    /// UTF-8 offsets of the token text.
    public var start: Int
    public var end: Int
    /// Operator index or redirection code.
    public var aux: UInt16 = 0
    public var flags: TokenFlags = []
    public var error: LexError = .none
    /// Where a scanning error points (e.g. an unclosed quote inside a bareword).
    public var errorOffset: Int = 0

    public init(kind: TokenKind, start: Int, end: Int) {
        self.kind = kind
        self.start = start
        self.end = end
    }
}

public struct TokenFlags: OptionSet, Sendable {
    public let rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }
    /// Whitespace, a comment or a line continuation came right before the token.
    public static let spaceBefore = TokenFlags(rawValue: 1)
    /// A parameter written `-Name:`.
    public static let colon = TokenFlags(rawValue: 2)
    /// A generic token holding `$` expansions (becomes an expandable string as an argument).
    public static let expandable = TokenFlags(rawValue: 4)
    /// A generic token with quotes or escapes (its value differs from its text).
    public static let needsDecoding = TokenFlags(rawValue: 8)
}

/// A redirection operator packed into `Token.aux`: bits 0-3 source stream, bit 4 append, bits 5-7 merge target (0 = file).
public struct RedirectionCode: Sendable {
    public let from: RedirectionStream
    public let append: Bool
    /// The stream merged into (`2>&1` -> output), nil for a file redirection.
    public let mergeTo: RedirectionStream?

    public init(from: RedirectionStream, append: Bool, mergeTo: RedirectionStream?) {
        self.from = from
        self.append = append
        self.mergeTo = mergeTo
    }

    public init(aux: UInt16) {
        from = RedirectionStream(rawValue: Int(aux & 0xF)) ?? .output
        append = aux & 0x10 != 0
        let m = Int(aux >> 5)
        mergeTo = m == 0 ? nil : RedirectionStream(rawValue: m == 7 ? 0 : m)
    }

    public var aux: UInt16 {
        var v = UInt16(from.rawValue) | (append ? 0x10 : 0)
        if let m = mergeTo { v |= UInt16(m == .all ? 7 : m.rawValue) << 5 }
        return v
    }
}

/// How the parser asks for the next token: the same characters mean different things per mode.
public enum LexMode: Sendable {
    /// Start of a statement: values start expressions, anything else is a command name.
    case statementStart
    /// Inside an expression: operators are recognised, words are not values.
    case expression
    /// Command arguments: unquoted text is a bareword string.
    case command
    /// Right after `.` or `::`: a member name.
    case member
}
