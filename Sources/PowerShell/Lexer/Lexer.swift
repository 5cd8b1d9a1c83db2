/// A modal PowerShell tokenizer over UTF-8 bytes.
///
/// It keeps no cursor: the parser asks for the token at an offset in a mode, so it can look ahead
/// and re-read the same characters in another mode (argument mode vs expression mode) for free.
public final class Lexer: @unchecked Sendable {
    public let bytes: [UInt8]
    public let count: Int
    /// Errors found while skipping trivia (an unterminated `<#` comment, a backtick at the very end),
    /// which belong to no token: (offset, error), each reported once.
    public private(set) var triviaErrors: [(offset: Int, error: LexError)] = []
    private var reportedTrivia = Set<Int>()

    public init(_ text: String) {
        bytes = Array(text.utf8)
        count = bytes.count
    }

    /// The token starting at or after `pos` (after whitespace, comments and line continuations).
    public func next(at pos: Int, mode: LexMode) -> Token {
        let i = skipTrivia(pos)
        var t = scan(at: i, mode: mode)
        if i > pos { t.flags.insert(.spaceBefore) }
        return t
    }

    /// Skips spaces, comments and backtick-newline continuations; stops at a newline.
    public func skipTrivia(_ pos: Int) -> Int {
        var i = pos
        while i < count {
            let c = bytes[i]
            if c == UInt8(ascii: " ") || c == 0x09 { i += 1; continue }
            let ws = whitespaceLength(i)
            if ws > 0 { i += ws; continue }
            if c == UInt8(ascii: "`") {
                let nl = newlineLength(i + 1)
                if nl > 0 { i += 1 + nl; continue }
                // pwsh: a backtick before spaces at the start of a token is just whitespace
                // (so `-Name x `<space><newline>` still ends the statement at the newline)
                let ws = whitespaceLength(i + 1)
                if ws > 0 { i += 1 + ws; continue }
                if i + 1 == count {
                    // a line ending in a continuation backtick with nothing after it: more input is needed
                    if reportedTrivia.insert(i).inserted { triviaErrors.append((i + 1, .incompleteEscape)) }
                    return count
                }
                return i
            }
            if c == UInt8(ascii: "#") {
                while i < count, bytes[i] != 0x0A, bytes[i] != 0x0D { i += 1 }
                continue
            }
            if c == UInt8(ascii: "<"), byte(i + 1) == UInt8(ascii: "#") {
                i = skipBlockComment(i)
                continue
            }
            return i
        }
        return i
    }

    private func skipBlockComment(_ start: Int) -> Int {
        var i = start + 2
        while i + 1 < count {
            if bytes[i] == UInt8(ascii: "#"), bytes[i + 1] == UInt8(ascii: ">") { return i + 2 }
            i += 1
        }
        if reportedTrivia.insert(start).inserted { triviaErrors.append((start, .unterminatedComment)) }
        return count
    }

    /// Skips trivia and newlines (and `;` when asked).
    public func skipTriviaAndNewlines(_ pos: Int) -> Int {
        var i = pos
        while true {
            i = skipTrivia(i)
            let nl = newlineLength(i)
            if nl == 0 { return i }
            i += nl
        }
    }

    // MARK: - Dispatch

    private func token(_ kind: TokenKind, _ start: Int, _ end: Int) -> Token {
        Token(kind: kind, start: start, end: end)
    }

    func scan(at i: Int, mode: LexMode) -> Token {
        guard i < count else { return token(.endOfInput, count, count) }
        let c = bytes[i]
        let next = byte(i + 1)
        switch c {
        case 0x0A: return token(.newline, i, i + 1)
        case 0x0D: return token(.newline, i, i + newlineLength(i))
        case UInt8(ascii: ";"): return token(.semicolon, i, i + 1)
        case UInt8(ascii: "("): return token(.lParen, i, i + 1)
        case UInt8(ascii: ")"): return token(.rParen, i, i + 1)
        case UInt8(ascii: "{"): return token(.lCurly, i, i + 1)
        case UInt8(ascii: "}"): return token(.rCurly, i, i + 1)
        case UInt8(ascii: ","): return token(.comma, i, i + 1)
        case UInt8(ascii: "|"): return next == UInt8(ascii: "|") ? token(.orOr, i, i + 2) : token(.pipe, i, i + 1)
        case UInt8(ascii: "&"): return next == UInt8(ascii: "&") ? token(.andAnd, i, i + 2) : token(.ampersand, i, i + 1)
        case UInt8(ascii: "$"): return scanDollar(i, mode: mode)
        case UInt8(ascii: "@"): return scanAt(i, mode: mode)
        default: break
        }
        if singleQuoteLength(i) > 0 { return scanSingleQuoted(i, quoteLength: singleQuoteLength(i)) }
        if doubleQuoteLength(i) > 0 { return scanDoubleQuoted(i, quoteLength: doubleQuoteLength(i)) }
        switch mode {
        case .command: return scanCommandMode(i)
        case .member:
            if identifierCharLength(i) > 0 {
                var j = i
                while true { let l = identifierCharLength(j); if l == 0 { break }; j += l }
                return token(.identifier, i, j)
            }
            return scanExpressionMode(i, statementStart: false)
        case .expression: return scanExpressionMode(i, statementStart: false)
        case .statementStart: return scanExpressionMode(i, statementStart: true)
        }
    }

