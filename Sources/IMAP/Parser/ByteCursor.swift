/// Reads IMAP tokens from a byte buffer. Running out of bytes throws `.incomplete`, so a caller can retry the
/// whole unit once more bytes have arrived. `base` is the stream offset of index 0, for error messages.
/// Only `bytes[..<end]` are data (the parser's buffer has spare room behind them).
struct ByteCursor {
    let bytes: [UInt8]
    var index: Int
    let end: Int
    let base: Int
    let limits: ParserLimits

    init(_ bytes: [UInt8], at index: Int, end: Int? = nil, base: Int, limits: ParserLimits) {
        self.bytes = bytes; self.index = index; self.end = end ?? bytes.count; self.base = base; self.limits = limits
    }

    static let sp = UInt8(ascii: " "), cr = UInt8(ascii: "\r"), lf = UInt8(ascii: "\n")
    static let lparen = UInt8(ascii: "("), rparen = UInt8(ascii: ")"), dquote = UInt8(ascii: "\"")
    static let lbrace = UInt8(ascii: "{"), rbracket = UInt8(ascii: "]"), backslash = UInt8(ascii: "\\")

    func malformed(_ hint: String) -> ParseStop { .malformed(hint, base + index) }

    func peek() throws(ParseStop) -> UInt8 {
        guard index < end else { throw .incomplete(needBytes: nil) }
        return bytes[index]
    }

    mutating func next() throws(ParseStop) -> UInt8 {
        let b = try peek(); index += 1; return b
    }

    mutating func expect(_ byte: UInt8, _ what: String) throws(ParseStop) {
        guard try peek() == byte else { throw malformed("expected \(what)") }
        index += 1
    }

    /// Consumes `word` (ASCII, case-insensitive) if it comes next.
    mutating func consume(_ word: String) throws(ParseStop) -> Bool {
        var i = index
        for w in word.utf8 {
            guard i < end else { throw .incomplete(needBytes: nil) }
            guard lower(bytes[i]) == lower(w) else { return false }
            i += 1
        }
        index = i
        return true
    }

    private func lower(_ b: UInt8) -> UInt8 { b >= 65 && b <= 90 ? b + 32 : b }

    mutating func space() throws(ParseStop) { try expect(Self.sp, "a space") }

    /// Skips any spaces (servers sometimes send two or a trailing one).
    mutating func skipSpaces() throws(ParseStop) { while try peek() == Self.sp { index += 1 } }

    /// CRLF, also accepting a bare LF.
    mutating func crlf() throws(ParseStop) {
        let b = try peek()
        if b == Self.lf { index += 1; return }
        guard b == Self.cr else { throw malformed("expected end of line") }
        index += 1
        try expect(Self.lf, "LF after CR")
    }

    var atEndOfLine: Bool { index < end && (bytes[index] == Self.cr || bytes[index] == Self.lf) }

    /// True for bytes that may appear in an atom (RFC 3501 ATOM-CHAR), plus `]` when `allowBracket`.
    static func isAtomChar(_ b: UInt8, allowBracket: Bool) -> Bool {
        switch b {
        case 0...0x20, 0x7F, lparen, rparen, lbrace, dquote, backslash, UInt8(ascii: "%"), UInt8(ascii: "*"):
            return false
        case rbracket: return allowBracket
        default: return true
        }
    }

    /// One or more atom characters.
    mutating func atom(allowBracket: Bool = false) throws(ParseStop) -> String {
        let start = index
        while try Self.isAtomChar(peek(), allowBracket: allowBracket) { index += 1 }
        guard index > start else { throw malformed("expected an atom") }
        return String(decoding: bytes[start..<index], as: UTF8.self)
    }

    /// A decimal number (up to 2^63-1).
    mutating func number() throws(ParseStop) -> UInt64 {
        var value: UInt64 = 0, digits = 0
        while true {
            let b = try peek()
            guard b >= 48 && b <= 57 else { break }
            let (m, o1) = value.multipliedReportingOverflow(by: 10)
            let (s, o2) = m.addingReportingOverflow(UInt64(b - 48))
            guard !o1, !o2, s <= UInt64(Int64.max) else { throw malformed("number too large") }
            value = s; digits += 1; index += 1
        }
        guard digits > 0 else { throw malformed("expected a number") }
        return value
    }

    mutating func number32() throws(ParseStop) -> UInt32 {
        let n = try number()
        guard n <= UInt64(UInt32.max) else { throw malformed("number exceeds 32 bits") }
        return UInt32(n)
    }

