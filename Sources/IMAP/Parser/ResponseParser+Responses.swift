// Response grammar (RFC 3501 §9 plus extensions), except FETCH data items (see ResponseParser+Fetch.swift).
// Each function reads one whole unit or throws; parser state changes only after the last read.
extension ResponseParser {
    // response = continue-req / response-data / response-done
    mutating func parseResponse(_ c: inout ByteCursor) throws(ParseStop) -> ResponseEvent {
        let first = try c.peek()
        if first == UInt8(ascii: "+") {
            c.index += 1
            if try c.peek() == ByteCursor.sp { c.index += 1 }
            return .continuation(try c.restOfLine())
        }
        if first == UInt8(ascii: "*") {
            c.index += 1
            try c.space()
            return try parseUntagged(&c)
        }
        // response-tagged = tag SP resp-cond-state CRLF
        let tagStart = c.index
        while true {
            let b = try c.peek()
            guard ByteCursor.isAtomChar(b, allowBracket: true), b != UInt8(ascii: "+") else { break }
            c.index += 1
        }
        guard c.index > tagStart else { throw c.malformed("expected a tag, '*' or '+'") }
        let tag = String(decoding: c.bytes[tagStart..<c.index], as: UTF8.self)
        try c.space()
        guard let status = try parseStatus(&c) else { throw c.malformed("expected OK, NO or BAD after tag") }
        let text = try parseResponseText(&c)
        return .tagged(TaggedResponse(tag: tag, status: status, text: text))
    }

    private func parseStatus(_ c: inout ByteCursor) throws(ParseStop) -> ResponseStatus? {
        for s in [ResponseStatus.ok, .no, .bad] where try c.consume(s.rawValue) {
            // The keyword must end here (so "NOOP" is not "NO").
            let b = try c.peek()
            guard b == ByteCursor.sp || b == ByteCursor.cr || b == ByteCursor.lf else {
                throw c.malformed("unexpected characters after \(s.rawValue)")
            }
            return s
        }
        return nil
    }

    // resp-text = ["[" resp-text-code "]" SP] text CRLF   (text and its SP may be missing in practice)
    func parseResponseText(_ c: inout ByteCursor) throws(ParseStop) -> ResponseText {
        if c.atEndOfLine { try c.crlf(); return ResponseText(text: "") }
        try c.space()
        var code: ResponseCode? = nil
        if try c.peek() == UInt8(ascii: "[") {
            c.index += 1
            let name = try c.atom().uppercased()
            var argument: String? = nil
            if try c.peek() == ByteCursor.sp {
                c.index += 1
                let argStart = c.index
                while try c.peek() != ByteCursor.rbracket {
                    if c.atEndOfLine { throw c.malformed("unterminated response code") }
                    c.index += 1
                }
                argument = String(decoding: c.bytes[argStart..<c.index], as: UTF8.self)
            }
            try c.expect(ByteCursor.rbracket, "]")
            code = try Self.responseCode(name, argument, c)
            if try c.peek() == ByteCursor.sp { c.index += 1 }
        }
        return ResponseText(code: code, text: try c.restOfLine())
    }

    static func responseCode(_ name: String, _ arg: String?, _ c: ByteCursor) throws(ParseStop) -> ResponseCode {
        let words = arg.map { $0.split(separator: " ").map(String.init) } ?? []
        func num32(_ i: Int) throws(ParseStop) -> UInt32 {
            guard i < words.count, let v = UInt32(words[i]) else { throw c.malformed("bad \(name) response code") }
            return v
        }
        func set(_ i: Int) throws(ParseStop) -> UIDSet {
            guard i < words.count, let s = UIDSet(wire: words[i]) else { throw c.malformed("bad \(name) UID set") }
            return s
        }
        switch name {
        case "ALERT": return .alert
        case "PARSE": return .parse
        case "READ-ONLY": return .readOnly
        case "READ-WRITE": return .readWrite
        case "TRYCREATE": return .tryCreate
        case "NOMODSEQ": return .noModSeq
        case "AUTHENTICATIONFAILED": return .authenticationFailed
        case "AUTHORIZATIONFAILED": return .authorizationFailed
        case "UNAVAILABLE": return .unavailable
        case "CAPABILITY": return .capability(words.map(Capability.init))
        case "PERMANENTFLAGS":
            let inner = words.map { $0.replacingParens() }.filter { !$0.isEmpty }
            return .permanentFlags(inner.map(Flag.init))
        case "UIDNEXT": return .uidNext(UID(try num32(0)))
        case "UIDVALIDITY": return .uidValidity(UIDValidity(try num32(0)))
        case "UNSEEN": return .unseen(SequenceNumber(try num32(0)))
        case "APPENDUID": return .appendUID(UIDValidity(try num32(0)), try set(1))
        case "COPYUID": return .copyUID(UIDValidity(try num32(0)), try set(1), try set(2))
        case "HIGHESTMODSEQ":
            guard let w = words.first, let v = UInt64(w) else { throw c.malformed("bad HIGHESTMODSEQ") }
            return .highestModSeq(ModSequence(v))
        case "MODIFIED": return .modified(try set(0))
        default: return .other(name, arg)
        }
    }