    private func scanAt(_ i: Int, mode: LexMode) -> Token {
        let next = byte(i + 1)
        if next == UInt8(ascii: "(") { return token(.atParen, i, i + 2) }
        if next == UInt8(ascii: "{") { return token(.atCurly, i, i + 2) }
        if singleQuoteLength(i + 1) > 0 || doubleQuoteLength(i + 1) > 0 { return scanHereString(i) }
        if nameCharLength(i + 1) > 0 {
            var j = i + 1
            while true { let l = nameCharLength(j); if l == 0 { break }; j += l }
            if mode != .command || endsArgument(j) { return token(.splattedVariable, i, j) }
        }
        if mode == .expression { return token(.unknown, i, i + 1) }
        return scanGeneric(i)
    }

    // MARK: - Argument mode

    private func scanCommandMode(_ i: Int) -> Token {
        let c = bytes[i]
        let dash = dashLength(i)
        if dash > 0 {
            let after = i + dash
            if dashLength(after) == 1, endsArgument(after + 1) { return token(.minusMinus, i, after + 1) }
            let n = byte(after)
            if Lexer.isASCIILetter(n) || n == UInt8(ascii: "_") || n == UInt8(ascii: "?") || isOtherLetter(after) {
                return scanParameter(i, nameStart: after)
            }
            if Lexer.isDigit(n) || (n == UInt8(ascii: ".") && Lexer.isDigit(byte(after + 1))) {
                let end = scanNumber(after)
                if end > after, endsArgument(end) { return token(.number, i, end) }
            }
            return scanGeneric(i)
        }
        if Lexer.isDigit(c) {
            if let r = scanRedirection(i) { return r }
            let end = scanNumber(i)
            if end > i, endsArgument(end) { return token(.number, i, end) }
            return scanGeneric(i)
        }
        switch c {
        case UInt8(ascii: "."):
            if Lexer.isDigit(byte(i + 1)) {
                let end = scanNumber(i)
                if end > i, endsArgument(end) { return token(.number, i, end) }
            }
            return scanGeneric(i)
        case UInt8(ascii: ">"), UInt8(ascii: "*"):
            if let r = scanRedirection(i) { return r }
            return scanGeneric(i)
        case UInt8(ascii: "<"): return token(.lessThan, i, i + 1)
        default: return scanGeneric(i)
        }
    }

    /// `-Name` or `-Name:`; a quote inside makes the whole thing a bareword instead.
    private func scanParameter(_ i: Int, nameStart: Int) -> Token {
        var j = nameStart
        while j < count {
            let c = bytes[j]
            if c == UInt8(ascii: ":") {
                var t = token(.parameter, i, j + 1)
                t.flags.insert(.colon)
                return t
            }
            if endsArgument(j) || c == UInt8(ascii: ".") || c == UInt8(ascii: "[") { break }
            if singleQuoteLength(j) > 0 || doubleQuoteLength(j) > 0 { return scanGeneric(i) }
            if c == UInt8(ascii: "`") { break }
            j += 1
        }
        return token(.parameter, i, j)
    }

    /// `>`, `>>`, `>&1`, `2>`, `2>>`, `2>&1`, `*>`, `*>>`, `*>&1` (streams 1-6 and `*`).
    func scanRedirection(_ i: Int) -> Token? {
        var j = i
        var from = RedirectionStream.output
        let c = bytes[i]
        if c == UInt8(ascii: "*") { from = .all; j += 1 }
        else if c >= UInt8(ascii: "1"), c <= UInt8(ascii: "6") { from = RedirectionStream(rawValue: Int(c - 48))!; j += 1 }
        guard byte(j) == UInt8(ascii: ">") else { return nil }
        j += 1
        var code = RedirectionCode(from: from, append: false, mergeTo: nil)
        if byte(j) == UInt8(ascii: ">") {
            code = RedirectionCode(from: from, append: true, mergeTo: nil)
            j += 1
        } else if byte(j) == UInt8(ascii: "&"), byte(j + 1) >= UInt8(ascii: "1"), byte(j + 1) <= UInt8(ascii: "6") {
            code = RedirectionCode(from: from, append: false, mergeTo: RedirectionStream(rawValue: Int(byte(j + 1) - 48)))
            j += 2
        }
        var t = token(.redirection, i, j)
        t.aux = code.aux
        return t
    }

