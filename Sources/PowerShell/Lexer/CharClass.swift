/// Byte-level character classes over UTF-8, including the Windows-isms pwsh accepts:
/// en/em dash and horizontal bar as `-`, curly quotes as quotes, Unicode spaces as whitespace.
extension Lexer {
    @inline(__always) func byte(_ i: Int) -> UInt8 { i < count ? bytes[i] : 0 }

    /// Length of a dash character at `i` (`-` or U+2013/U+2014/U+2015), 0 if none.
    @inline(__always) func dashLength(_ i: Int) -> Int {
        let c = byte(i)
        if c == UInt8(ascii: "-") { return 1 }
        if c == 0xE2, byte(i + 1) == 0x80, (0x93...0x95).contains(byte(i + 2)) { return 3 }
        return 0
    }

    /// Length of a single quote at `i` (`'` or U+2018..U+201B), 0 if none.
    @inline(__always) func singleQuoteLength(_ i: Int) -> Int {
        let c = byte(i)
        if c == UInt8(ascii: "'") { return 1 }
        if c == 0xE2, byte(i + 1) == 0x80, (0x98...0x9B).contains(byte(i + 2)) { return 3 }
        return 0
    }

    /// Length of a double quote at `i` (`"` or U+201C..U+201E), 0 if none.
    @inline(__always) func doubleQuoteLength(_ i: Int) -> Int {
        let c = byte(i)
        if c == UInt8(ascii: "\"") { return 1 }
        if c == 0xE2, byte(i + 1) == 0x80, (0x9C...0x9E).contains(byte(i + 2)) { return 3 }
        return 0
    }

    /// Length of a whitespace character at `i` (not newlines), 0 if none.
    @inline(__always) func whitespaceLength(_ i: Int) -> Int {
        let c = byte(i)
        switch c {
        case 0x20, 0x09, 0x0B, 0x0C: return 1
        case 0xC2: return (byte(i + 1) == 0xA0 || byte(i + 1) == 0x85) ? 2 : 0
        case 0xE2:
            if byte(i + 1) == 0x80 {
                let d = byte(i + 2)
                if (0x80...0x8A).contains(d) || d == 0xAF { return 3 }
            }
            return 0
        case 0xE3: return (byte(i + 1) == 0x80 && byte(i + 2) == 0x80) ? 3 : 0
        case 0xEF: return (byte(i + 1) == 0xBB && byte(i + 2) == 0xBF) ? 3 : 0
        default: return 0
        }
    }

    @inline(__always) func isNewline(_ i: Int) -> Bool {
        let c = byte(i)
        return i < count && (c == 0x0A || c == 0x0D)
    }

    /// Length of the line break at `i` (CRLF counts as one), 0 if none.
    @inline(__always) func newlineLength(_ i: Int) -> Int {
        guard i < count else { return 0 }
        if bytes[i] == 0x0A { return 1 }
        if bytes[i] == 0x0D { return byte(i + 1) == 0x0A ? 2 : 1 }
        return 0
    }

    /// Length of the UTF-8 scalar starting at `i`.
    @inline(__always) func scalarLength(_ i: Int) -> Int {
        let c = byte(i)
        if c < 0xC0 { return 1 }
        if c < 0xE0 { return min(2, count - i) }
        if c < 0xF0 { return min(3, count - i) }
        return min(4, count - i)
    }

    @inline(__always) static func isASCIILetter(_ c: UInt8) -> Bool {
        (c | 0x20) >= UInt8(ascii: "a") && (c | 0x20) <= UInt8(ascii: "z")
    }

    @inline(__always) static func isDigit(_ c: UInt8) -> Bool {
        c >= UInt8(ascii: "0") && c <= UInt8(ascii: "9")
    }

    /// A non-ASCII scalar that is none of the special dashes, quotes or spaces: treated as a letter.
    @inline(__always) func isOtherLetter(_ i: Int) -> Bool {
        byte(i) >= 0x80 && dashLength(i) == 0 && singleQuoteLength(i) == 0
            && doubleQuoteLength(i) == 0 && whitespaceLength(i) == 0
    }

    /// Length of a variable-name character at `i` (letter, digit, `_`, `?`), 0 if none.
    @inline(__always) func nameCharLength(_ i: Int) -> Int {
        guard i < count else { return 0 }
        let c = bytes[i]
        if Lexer.isASCIILetter(c) || Lexer.isDigit(c) || c == UInt8(ascii: "_") || c == UInt8(ascii: "?") { return 1 }
        if c >= 0x80, isOtherLetter(i) { return scalarLength(i) }
        return 0
    }

    /// Length of a member/identifier character (letter, digit, `_`), 0 if none.
    @inline(__always) func identifierCharLength(_ i: Int) -> Int {
        guard i < count else { return 0 }
        let c = bytes[i]
        if Lexer.isASCIILetter(c) || Lexer.isDigit(c) || c == UInt8(ascii: "_") { return 1 }
        if c >= 0x80, isOtherLetter(i) { return scalarLength(i) }
        return 0
    }

    /// Characters that end a bareword in argument mode (quotes join instead).
    @inline(__always) func endsArgument(_ i: Int) -> Bool {
        guard i < count else { return true }
        switch bytes[i] {
        case 0x0A, 0x0D, UInt8(ascii: ";"), UInt8(ascii: ","), UInt8(ascii: "|"), UInt8(ascii: "&"),
             UInt8(ascii: "("), UInt8(ascii: ")"), UInt8(ascii: "{"), UInt8(ascii: "}"):
            return true
        default:
            return whitespaceLength(i) > 0
        }
    }
}
