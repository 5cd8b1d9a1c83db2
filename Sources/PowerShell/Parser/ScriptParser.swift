/// The recursive-descent parser's state: a cursor into the lexer, the errors so far, and helpers
/// for extents and error reporting. Rules live in the `ScriptParser+*.swift` files.
///
/// The parser never throws: every rule returns what it could build and records errors; every loop
/// either consumes a token or stops, so bad input cannot hang it; nesting is capped so deep input
/// cannot overflow the stack.
final class ScriptParser {
    let lexer: Lexer
    let map: PositionMap
    let source: SourceText
    /// Byte offset of the next unread character.
    var pos = 0
    var errors: [ParseError] = []
    private var reported = Set<ErrorKey>()
    var depth = 0
    var tooDeep = false
    /// While true, commas end an expression (method-call and attribute arguments).
    var noComma = false

    /// Deepest nesting of brackets, blocks and operators accepted (the parser recurses per level).
    static let maxDepth = 1000

    init(text: String, file: String?) {
        source = SourceText(file: file, text: text)
        lexer = Lexer(text)
        map = PositionMap(source: source, bytes: lexer.bytes)
    }

    // MARK: - Tokens

    private var peekCache: (pos: Int, mode: LexMode, token: Token)?

    func peek(_ mode: LexMode) -> Token {
        if let c = peekCache, c.pos == pos, c.mode == mode { return c.token }
        let t = lexer.next(at: pos, mode: mode)
        peekCache = (pos, mode, t)
        return t
    }

    /// Moves past `t` and reports any error found while scanning it.
    func consume(_ t: Token) {
        pos = max(pos, t.end)
        if t.error != .none { reportLexError(t.error, at: t.errorOffset) }
        reportComments()
    }

    func skipNewlines() {
        while true {
            let t = peek(.expression)
            if t.kind != .newline { return }
            consume(t)
        }
    }

    func skipNewlinesAndSemicolons() {
        while true {
            let t = peek(.expression)
            if t.kind != .newline && t.kind != .semicolon { return }
            consume(t)
        }
    }

    func text(_ t: Token) -> String { lexer.text(t) }

    /// Case-insensitive check of a plain word token (keywords, `in`, `default`...).
    func isWord(_ t: Token, _ word: StaticString) -> Bool {
        guard t.kind == .generic || t.kind == .identifier, !t.flags.contains(.needsDecoding),
              t.end - t.start == word.utf8CodeUnitCount else { return false }
        let w = word.utf8Start
        for k in 0..<word.utf8CodeUnitCount where lexer.bytes[t.start + k] | 0x20 != w[k] | 0x20 { return false }
        return true
    }

    /// True for tokens that end a statement or a pipeline element.
    func isTerminator(_ t: Token) -> Bool {
        switch t.kind {
        case .endOfInput, .newline, .semicolon, .rParen, .rCurly, .pipe, .andAnd, .orOr: return true
        default: return false
        }
    }

    // MARK: - Checkpoints (for speculative parsing)

    struct Checkpoint {
        let pos: Int
        let errorCount: Int
    }

    func checkpoint() -> Checkpoint { Checkpoint(pos: pos, errorCount: errors.count) }

    func restore(_ c: Checkpoint) {
        pos = c.pos
        while errors.count > c.errorCount {
            let e = errors.removeLast()
            reported.remove(key(e.extent.startOffset, e.id))
        }
    }

    // MARK: - Extents

    func extent(_ t: Token) -> SourceExtent { map.extent(t.start, t.end) }
    func extent(_ start: Int, _ end: Int) -> SourceExtent { map.extent(start, end) }
    /// The empty extent just after a token or node (where something is missing).
    func after(_ t: Token) -> SourceExtent { map.extent(t.end, t.end) }
    func after(_ e: SourceExtent) -> SourceExtent {
        SourceExtent(source: source, startOffset: e.endOffset, endOffset: e.endOffset,
                     startLine: e.endLine, startColumn: e.endColumn, endLine: e.endLine, endColumn: e.endColumn)
    }
    /// From the start of `a` to the end of `b`, reusing their computed positions.
    func span(_ a: SourceExtent, _ b: SourceExtent) -> SourceExtent {
        SourceExtent(source: source, startOffset: a.startOffset, endOffset: max(a.startOffset, b.endOffset),
                     startLine: a.startLine, startColumn: a.startColumn, endLine: b.endLine, endColumn: b.endColumn)
    }
    func span(_ t: Token, _ b: SourceExtent) -> SourceExtent { span(extent(t), b) }
    /// The extent from `start` to the current position (trailing trivia excluded by callers).
    func extent(from start: Int) -> SourceExtent { map.extent(start, max(start, pos)) }
    /// From an existing extent's start to the current position.
    func extent(from start: SourceExtent) -> SourceExtent { span(start, map.extent(pos, pos)) }