    // MARK: - Expression mode

    private func scanExpressionMode(_ i: Int, statementStart: Bool) -> Token {
        let c = bytes[i]
        let next = byte(i + 1)
        let dash = dashLength(i)
        if dash > 0 {
            let after = i + dash
            if dashLength(after) == 1 { return token(.minusMinus, i, after + 1) }
            if byte(after) == UInt8(ascii: "=") { return token(.minusEquals, i, after + 1) }
            if Lexer.isASCIILetter(byte(after)) {
                var j = after
                while Lexer.isASCIILetter(byte(j)) { j += 1 }
                if identifierCharLength(j) == 0, let op = lookupOperator(after, j) {
                    var t = token(.dashOperator, i, j)
                    t.aux = UInt16(op)
                    return t
                }
                if statementStart { return scanGeneric(i) }
                return scanParameter(i, nameStart: after)
            }
            return token(.minus, i, after)
        }
        switch c {
        case UInt8(ascii: "+"):
            if next == UInt8(ascii: "+") { return token(.plusPlus, i, i + 2) }
            if next == UInt8(ascii: "=") { return token(.plusEquals, i, i + 2) }
            return token(.plus, i, i + 1)
        case UInt8(ascii: "*"):
            if next == UInt8(ascii: "="), !statementStart { return token(.multiplyEquals, i, i + 2) }
            if let r = scanRedirection(i) { return r }
            return statementStart ? scanGeneric(i) : token(.multiply, i, i + 1)
        case UInt8(ascii: "/"):
            if statementStart { return scanGeneric(i) }
            return next == UInt8(ascii: "=") ? token(.divideEquals, i, i + 2) : token(.divide, i, i + 1)
        case UInt8(ascii: "%"):
            if statementStart { return scanGeneric(i) }
            return next == UInt8(ascii: "=") ? token(.remainderEquals, i, i + 2) : token(.remainder, i, i + 1)
        case UInt8(ascii: "!"): return token(.exclaim, i, i + 1)
        case UInt8(ascii: "="): return statementStart ? scanGeneric(i) : token(.equals, i, i + 1)
        case UInt8(ascii: ">"): return scanRedirection(i)!
        case UInt8(ascii: "<"): return token(.lessThan, i, i + 1)
        case UInt8(ascii: "["): return token(.lBracket, i, i + 1)
        case UInt8(ascii: "]"): return statementStart ? scanGeneric(i) : token(.rBracket, i, i + 1)
        case UInt8(ascii: "."):
            if next == UInt8(ascii: "."), !statementStart { return token(.dotDot, i, i + 2) }
            if Lexer.isDigit(next) {
                let end = scanNumber(i)
                if end > i, !continuesWord(end) { return token(.number, i, end) }
            }
            if statementStart {
                if whitespaceLength(i + 1) > 0 || i + 1 >= count || isNewline(i + 1) { return token(.dot, i, i + 1) }
                return scanGeneric(i)
            }
            return token(.dot, i, i + 1)
        case UInt8(ascii: ":"):
            if next == UInt8(ascii: ":") { return token(.colonColon, i, i + 2) }
            if statementStart, identifierCharLength(i + 1) > 0 {
                var j = i + 1
                while true { let l = identifierCharLength(j); if l == 0 { break }; j += l }
                return token(.label, i, j)
            }
            return statementStart ? scanGeneric(i) : token(.unknown, i, i + 1)
        default: break
        }
        if Lexer.isDigit(c) {
            if let r = scanRedirection(i) { return r }
            let end = scanNumber(i)
            if end > i, !continuesWord(end) { return token(.number, i, end) }
        }
        let g = scanGeneric(i)
        return g.end > g.start ? g : token(.unknown, i, i + scalarLength(i))
    }

    /// After a number in expression mode: characters that would make it a word (`16p`, `1_6`).
    private func continuesWord(_ i: Int) -> Bool {
        let c = byte(i)
        if i >= count { return false }
        return Lexer.isASCIILetter(c) || Lexer.isDigit(c) || c == UInt8(ascii: "_") || c == UInt8(ascii: "\\")
            || c == UInt8(ascii: "$") || isOtherLetter(i)
    }

    private func lookupOperator(_ start: Int, _ end: Int) -> Int? {
        guard end - start <= 12 else { return nil }
        var lowered = [UInt8](repeating: 0, count: end - start)
        for k in start..<end { lowered[k - start] = bytes[k] | 0x20 }
        return DashOperator.lookup(lowered[...])
    }

    /// The token text as written.
    public func text(_ t: Token) -> String { text(t.start, t.end) }

    public func text(_ start: Int, _ end: Int) -> String {
        let s = max(0, min(start, count)), e = max(s, min(end, count))
        return String(decoding: bytes[s..<e], as: UTF8.self)
    }
}