    /// A quoted string's content, unescaped.
    mutating func quoted() throws(ParseStop) -> [UInt8] {
        try expect(Self.dquote, "a quoted string")
        var out: [UInt8] = []
        while true {
            var b = try next()
            if b == Self.dquote { return out }
            if b == Self.backslash { b = try next() }
            if b == Self.cr || b == Self.lf { throw malformed("line break inside a quoted string") }
            out.append(b)
            if out.count > limits.maxResponseBytes { throw .limit(.responseBytes) }
        }
    }

    /// The header of a literal (`{n}` CRLF or literal8 `~{n}` CRLF); returns n. Index ends after the CRLF.
    mutating func literalHeader(max: Int, limit: ParserLimit) throws(ParseStop) -> Int {
        if try peek() == UInt8(ascii: "~") { index += 1 }
        try expect(Self.lbrace, "{")
        let n = try number()
        if try peek() == UInt8(ascii: "+") { index += 1 }  // tolerated though only clients send it
        try expect(UInt8(ascii: "}"), "}")
        try crlf()
        guard n <= UInt64(max) else { throw .limit(limit) }
        return Int(n)
    }

    /// A whole (non-streamed) literal.
    mutating func literal() throws(ParseStop) -> [UInt8] {
        let n = try literalHeader(max: limits.maxResponseBytes, limit: .responseBytes)
        guard end - index >= n else { throw .incomplete(needBytes: index + n) }
        defer { index += n }
        return Array(bytes[index..<index + n])
    }

    var startsLiteral: Bool {
        index < end && (bytes[index] == Self.lbrace || bytes[index] == UInt8(ascii: "~"))
    }

    /// quoted / literal
    mutating func string() throws(ParseStop) -> [UInt8] {
        if try peek() == Self.dquote { return try quoted() }
        guard startsLiteral else { throw malformed("expected a string") }
        return try literal()
    }

    /// NIL / string; nil for NIL.
    mutating func nstring() throws(ParseStop) -> [UInt8]? {
        if try consume("NIL") { return nil }
        return try string()
    }

    /// atom (with `]` allowed) / string. Mailbox names: list wildcards are accepted as atom characters.
    mutating func astring() throws(ParseStop) -> [UInt8] {
        let b = try peek()
        if b == Self.dquote || startsLiteral { return try string() }
        let start = index
        while true {
            let c = try peek()
            guard Self.isAtomChar(c, allowBracket: true) || c == UInt8(ascii: "%") || c == UInt8(ascii: "*") else { break }
            index += 1
        }
        guard index > start else { throw malformed("expected an atom or string") }
        return Array(bytes[start..<index])
    }

    /// The rest of the line (without CRLF); the CRLF is consumed.
    mutating func restOfLine() throws(ParseStop) -> String {
        let start = index
        while true {
            let b = try peek()
            if b == Self.cr || b == Self.lf { break }
            index += 1
        }
        let text = String(decoding: bytes[start..<index], as: UTF8.self)
        try crlf()
        return text
    }

    /// The rest of a response whose grammar is unknown: lines joined, literals in lines' ends skipped
    /// (kept as `{n}` in the text).
    mutating func restOfResponse() throws(ParseStop) -> String {
        var text = ""
        while true {
            let line = try restOfLine()
            text += line
            // A line ending in {n} announces n literal bytes before the response continues.
            guard line.hasSuffix("}"), let open = line.lastIndex(of: "{"),
                  let n = Int(line[line.index(after: open)..<line.index(before: line.endIndex)].filter { $0 != "+" })
            else { return text }
            guard n <= limits.maxResponseBytes else { throw .limit(.responseBytes) }
            guard end - index >= n else { throw .incomplete(needBytes: index + n) }
            index += n
        }
    }

    /// `(` flag *(SP flag) `)`
    mutating func flagList() throws(ParseStop) -> [Flag] {
        try expect(Self.lparen, "(")
        var flags: [Flag] = []
        while true {
            try skipSpaces()
            if try peek() == Self.rparen { index += 1; return flags }
            flags.append(Flag(try flagToken()))
            if flags.count > limits.maxListItems { throw .limit(.listItems) }
        }
    }

    /// `\`atom, `\*`, or an atom.
    mutating func flagToken() throws(ParseStop) -> String {
        if try peek() == Self.backslash {
            index += 1
            if try peek() == UInt8(ascii: "*") { index += 1; return "\\*" }
            return "\\" + (try atom())
        }
        return try atom()
    }
}
