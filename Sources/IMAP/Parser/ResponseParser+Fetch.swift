// FETCH data items (RFC 3501 §7.4.2, RFC 3516 BINARY, RFC 7162 MODSEQ). Bodies are not read here: the literal
// header switches the parser into streaming mode.
extension ResponseParser {
    // msg-att = "(" (msg-att-dynamic / msg-att-static) *(SP ...) ")"
    mutating func parseFetchItem(_ c: inout ByteCursor, count: Int) throws(ParseStop) -> ResponseEvent {
        let next = try c.peek()
        if count > 0 || next == ByteCursor.sp { try c.skipSpaces() }
        if try c.peek() == ByteCursor.rparen {
            c.index += 1
            try c.skipSpaces()
            try c.crlf()
            leaveFetch()
            return .fetch(.finish)
        }
        guard count < limits.maxFetchAttributes else { throw .limit(.fetchAttributes) }
        let name = try parseItemName(&c)
        let upper = name.uppercased()
        try c.space()
        if Self.isBodyItem(upper) { return try parseBody(&c, name: name, count: count + 1) }
        let attribute: FetchAttribute
        switch upper {
        case "UID": attribute = .uid(UID(try c.number32()))
        case "FLAGS": attribute = .flags(try c.flagList())
        case "RFC822.SIZE": attribute = .rfc822Size(try c.number())
        case "INTERNALDATE":
            let text = String(decoding: try c.quoted(), as: UTF8.self)
            guard let date = InternalDate(wire: text) else { throw c.malformed("bad INTERNALDATE \(text)") }
            attribute = .internalDate(date)
        case "MODSEQ":
            try c.expect(ByteCursor.lparen, "( after MODSEQ")
            let v = try c.number()
            try c.expect(ByteCursor.rparen, ") after MODSEQ value")
            attribute = .modSequence(ModSequence(v))
        default:
            attribute = .other(name, try parseGenericValue(&c, depth: 0))
        }
        setItemCount(count + 1)
        return .fetch(.attribute(attribute))
    }

    /// BODY[...]<origin>, BINARY[...], RFC822, RFC822.HEADER, RFC822.TEXT carry message bytes; BODY without a
    /// section is BODYSTRUCTURE-like and BINARY.SIZE is a number, so those are not bodies.
    static func isBodyItem(_ upper: String) -> Bool {
        upper.hasPrefix("BODY[") || upper.hasPrefix("BINARY[") || upper == "RFC822" || upper == "RFC822.HEADER"
            || upper == "RFC822.TEXT"
    }

    /// An item name: atom characters, then an optional `[section]` (which may hold spaces and parentheses)
    /// and an optional `<origin>`.
    private func parseItemName(_ c: inout ByteCursor) throws(ParseStop) -> String {
        let start = c.index
        while true {
            let b = try c.peek()
            guard ByteCursor.isAtomChar(b, allowBracket: false), b != UInt8(ascii: "[") else { break }
            c.index += 1
        }
        guard c.index > start else { throw c.malformed("expected a FETCH data item") }
        if try c.peek() == UInt8(ascii: "[") {
            while try c.next() != ByteCursor.rbracket {
                if c.atEndOfLine { throw c.malformed("unterminated section") }
                if c.index - start > 4096 { throw c.malformed("section too long") }
            }
            if try c.peek() == UInt8(ascii: "<") {
                while try c.next() != UInt8(ascii: ">") {
                    if c.index - start > 4096 || c.atEndOfLine { throw c.malformed("bad partial origin") }
                }
            }
        }
        return String(decoding: c.bytes[start..<c.index], as: UTF8.self)
    }

    // nstring / literal8: a literal switches to streaming; quoted and NIL bodies are delivered at once.
    private mutating func parseBody(_ c: inout ByteCursor, name: String, count: Int) throws(ParseStop) -> ResponseEvent {
        if c.startsLiteral {
            let size = try c.literalHeader(max: limits.maxBodyBytes, limit: .bodyBytes)
            enterBody(size: size, itemCount: count)
            return .fetch(.bodyBegin(section: name, size: size))
        }
        let bytes = try c.nstring() ?? []
        setItemCount(count)
        queue(bytes.isEmpty ? [.fetch(.bodyEnd)] : [.fetch(.bodyBytes(bytes[...])), .fetch(.bodyEnd)])
        return .fetch(.bodyBegin(section: name, size: bytes.count))
    }
}
