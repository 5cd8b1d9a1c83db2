/// A piece of an expandable string before the parser turns it into AST.
public enum RawStringPart: Sendable, Equatable {
    case text(String)
    /// `$name` / `${name}`: offsets of the whole reference.
    case variable(start: Int, end: Int)
    /// `$( ... )`: offsets from `$` to just after `)` (`closed` false when `)` is missing).
    case subexpression(start: Int, end: Int, closed: Bool)
}

/// Decoding token values from the source bytes: quote removal, escapes, numbers, variable names.
extension Lexer {
    // MARK: - Strings

    /// `'it''s'` -> `it's`; also for here-strings (verbatim body).
    public func singleQuotedValue(_ t: Token) -> String {
        if t.kind == .hereStringLiteral { return hereStringBody(t) }
        let open = singleQuoteLength(t.start)
        var end = t.end
        if t.error == .none { end -= closingQuoteLength(end, single: true) }
        return collapseSingleQuotes(t.start + open, end)
    }

    private func closingQuoteLength(_ end: Int, single: Bool) -> Int {
        if end >= 3, (single ? singleQuoteLength(end - 3) : doubleQuoteLength(end - 3)) == 3 { return 3 }
        return 1
    }

    private func collapseSingleQuotes(_ s: Int, _ e: Int) -> String {
        if skipPlain(s, stopAt: UInt8(ascii: "'"), UInt8(ascii: "'"), UInt8(ascii: "'")) >= e { return text(s, e) }
        var out: [UInt8] = []
        out.reserveCapacity(e - s)
        var j = s
        while j < e {
            let q = singleQuoteLength(j)
            if q > 0 {
                out.append(contentsOf: bytes[j..<min(e, j + q)])
                let q2 = singleQuoteLength(j + q)
                j += q + (q2 > 0 && j + q < e ? q2 : 0)
                continue
            }
            out.append(bytes[j])
            j += 1
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// The text between a here-string's header line and its footer line.
    func hereStringBounds(_ t: Token) -> (Int, Int) {
        var s = t.start + 1
        s += singleQuoteLength(s) > 0 ? singleQuoteLength(s) : doubleQuoteLength(s)
        while s < count, !isNewline(s) { s += 1 }
        s += newlineLength(s)
        var e = t.end
        if t.error == .none {
            // drop the footer (`"@`) and the line break before it
            e -= 1
            e -= (t.kind == .hereStringLiteral ? singleQuoteLength(e - 1) == 1 : doubleQuoteLength(e - 1) == 1) ? 1 : 3
            if e > s, bytes[e - 1] == 0x0A { e -= 1 }
            if e > s, bytes[e - 1] == 0x0D { e -= 1 }
        }
        return (min(s, t.end), max(min(s, t.end), e))
    }

    private func hereStringBody(_ t: Token) -> String {
        let (s, e) = hereStringBounds(t)
        return text(s, e)
    }

    /// The pieces of `"..."`, `@"..."@` or an argument-mode bareword, with escapes applied.
    /// `errors` receives (offset, error) for malformed `$name:` references.
    public func expandableParts(_ t: Token, errors: inout [(Int, LexError)]) -> [RawStringPart] {
        switch t.kind {
        case .stringExpandable:
            let open = doubleQuoteLength(t.start)
            var end = t.end
            if t.error == .none { end -= closingQuoteLength(end, single: false) }
            return decodeExpandable(t.start + open, end, quotes: .collapseDoubled, errors: &errors)
        case .hereStringExpandable:
            let (s, e) = hereStringBounds(t)
            return decodeExpandable(s, e, quotes: .keep, errors: &errors)
        default:
            return decodeExpandable(t.start, t.end, quotes: .bareword, errors: &errors)
        }
    }

    /// The value of a bareword without expansions (a command name, a hashtable key, a literal argument).
    public func barewordValue(_ t: Token) -> String {
        guard t.flags.contains(.needsDecoding) || t.flags.contains(.expandable) else { return text(t) }
        var errors: [(Int, LexError)] = []
        let parts = decodeExpandable(t.start, t.end, quotes: .bareword, expand: false, errors: &errors)
        var s = ""
        for p in parts { if case .text(let x) = p { s += x } }
        return s
    }

    enum QuoteHandling { case collapseDoubled, keep, bareword }

    func decodeExpandable(_ s: Int, _ e: Int, quotes: QuoteHandling, expand: Bool = true,
                          errors: inout [(Int, LexError)]) -> [RawStringPart] {
        var parts: [RawStringPart] = []
        var buf: [UInt8] = []
        var j = s
        func flush() {
            if !buf.isEmpty { parts.append(.text(String(decoding: buf, as: UTF8.self))); buf.removeAll(keepingCapacity: true) }
        }
        while j < e {
            // copy runs of ordinary bytes in one go
            let plainEnd = min(e, skipPlain(j, stopAt: UInt8(ascii: "`"), UInt8(ascii: "$"),
                                            quotes == .bareword ? UInt8(ascii: "'") : UInt8(ascii: "\"")))
            let runEnd = quotes == .bareword ? min(plainEnd, skipPlain(j, stopAt: UInt8(ascii: "\""), UInt8(ascii: "\""), UInt8(ascii: "\""))) : plainEnd
            if runEnd > j {
                buf.append(contentsOf: bytes[j..<runEnd])
                j = runEnd
                continue
            }
            let c = bytes[j]
            if c == UInt8(ascii: "`"), j + 1 < e {
                j = appendEscape(j + 1, e, &buf)
                continue
            }
            if c == UInt8(ascii: "$"), expand, let (part, next) = dollarPart(j, e, errors: &errors) {
                flush()
                parts.append(part)
                j = next
                continue
            }
            if quotes == .collapseDoubled {
                let q = doubleQuoteLength(j)
                if q > 0, doubleQuoteLength(j + q) > 0 {
                    buf.append(contentsOf: bytes[j..<j + q])
                    j += q + doubleQuoteLength(j + q)
                    continue
                }
            } else if quotes == .bareword {
                let sq = singleQuoteLength(j)
                if sq > 0 {
                    let (end, closed) = singleQuotedEnd(j + sq)
                    let inner = closed ? end - closingQuoteLength(end, single: true) : end
                    buf.append(contentsOf: collapseSingleQuotes(j + sq, min(inner, e)).utf8)
                    j = min(end, e)
                    continue
                }
                let dq = doubleQuoteLength(j)
                if dq > 0 {
                    let (end, closed) = doubleQuotedEnd(j + dq, depth: 0)
                    let inner = closed ? end - closingQuoteLength(end, single: false) : end
                    flush()
                    parts.append(contentsOf: decodeExpandable(j + dq, min(inner, e), quotes: .collapseDoubled,
                                                              expand: expand, errors: &errors))
                    j = min(end, e)
                    continue
                }
            }
            buf.append(c)
            j += 1
        }
        flush()
        // merge adjacent text parts produced by nested quotes
        var merged: [RawStringPart] = []
        for p in parts {
            if case .text(let b) = p, case .text(let a)? = merged.last {
                merged[merged.count - 1] = .text(a + b)
            } else {
                merged.append(p)
            }
        }
        return merged
    }

    /// Applies the escape whose letter is at `j`; returns the offset after it.
    private func appendEscape(_ j: Int, _ e: Int, _ buf: inout [UInt8]) -> Int {
        let c = bytes[j]
        switch c {
        case UInt8(ascii: "0"): buf.append(0)
        case UInt8(ascii: "a"): buf.append(7)
        case UInt8(ascii: "b"): buf.append(8)
        case UInt8(ascii: "e"): buf.append(0x1B)
        case UInt8(ascii: "f"): buf.append(0x0C)
        case UInt8(ascii: "n"): buf.append(0x0A)
        case UInt8(ascii: "r"): buf.append(0x0D)
        case UInt8(ascii: "t"): buf.append(0x09)
        case UInt8(ascii: "v"): buf.append(0x0B)
        case UInt8(ascii: "u") where byte(j + 1) == UInt8(ascii: "{"):
            var k = j + 2
            var value: UInt32 = 0
            while k < e, k - (j + 2) < 6, isHexDigit(bytes[k]) {
                value = value * 16 + UInt32(hexValue(bytes[k]))
                k += 1
            }
            if k < e, bytes[k] == UInt8(ascii: "}"), k > j + 2, let scalar = Unicode.Scalar(value) {
                buf.append(contentsOf: String(Character(scalar)).utf8)
                return k + 1
            }
            buf.append(c)
        default:
            let l = scalarLength(j)
            buf.append(contentsOf: bytes[j..<min(e, j + l)])
            return j + l
        }
        return j + 1
    }

    private func hexValue(_ c: UInt8) -> UInt8 {
        Lexer.isDigit(c) ? c - 48 : (c | 0x20) - 87
    }

    /// A `$` reference inside expandable text, or nil when the `$` is literal.
    private func dollarPart(_ j: Int, _ e: Int, errors: inout [(Int, LexError)]) -> (RawStringPart, Int)? {
        let n = j + 1 < e ? bytes[j + 1] : 0
        if n == UInt8(ascii: "(") {
            let r = subexpressionEnd(j + 2, depth: 0)
            let end = min(r.end, e)
            return (.subexpression(start: j, end: end, closed: r.closed && r.end <= e), end)
        }
        if n == UInt8(ascii: "{") {
            var k = j + 2
            while k < e, bytes[k] != UInt8(ascii: "}") { k += bytes[k] == UInt8(ascii: "`") ? 2 : 1 }
            if k >= e { return nil }
            if k == j + 2 { errors.append((j, .emptyBracedVariable)) }
            return (.variable(start: j, end: k + 1), k + 1)
        }
        if n == UInt8(ascii: "$") || n == UInt8(ascii: "^") || (n == UInt8(ascii: "?") && (j + 2 >= e || nameCharLength(j + 2) == 0)) {
            return (.variable(start: j, end: j + 2), j + 2)
        }
        guard j + 1 < e, nameCharLength(j + 1) > 0 else { return nil }
        var k = j + 1
        while k < e { let l = nameCharLength(k); if l == 0 { break }; k += l }
        if k < e, bytes[k] == UInt8(ascii: ":"), !(k + 1 < e && bytes[k + 1] == UInt8(ascii: ":")) {
            if k + 1 < e, nameCharLength(k + 1) > 0 {
                k += 1
                while k < e { let l = nameCharLength(k); if l == 0 { break }; k += l }
            } else {
                errors.append((j, .invalidVariableWithDrive))
            }
        }
        return (.variable(start: j, end: k), k)
    }

    // MARK: - Variables

    /// `$env:HOME` -> (env, HOME); `${a b}` -> (nil, "a b"); `@splat` -> (nil, splat).
    public func variablePath(_ start: Int, _ end: Int) -> VariablePath {
        var s = start + 1
        var e = end
        var braced = false
        if byte(s) == UInt8(ascii: "{") { s += 1; e -= 1; braced = true }
        guard e > s else { return VariablePath(qualifier: nil, name: "") }
        var raw = text(s, e)
        if braced, raw.contains("`") {
            var out = ""
            var escape = false
            for ch in raw {
                if escape { out.append(ch); escape = false } else if ch == "`" { escape = true } else { out.append(ch) }
            }
            raw = out
        }
        // `::` is never a qualifier; a single `:` separates scope/drive from the name
        if let colon = raw.firstIndex(of: ":"), raw[raw.index(after: colon)...].first != ":" {
            let q = String(raw[..<colon])
            let name = String(raw[raw.index(after: colon)...])
            if !q.isEmpty { return VariablePath(qualifier: q, name: name) }
        }
        return VariablePath(qualifier: nil, name: raw)
    }

    // MARK: - Numbers

    /// The value of a number token (with its leading dash in argument mode), nil when it does not fit.
    public func numberValue(_ t: Token) -> NumberValue? {
        var s = t.start
        var negative = false
        let d = dashLength(s)
        if d > 0 { negative = true; s += d }
        var e = t.end
        // multiplier suffix
        var multiplier: Int = 1
        if e - s >= 3, bytes[e - 1] | 0x20 == UInt8(ascii: "b") {
            switch bytes[e - 2] | 0x20 {
            case UInt8(ascii: "k"): multiplier = 1 << 10
            case UInt8(ascii: "m"): multiplier = 1 << 20
            case UInt8(ascii: "g"): multiplier = 1 << 30
            case UInt8(ascii: "t"): multiplier = 1 << 40
            case UInt8(ascii: "p"): multiplier = 1 << 50
            default: break
            }
            if multiplier > 1 { e -= 2 }
        }
        let isHex = e - s > 2 && bytes[s] == UInt8(ascii: "0") && bytes[s + 1] | 0x20 == UInt8(ascii: "x")
        let isBinary = !isHex && e - s > 2 && bytes[s] == UInt8(ascii: "0") && bytes[s + 1] | 0x20 == UInt8(ascii: "b")
            && (bytes[s + 2] == UInt8(ascii: "0") || bytes[s + 2] == UInt8(ascii: "1"))
        // type suffix
        var suffix = ""
        if !isHex {
            while e > s, Lexer.isASCIILetter(bytes[e - 1]), !(bytes[e - 1] | 0x20 == UInt8(ascii: "e")) {
                suffix = String(UnicodeScalar(bytes[e - 1] | 0x20)) + suffix
                e -= 1
                if suffix.count >= 2 { break }
            }
        } else if e - s > 3, bytes[e - 1] | 0x20 == UInt8(ascii: "l") {
            suffix = "l"; e -= 1
        }
        if isBinary, suffix == "b" { suffix = "" } // `0b1` never has a `b` suffix
        let body = text(s, e)
        func finishInteger(_ v: Int) -> NumberValue? {
            let (m, overflow) = v.multipliedReportingOverflow(by: multiplier)
            if overflow { return .double(Double(v) * Double(multiplier) * (negative ? -1 : 1)) }
            let value = negative ? -m : m
            switch suffix {
            case "l": return .long(value)
            case "d": return .decimal(Double(value), text: String(value))
            case "": return (Int(Int32.min)...Int(Int32.max)).contains(value) ? .int(value) : .long(value)
            default: return .int(value)
            }
        }
        if isHex {
            guard let v = UInt64(body.dropFirst(2), radix: 16) else { return nil }
            if suffix != "l", v <= 0xFFFF_FFFF { return finishInteger(Int(Int32(bitPattern: UInt32(v)))) }
            return finishInteger(Int(bitPattern: UInt(v)))
        }
        if isBinary {
            guard let v = UInt64(body.dropFirst(2), radix: 2) else { return nil }
            return finishInteger(Int(bitPattern: UInt(v)))
        }
        let isReal = body.contains(".") || body.contains("e") || body.contains("E")
        if !isReal, let v = Int(body) { return finishInteger(v) }
        guard let dv = Double(body) else { return nil }
        let value = dv * Double(multiplier) * (negative ? -1 : 1)
        if suffix == "d" { return .decimal(value, text: text(t.start, t.end)) }
        if suffix == "l" {
            guard value == value.rounded(), abs(value) < 9.2e18 else { return nil }
            return .long(Int(value))
        }
        if !isReal { return .double(value) }
        return .double(value)
    }
}
