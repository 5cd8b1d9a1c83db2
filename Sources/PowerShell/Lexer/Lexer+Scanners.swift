/// Scanners for the token families that span several characters: barewords, strings,
/// here-strings, numbers and variables. Each returns where the token ends; values are decoded later.
extension Lexer {
    /// Limit on `$( )` nesting inside strings and barewords (deeper input is reported by the parser).
    static let maxNestedScan = 200

    // MARK: - Barewords

    /// An argument-mode word: runs to whitespace or `; , | & ( ) { }`; quotes join, backtick escapes,
    /// `$name`/`$( )` mark it expandable. With `stopAtEquals` it also ends at `=` (hashtable keys).
    public func scanGeneric(_ i: Int, stopAtEquals: Bool = false) -> Token {
        var t = Token(kind: .generic, start: i, end: i)
        var j = i
        while j < count, !endsArgument(j) {
            let c = bytes[j]
            if stopAtEquals, c == UInt8(ascii: "=") { break }
            if c == UInt8(ascii: "`") {
                if newlineLength(j + 1) > 0 { break }
                t.flags.insert(.needsDecoding)
                j += 1 + (j + 1 < count ? scalarLength(j + 1) : 0)
                continue
            }
            let sq = singleQuoteLength(j)
            if sq > 0 {
                t.flags.insert(.needsDecoding)
                let (end, closed) = singleQuotedEnd(j + sq)
                if !closed, t.error == .none { t.error = .unterminatedSingle; t.errorOffset = j }
                j = end
                continue
            }
            let dq = doubleQuoteLength(j)
            if dq > 0 {
                t.flags.insert(.needsDecoding)
                let r = doubleQuotedScan(j + dq, depth: 0)
                if let d = r.unclosedDollar, t.error == .none { t.error = .unclosedSubexpression; t.errorOffset = d }
                if !r.closed, t.error == .none { t.error = .unterminatedDouble; t.errorOffset = j }
                if hasDollar(j, r.end) { t.flags.insert(.expandable) }
                j = r.end
                continue
            }
            if c == UInt8(ascii: "$") {
                let n = byte(j + 1)
                if n == UInt8(ascii: "(") {
                    t.flags.insert(.expandable)
                    let r = subexpressionEnd(j + 2, depth: 0)
                    if !r.closed, t.error == .none { t.error = .unclosedSubexpression; t.errorOffset = j }
                    j = r.end
                    continue
                }
                if n == UInt8(ascii: "{") || nameCharLength(j + 1) > 0 || n == UInt8(ascii: "$") || n == UInt8(ascii: "^") {
                    t.flags.insert(.expandable)
                }
            }
            j += c < 0x80 ? 1 : scalarLength(j)
        }
        if j == i { j = min(count, i + scalarLength(i)) }
        t.end = j
        return t
    }

    private func hasDollar(_ s: Int, _ e: Int) -> Bool {
        var k = s
        while k < e { if bytes[k] == UInt8(ascii: "$") { return true }; k += 1 }
        return false
    }

    // MARK: - Quoted strings

    func scanSingleQuoted(_ i: Int, quoteLength: Int) -> Token {
        let (end, closed) = singleQuotedEnd(i + quoteLength)
        var t = Token(kind: .stringLiteral, start: i, end: end)
        if !closed { t.error = .unterminatedSingle; t.errorOffset = i }
        return t
    }

    func scanDoubleQuoted(_ i: Int, quoteLength: Int) -> Token {
        let r = doubleQuotedScan(i + quoteLength, depth: 0)
        var t = Token(kind: .stringExpandable, start: i, end: r.end)
        if let d = r.unclosedDollar {
            t.error = .unclosedSubexpression
            t.errorOffset = d
        } else if !r.closed {
            t.error = .unterminatedDouble
            t.errorOffset = i
        }
        return t
    }