    // MARK: - Errors

    /// One error per (position, id): re-reading a token after backtracking must not report it twice.
    private struct ErrorKey: Hashable {
        let offset: Int
        let id: String
    }

    private func key(_ offset: Int, _ id: String) -> ErrorKey { ErrorKey(offset: offset, id: id) }

    /// Records an error once per (position, id). `detectedAt` decides whether more input could fix it.
    func report(_ message: ParseMessage, _ extent: SourceExtent, _ arg: String? = nil,
                incompleteAt detectedAt: Int? = nil) {
        // after the nesting limit, everything else is a consequence of it
        if tooDeep, message != .scriptNestingTooDeep { return }
        let k = key(extent.startOffset, message.rawValue)
        guard reported.insert(k).inserted else { return }
        var incomplete = false
        if let d = detectedAt { incomplete = lexer.skipTriviaAndNewlines(d) >= lexer.count }
        errors.append(ParseError(extent: extent, id: message.rawValue, message: message.text(arg),
                                 incompleteInput: incomplete))
    }

    func reportUnexpected(_ t: Token) {
        report(.unexpectedToken, extent(t), text(t))
    }

    func reportLexError(_ e: LexError, at offset: Int) {
        let end = lexer.count
        switch e {
        case .none: return
        case .unterminatedSingle: report(.terminatorExpectedAtEndOfString, extent(offset, end), "'", incompleteAt: end)
        case .unterminatedDouble: report(.terminatorExpectedAtEndOfString, extent(offset, end), "\"", incompleteAt: end)
        case .unterminatedHereSingle: report(.terminatorExpectedAtEndOfString, extent(offset, end), "'@", incompleteAt: end)
        case .unterminatedHereDouble: report(.terminatorExpectedAtEndOfString, extent(offset, end), "\"@", incompleteAt: end)
        case .hereStringHeader: report(.unexpectedCharactersAfterHereStringHeader, extent(offset, offset + 1))
        case .hereStringFooterWhitespace:
            report(.whitespaceBeforeHereStringFooter, extent(offset, end), incompleteAt: end)
        case .emptyBracedVariable: report(.emptyVariableReference, extent(offset, offset + 3))
        case .unterminatedBracedVariable: report(.missingEndCurlyBrace, extent(offset, offset + 2), incompleteAt: end)
        case .invalidVariable: report(.invalidVariableReference, extent(offset, offset + 1))
        case .invalidVariableWithDrive: report(.invalidVariableReferenceWithDrive, extent(offset, offset + 1))
        case .unclosedSubexpression:
            report(.incompleteDollarSubexpressionReference, extent(offset, end), incompleteAt: end)
        case .unterminatedComment:
            report(.missingTerminatorMultiLineComment, extent(offset, end), incompleteAt: end)
        case .incompleteEscape: report(.incompleteString, extent(offset, offset), incompleteAt: end)
        }
    }

    private var triviaReported = 0
    /// Reports errors found in trivia (which consumes no token): open `<#` comments, a final backtick.
    func reportComments() {
        let list = lexer.triviaErrors
        while triviaReported < list.count {
            reportLexError(list[triviaReported].error, at: list[triviaReported].offset)
            triviaReported += 1
        }
    }

    // MARK: - Nesting limit

    /// Enters one nesting level; false (after reporting once) when the script is nested too deeply.
    func enter() -> Bool {
        if tooDeep { return false }
        depth += 1
        if depth > ScriptParser.maxDepth {
            tooDeep = true
            let t = peek(.expression)
            report(.scriptNestingTooDeep, extent(t.start, max(t.end, t.start)), String(ScriptParser.maxDepth))
            pos = lexer.count
            return false
        }
        return true
    }

    func leave() { depth -= 1 }

    /// Runs `body` one nesting level deeper, with commas building arrays or not (method arguments);
    /// returns `fallback` once the script is nested too deeply.
    func nested<T>(commas: Bool, fallback: @autoclosure () -> T, _ body: () -> T) -> T {
        guard enter() else { return fallback() }
        defer { leave() }
        return withCommas(commas, body)
    }

    /// Runs `body` with commas allowed (array literals) or not (argument lists).
    func withCommas<T>(_ allowed: Bool, _ body: () -> T) -> T {
        let saved = noComma
        noComma = !allowed
        defer { noComma = saved }
        return body()
    }

    /// An error node covering `start..<pos` (at least one character when possible).
    func errorExpression(from start: Int, nested: [Expression] = []) -> Expression {
        .error(ErrorExpressionAst(extent: extent(start, max(start, pos)), nested: nested))
    }

    func errorStatement(from start: Int, nested: [Statement] = []) -> Statement {
        .error(ErrorStatementAst(extent: extent(start, max(start, pos)), nested: nested))
    }
}