    // response-data = "*" SP (resp-cond-state / resp-cond-bye / mailbox-data / message-data / capability-data) CRLF
    private mutating func parseUntagged(_ c: inout ByteCursor) throws(ParseStop) -> ResponseEvent {
        let b = try c.peek()
        if b >= 48 && b <= 57 {
            let n = try c.number32()
            try c.space()
            let keyword = try c.atom().uppercased()
            switch keyword {
            case "EXISTS": try c.crlf(); return .untagged(.exists(n))
            case "RECENT": try c.crlf(); return .untagged(.recent(n))
            case "EXPUNGE": try c.crlf(); return .untagged(.expunge(SequenceNumber(n)))
            case "FETCH":
                try c.space()
                try c.expect(ByteCursor.lparen, "( after FETCH")
                enterFetch()
                return .fetch(.start(SequenceNumber(n)))
            default:
                return .untagged(.other(keyword, "\(n) " + (try c.restOfResponse())))
            }
        }
        let keyword = try c.atom().uppercased()
        switch keyword {
        case "OK": return .untagged(.ok(try parseResponseText(&c)))
        case "NO": return .untagged(.no(try parseResponseText(&c)))
        case "BAD": return .untagged(.bad(try parseResponseText(&c)))
        case "BYE": return .untagged(.bye(try parseResponseText(&c)))
        case "PREAUTH": return .untagged(.preauth(try parseResponseText(&c)))
        case "CAPABILITY": return .untagged(.capability(try parseAtomList(&c).map(Capability.init)))
        case "ENABLED": return .untagged(.enabled(try parseAtomList(&c).map(Capability.init)))
        case "LIST": return .untagged(.list(try parseListEntry(&c)))
        case "LSUB": return .untagged(.lsub(try parseListEntry(&c)))
        case "STATUS": return try parseStatusResponse(&c)
        case "FLAGS":
            try c.space()
            let flags = try c.flagList()
            try c.skipSpaces(); try c.crlf()
            return .untagged(.flags(flags))
        case "SEARCH": return try parseSearch(&c)
        case "ID": return try parseID(&c)
        case "VANISHED": return try parseVanished(&c)
        default:
            var rest = ""
            if c.atEndOfLine { try c.crlf() } else { try c.space(); rest = try c.restOfResponse() }
            return .untagged(.other(keyword, rest))
        }
    }

    // "VANISHED" [SP "(EARLIER)"] SP known-uids   (RFC 7162 §3.2.10)
    private func parseVanished(_ c: inout ByteCursor) throws(ParseStop) -> ResponseEvent {
        try c.space()
        var earlier = false
        if try c.peek() == ByteCursor.lparen {
            guard try c.consume("(EARLIER)") else { throw c.malformed("expected (EARLIER) after VANISHED") }
            earlier = true
            try c.space()
        }
        let start = c.index
        while true {
            let b = try c.peek()
            if b == ByteCursor.sp || b == ByteCursor.cr || b == ByteCursor.lf { break }
            guard c.index - start < limits.maxResponseBytes else { throw .limit(.responseBytes) }
            c.index += 1
        }
        let text = String(decoding: c.bytes[start..<c.index], as: UTF8.self)
        // A set may not end open (`*`): these are UIDs that existed.
        guard let set = UIDSet(wire: text), !set.isEmpty, set.ranges.last?.upperBound != UID.max else {
            throw c.malformed("bad UID set in VANISHED")
        }
        try c.skipSpaces()
        try c.crlf()
        return .untagged(.vanished(earlier: earlier, set))
    }

    // *(SP atom) CRLF
    private func parseAtomList(_ c: inout ByteCursor) throws(ParseStop) -> [String] {
        var items: [String] = []
        while true {
            try c.skipSpaces()
            if c.atEndOfLine { try c.crlf(); return items }
            items.append(try c.atom(allowBracket: true))
            if items.count > limits.maxListItems { throw .limit(.listItems) }
        }
    }

    // mailbox-list = "(" [mbx-list-flags] ")" SP (DQUOTE QUOTED-CHAR DQUOTE / nil) SP mailbox [SP extended-data]
    private func parseListEntry(_ c: inout ByteCursor) throws(ParseStop) -> MailboxListEntry {
        try c.space()
        let attributes = try c.flagList().map { MailboxAttribute($0.rawValue) }
        try c.space()
        var delimiter: Character? = nil
        if try !c.consume("NIL") {
            let d = try c.quoted()
            guard d.count == 1 else { throw c.malformed("hierarchy delimiter must be one character") }
            delimiter = Character(Unicode.Scalar(d[0]))
        }
        try c.space()
        let name = try c.astring()
        // LIST-EXTENDED data such as ("CHILDINFO" ("SUBSCRIBED")) is skipped.
        while !c.atEndOfLine {
            try c.skipSpaces()
            if c.atEndOfLine { break }
            _ = try parseGenericValue(&c, depth: 0)
        }
        try c.crlf()
        return MailboxListEntry(attributes: Set(attributes), delimiter: delimiter, mailbox: MailboxName(wire: name))
    }