    /// From just after an opening `'`: the offset after the closing quote (`''` is an escaped quote).
    func singleQuotedEnd(_ from: Int) -> (end: Int, closed: Bool) {
        var j = from
        while j < count {
            j = skipPlain(j, stopAt: UInt8(ascii: "'"), UInt8(ascii: "'"), UInt8(ascii: "'"))
            if j >= count { break }
            let q = singleQuoteLength(j)
            if q > 0 {
                let q2 = singleQuoteLength(j + q)
                if q2 > 0 { j += q + q2; continue }
                return (j + q, true)
            }
            j += 1
        }
        return (count, false)
    }

    /// From just after an opening `"`: the offset after the closing quote, skipping escapes and `$( )`.
    func doubleQuotedEnd(_ from: Int, depth: Int) -> (end: Int, closed: Bool) {
        let r = doubleQuotedScan(from, depth: depth)
        return (r.end, r.closed)
    }

    /// Like `doubleQuotedEnd`, also telling where an unclosed `$(` starts (it swallows the rest of the input).
    func doubleQuotedScan(_ from: Int, depth: Int) -> (end: Int, closed: Bool, unclosedDollar: Int?) {
        var j = from
        while j < count {
            j = skipPlain(j, stopAt: UInt8(ascii: "`"), UInt8(ascii: "$"), UInt8(ascii: "\""))
            if j >= count { break }
            let c = bytes[j]
            if c == UInt8(ascii: "`") { j += 1 + (j + 1 < count ? scalarLength(j + 1) : 0); continue }
            if c == UInt8(ascii: "$"), byte(j + 1) == UInt8(ascii: "(") {
                let r = subexpressionEnd(j + 2, depth: depth + 1)
                if !r.closed { return (count, false, j) }
                j = r.end
                continue
            }
            let q = doubleQuoteLength(j)
            if q > 0 {
                let q2 = doubleQuoteLength(j + q)
                if q2 > 0 { j += q + q2; continue }
                return (j + q, true, nil)
            }
            j += 1
        }
        return (count, false, nil)
    }

    /// From just after `$(`: the offset after the matching `)`, skipping nested strings and comments.
    func subexpressionEnd(_ from: Int, depth: Int) -> (end: Int, closed: Bool) {
        if depth > Lexer.maxNestedScan { return (count, false) }
        var j = from
        var parens = 1
        while j < count {
            let c = bytes[j]
            switch c {
            case UInt8(ascii: "("): parens += 1; j += 1
            case UInt8(ascii: ")"):
                parens -= 1
                j += 1
                if parens == 0 { return (j, true) }
            case UInt8(ascii: "`"): j += 1 + (j + 1 < count ? scalarLength(j + 1) : 0)
            case UInt8(ascii: "#"):
                if j == from || whitespaceLength(j - 1) > 0 || isNewline(j - 1) {
                    while j < count, !isNewline(j) { j += 1 }
                } else { j += 1 }
            case UInt8(ascii: "<") where byte(j + 1) == UInt8(ascii: "#"):
                var k = j + 2
                while k + 1 < count, !(bytes[k] == UInt8(ascii: "#") && bytes[k + 1] == UInt8(ascii: ">")) { k += 1 }
                j = min(count, k + 2)
            case UInt8(ascii: "@") where singleQuoteLength(j + 1) > 0 || doubleQuoteLength(j + 1) > 0:
                let t = scanHereString(j)
                j = max(t.end, j + 1)
            default:
                let sq = singleQuoteLength(j)
                if sq > 0 { j = singleQuotedEnd(j + sq).end; continue }
                let dq = doubleQuoteLength(j)
                if dq > 0 {
                    let r = doubleQuotedEnd(j + dq, depth: depth + 1)
                    if !r.closed { return (count, false) }
                    j = r.end
                    continue
                }
                j += 1
            }
        }
        return (count, false)
    }

    /// The first offset at or after `from` holding one of three ASCII bytes or a 0xE2 lead byte
    /// (smart quotes), or `count`: the fast path through long string bodies.
    @inline(__always) func skipPlain(_ from: Int, stopAt a: UInt8, _ b: UInt8, _ c: UInt8) -> Int {
        bytes.withUnsafeBufferPointer { buf in
            var j = from
            let n = buf.count
            while j < n {
                let x = buf[j]
                if x == a || x == b || x == c || x == 0xE2 { return j }
                j += 1
            }
            return n
        }
    }

    // MARK: - Here-strings

    /// `@'`/`@"` header, the rest of its line empty, content, and `'@`/`"@` at the start of a line.
    func scanHereString(_ i: Int) -> Token {
        let sq = singleQuoteLength(i + 1)
        let quoteLength = sq > 0 ? sq : doubleQuoteLength(i + 1)
        let isSingle = sq > 0
        var t = Token(kind: isSingle ? .hereStringLiteral : .hereStringExpandable, start: i, end: count)
        var j = i + 1 + quoteLength
        while j < count, whitespaceLength(j) > 0 { j += whitespaceLength(j) }
        if j < count, !isNewline(j) {
            t.error = .hereStringHeader
            t.errorOffset = j
            while j < count, !isNewline(j) { j += 1 }
        }
        j += newlineLength(j)
        var falseFooter = -1
        var lineStart = j
        while lineStart < count {
            let q = isSingle ? singleQuoteLength(lineStart) : doubleQuoteLength(lineStart)
            if q > 0, byte(lineStart + q) == UInt8(ascii: "@") {
                t.end = lineStart + q + 1
                return t
            }
            if falseFooter < 0 {
                var k = lineStart
                while whitespaceLength(k) > 0 { k += whitespaceLength(k) }
                if k > lineStart {
                    let q2 = isSingle ? singleQuoteLength(k) : doubleQuoteLength(k)
                    if q2 > 0, byte(k + q2) == UInt8(ascii: "@") { falseFooter = k }
                }
            }
            var k = lineStart
            while k < count, !isNewline(k) { k += 1 }
            if k >= count { break }
            lineStart = k + newlineLength(k)
        }
        if t.error == .none {
            if falseFooter >= 0 {
                t.error = .hereStringFooterWhitespace
                t.errorOffset = falseFooter
            } else {
                t.error = isSingle ? .unterminatedHereSingle : .unterminatedHereDouble
                t.errorOffset = i
            }
        }
        t.end = count
        return t
    }

    // MARK: - Numbers

    /// The end of the numeric literal syntax at `i` (digits, hex, fraction, exponent, suffixes), or `i`.
    func scanNumber(_ i: Int) -> Int {
        var j = i
        if byte(j) == UInt8(ascii: "0"), byte(j + 1) | 0x20 == UInt8(ascii: "x"), isHexDigit(byte(j + 2)) {
            j += 2
            while isHexDigit(byte(j)) { j += 1 }
        } else if byte(j) == UInt8(ascii: "0"), byte(j + 1) | 0x20 == UInt8(ascii: "b"),
                  byte(j + 2) == UInt8(ascii: "0") || byte(j + 2) == UInt8(ascii: "1") {
            j += 2
            while byte(j) == UInt8(ascii: "0") || byte(j) == UInt8(ascii: "1") { j += 1 }
        } else {
            let intStart = j
            while Lexer.isDigit(byte(j)) { j += 1 }
            if byte(j) == UInt8(ascii: "."), Lexer.isDigit(byte(j + 1)) {
                j += 1
                while Lexer.isDigit(byte(j)) { j += 1 }
            } else if byte(j) == UInt8(ascii: "."), j > intStart, byte(j + 1) != UInt8(ascii: "."),
                      !Lexer.isASCIILetter(byte(j + 1)) {
                j += 1 // `1.` is a valid real
            }
            if j == intStart { return i }
            if byte(j) | 0x20 == UInt8(ascii: "e") {
                var k = j + 1
                if byte(k) == UInt8(ascii: "+") || byte(k) == UInt8(ascii: "-") { k += 1 }
                if Lexer.isDigit(byte(k)) {
                    while Lexer.isDigit(byte(k)) { k += 1 }
                    j = k
                }
            }
        }
        j = scanNumberSuffixes(j)
        return j
    }