    // "STATUS" SP mailbox SP "(" [status-att-list] ")"
    private func parseStatusResponse(_ c: inout ByteCursor) throws(ParseStop) -> ResponseEvent {
        try c.space()
        let name = MailboxName(wire: try c.astring())
        try c.skipSpaces()
        try c.expect(ByteCursor.lparen, "( in STATUS")
        var values: [StatusAttribute: UInt64] = [:]
        while true {
            try c.skipSpaces()
            if try c.peek() == ByteCursor.rparen { c.index += 1; break }
            let key = try c.atom().uppercased()
            try c.space()
            let value = try c.number()
            if let attribute = StatusAttribute(rawValue: key) { values[attribute] = value }
            if values.count > limits.maxListItems { throw .limit(.listItems) }
        }
        try c.skipSpaces(); try c.crlf()
        return .untagged(.status(name, values))
    }

    // "SEARCH" *(SP nz-number) [SP "(" "MODSEQ" SP mod-sequence-value ")"]
    private func parseSearch(_ c: inout ByteCursor) throws(ParseStop) -> ResponseEvent {
        var numbers: [UInt32] = []
        var modSeq: ModSequence? = nil
        while true {
            try c.skipSpaces()
            if c.atEndOfLine { try c.crlf(); break }
            if try c.peek() == ByteCursor.lparen {
                c.index += 1
                guard try c.consume("MODSEQ") else { throw c.malformed("expected MODSEQ in SEARCH") }
                try c.space()
                modSeq = ModSequence(try c.number())
                try c.expect(ByteCursor.rparen, ")")
                continue
            }
            numbers.append(try c.number32())
            if numbers.count > limits.maxListItems { throw .limit(.listItems) }
        }
        return .untagged(.search(numbers, modSeq))
    }

    // "ID" SP ("(" string SP nstring *(SP string SP nstring) ")" / nil)
    private func parseID(_ c: inout ByteCursor) throws(ParseStop) -> ResponseEvent {
        try c.space()
        var fields: [String: String] = [:]
        if try !c.consume("NIL") {
            try c.expect(ByteCursor.lparen, "( in ID")
            while true {
                try c.skipSpaces()
                if try c.peek() == ByteCursor.rparen { c.index += 1; break }
                let key = String(decoding: try c.string(), as: UTF8.self)
                try c.space()
                let value = try c.nstring()
                fields[key] = value.map { String(decoding: $0, as: UTF8.self) } ?? ""
                if fields.count > limits.maxListItems { throw .limit(.listItems) }
            }
        }
        try c.skipSpaces(); try c.crlf()
        return .untagged(.id(fields))
    }

    /// Any value (NIL, number, atom, string, literal, nested list) rendered back to text; for data items the
    /// client does not interpret.
    func parseGenericValue(_ c: inout ByteCursor, depth: Int) throws(ParseStop) -> String {
        guard depth < limits.maxDepth else { throw .limit(.depth) }
        let b = try c.peek()
        if b == ByteCursor.lparen {
            c.index += 1
            var parts: [String] = []
            while true {
                try c.skipSpaces()
                if try c.peek() == ByteCursor.rparen { c.index += 1; break }
                if c.atEndOfLine { throw c.malformed("line ended inside a list") }
                parts.append(try parseGenericValue(&c, depth: depth + 1))
                if parts.count > limits.maxListItems { throw .limit(.listItems) }
            }
            return "(" + parts.joined(separator: " ") + ")"
        }
        if b == ByteCursor.dquote || c.startsLiteral {
            let s = String(decoding: try c.string(), as: UTF8.self)
            return "\"" + s.replacingOccurrencesOfQuote() + "\""
        }
        let start = c.index
        while true {
            let x = try c.peek()
            if x == ByteCursor.sp || x == ByteCursor.lparen || x == ByteCursor.rparen || x == ByteCursor.cr
                || x == ByteCursor.lf { break }
            c.index += 1
        }
        guard c.index > start else { throw c.malformed("expected a value") }
        return String(decoding: c.bytes[start..<c.index], as: UTF8.self)
    }
}

extension String {
    fileprivate func replacingParens() -> String { String(filter { $0 != "(" && $0 != ")" }) }
    fileprivate func replacingOccurrencesOfQuote() -> String {
        var out = ""
        for ch in self { if ch == "\"" || ch == "\\" { out.append("\\") }; out.append(ch) }
        return out
    }
}