    private func scanNumberSuffixes(_ from: Int) -> Int {
        var j = from
        let a = byte(j) | 0x20, b = byte(j + 1) | 0x20
        if a == UInt8(ascii: "u") {
            j += (b == UInt8(ascii: "l") || b == UInt8(ascii: "y") || b == UInt8(ascii: "s")) ? 2 : 1
        } else if a == UInt8(ascii: "l") || a == UInt8(ascii: "d") || a == UInt8(ascii: "y")
                    || a == UInt8(ascii: "s") || a == UInt8(ascii: "n") {
            // `d`/`s`/`y`/`n` only when not the start of a word like `days`
            j += 1
        }
        let m = byte(j) | 0x20, bb = byte(j + 1) | 0x20
        if bb == UInt8(ascii: "b"), [UInt8(ascii: "k"), UInt8(ascii: "m"), UInt8(ascii: "g"),
                                     UInt8(ascii: "t"), UInt8(ascii: "p")].contains(m) {
            j += 2
        }
        return j
    }

    @inline(__always) func isHexDigit(_ c: UInt8) -> Bool {
        Lexer.isDigit(c) || ((c | 0x20) >= UInt8(ascii: "a") && (c | 0x20) <= UInt8(ascii: "f"))
    }

    // MARK: - Variables

    func scanDollar(_ i: Int, mode: LexMode) -> Token {
        let n = byte(i + 1)
        if n == UInt8(ascii: "(") { return Token(kind: .dollarParen, start: i, end: i + 2) }
        if n == UInt8(ascii: "{") {
            var t = Token(kind: .variable, start: i, end: count)
            var j = i + 2
            while j < count, bytes[j] != UInt8(ascii: "}") {
                j += bytes[j] == UInt8(ascii: "`") ? 2 : 1
            }
            if j >= count {
                t.error = .unterminatedBracedVariable
                t.errorOffset = i
                return t
            }
            t.end = j + 1
            if j == i + 2 { t.error = .emptyBracedVariable; t.errorOffset = i }
            return commandModeRescan(t, mode: mode)
        }
        if n == UInt8(ascii: "$") || n == UInt8(ascii: "^") || (n == UInt8(ascii: "?") && nameCharLength(i + 2) == 0) {
            return commandModeRescan(Token(kind: .variable, start: i, end: i + 2), mode: mode)
        }
        if nameCharLength(i + 1) > 0 {
            var j = i + 1
            while true { let l = nameCharLength(j); if l == 0 { break }; j += l }
            if byte(j) == UInt8(ascii: ":"), byte(j + 1) != UInt8(ascii: ":") {
                if nameCharLength(j + 1) > 0 || byte(j + 1) == UInt8(ascii: "{") {
                    j += 1
                    while true { let l = nameCharLength(j); if l == 0 { break }; j += l }
                } else if mode != .command {
                    var t = Token(kind: .variable, start: i, end: j + 1)
                    t.error = .invalidVariableWithDrive
                    t.errorOffset = i
                    return t
                }
            }
            return commandModeRescan(Token(kind: .variable, start: i, end: j), mode: mode)
        }
        // `$` followed by something that is not a name.
        switch mode {
        case .command, .statementStart: return scanGeneric(i)
        default:
            var t = Token(kind: .unknown, start: i, end: i + 1)
            t.error = .invalidVariable
            t.errorOffset = i
            return t
        }
    }

    /// In argument mode a variable followed by word characters is really a bareword (`$HOME/x`).
    private func commandModeRescan(_ t: Token, mode: LexMode) -> Token {
        guard mode == .command, t.error == .none else { return t }
        let j = t.end
        if endsArgument(j) || byte(j) == UInt8(ascii: ".") || byte(j) == UInt8(ascii: "[")
            || byte(j) == UInt8(ascii: ":") { return t }
        return scanGeneric(t.start)
    }
}
