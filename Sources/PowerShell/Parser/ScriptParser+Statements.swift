/// Statement lists and the statement dispatcher, plus if and flow statements.
extension ScriptParser {
    // G statement-list = ( SEP* statement ( SEP+ statement )* SEP* )? ;
    /// Parses statements until `)`, `}` or the end of input (not consumed).
    func parseStatementList() -> [Statement] {
        var list: [Statement] = []
        while !tooDeep {
            skipNewlinesAndSemicolons()
            let t = peek(.statementStart)
            if t.kind == .endOfInput || t.kind == .rParen || t.kind == .rCurly { break }
            let before = pos
            if let s = parseStatement() { list.append(s) }
            if pos == before {
                // No rule could use this token: report it and step over it so the loop makes progress.
                let u = peek(.statementStart)
                if u.kind == .endOfInput || u.kind == .rParen || u.kind == .rCurly { break }
                reportUnexpected(u)
                consume(u)
            }
        }
        return list
    }

    // G statement = if-stmt | label? loop-stmt | switch-stmt | try-stmt | function-def | flow-stmt | pipeline ;
    func parseStatement() -> Statement? {
        guard enter() else { return nil }
        defer { leave() }
        var t = peek(.statementStart)
        var label: String? = nil
        if t.kind == .label {
            label = lexer.text(t.start + 1, t.end)
            consume(t)
            skipNewlines()
            t = peek(.statementStart)
        }
        if t.kind == .generic, !t.flags.contains(.needsDecoding), let kw = Keyword(lexer, t) {
            switch kw {
            case .if: return parseIfStatement(t)
            case .foreach: return parseForeachStatement(t, label: label)
            case .for: return parseForStatement(t, label: label)
            case .while: return parseWhileStatement(t, label: label)
            case .do: return parseDoStatement(t, label: label)
            case .switch: return parseSwitchStatement(t, label: label)
            case .try: return parseTryStatement(t)
            case .function, .filter: return parseFunctionDefinition(t, isFilter: kw == .filter)
            case .return, .exit, .throw: return parseFlowWithPipeline(t, kw)
            case .break, .continue: return parseBreakContinue(t, kw)
            case .unsupported: return parseUnsupported(t)
            case .stray:
                reportUnexpected(t)
                consume(t)
                return errorStatement(from: t.start)
            }
        }
        return parsePipelineStatement()
    }

    // G if-stmt = 'if' '(' pipeline ')' block ( 'elseif' '(' pipeline ')' block )* ( 'else' block )? ;
    func parseIfStatement(_ ifToken: Token) -> Statement {
        consume(ifToken)
        var clauses: [IfClause] = []
        var elseBody: StatementBlockAst? = nil
        var keyword = ifToken
        while true {
            let kwText = text(keyword).lowercased()
            skipNewlines()
            let lp = peek(.expression)
            guard lp.kind == .lParen else {
                report(.missingOpenParenthesisInIfStatement, after(keyword), kwText, incompleteAt: keyword.end)
                return errorStatement(from: ifToken.start)
            }
            consume(lp)
            skipNewlines()
            var condition: Statement
            var conditionMissing = false
            if let c = parsePipelineStatement() {
                condition = c
            } else {
                // pwsh goes on looking for `)` and the block after an empty condition
                report(.ifStatementMissingCondition, after(lp), kwText, incompleteAt: lp.end)
                condition = .error(ErrorStatementAst(extent: after(lp)))
                conditionMissing = true
            }
            skipNewlines()
            let rp = peek(.expression)
            guard rp.kind == .rParen else {
                if !conditionMissing {
                    report(.missingEndParenthesisAfterStatement, extent(rp), kwText, incompleteAt: rp.start)
                }
                return errorStatement(from: ifToken.start, nested: [condition])
            }
            consume(rp)
            skipNewlines()
            guard let body = parseStatementBlock() else {
                report(.missingStatementBlock, extent(rp), kwText, incompleteAt: rp.end)
                return errorStatement(from: ifToken.start, nested: [condition])
            }
            clauses.append(IfClause(condition: condition, body: body))
            let cp = checkpoint()
            skipNewlines()
            let next = peek(.statementStart)
            if isWord(next, "elseif") {
                consume(next)
                keyword = next
                continue
            }
            if isWord(next, "else") {
                consume(next)
                skipNewlines()
                guard let b = parseStatementBlock() else {
                    report(.missingStatementBlockAfterElse, after(next), incompleteAt: next.end)
                    return errorStatement(from: ifToken.start)
                }
                elseBody = b
                break
            }
            restore(cp)
            break
        }
        let last = elseBody?.extent ?? clauses[clauses.count - 1].body.extent
        return .ifStatement(IfStatementAst(extent: span(ifToken, last), clauses: clauses, elseBody: elseBody))
    }

    // G block = '{' statement-list '}' ;
    /// A `{ }` statement block, or nil (nothing consumed) when the next token is not `{`.
    func parseStatementBlock() -> StatementBlockAst? {
        let lc = peek(.expression)
        guard lc.kind == .lCurly else { return nil }
        consume(lc)
        guard enter() else { return StatementBlockAst(extent: extent(from: lc.start), statements: []) }
        defer { leave() }
        let statements = parseStatementList()
        let rc = peek(.expression)
        if rc.kind == .rCurly {
            consume(rc)
        } else {
            report(.missingEndCurlyBrace, extent(lc), incompleteAt: rc.start)
        }
        return StatementBlockAst(extent: extent(from: lc.start), statements: statements)
    }

    // G flow-stmt = ( 'return' | 'exit' | 'throw' ) pipeline? ;
    func parseFlowWithPipeline(_ t: Token, _ kw: Keyword) -> Statement {
        consume(t)
        var pipeline: Statement? = nil
        let next = peek(.statementStart)
        if !isTerminator(next) { pipeline = parsePipelineStatement() }
        let kind: FlowKind = kw == .return ? .return : kw == .exit ? .exit : .throw
        let ext = pipeline.map { span(t, $0.extent) } ?? extent(t)
        return .flow(FlowStatementAst(extent: ext, kind: kind, pipeline: pipeline, label: nil))
    }

    // G flow-stmt = ( 'break' | 'continue' ) NAME? ;
    func parseBreakContinue(_ t: Token, _ kw: Keyword) -> Statement {
        consume(t)
        var label: String? = nil
        var end = extent(t)
        let next = peek(.command)
        if next.kind == .generic {
            consume(next)
            let raw = lexer.barewordValue(next)
            label = raw.hasPrefix(":") ? String(raw.dropFirst()) : raw
            end = extent(next)
        }
        return .flow(FlowStatementAst(extent: span(extent(t), end), kind: kw == .break ? .break : .continue,
                                      pipeline: nil, label: label))
    }

    /// Constructs outside the subset: one clear error, then skip the construct (braces balanced).
    func parseUnsupported(_ t: Token) -> Statement {
        let name = text(t).lowercased()
        let what: String
        switch name {
        case "trap": what = "The 'trap' statement (use try/catch instead)"
        case "class", "enum": what = "Defining a '\(name)' type"
        default: what = "The '\(name)' keyword"
        }
        report(.unsupportedConstruct, extent(t), what)
        consume(t)
        skipToStatementEnd()
        return errorStatement(from: t.start)
    }

    /// Error recovery: consumes tokens to the end of the statement, keeping brackets balanced.
    func skipToStatementEnd() {
        var nesting = 0
        while true {
            let t = peek(.command)
            switch t.kind {
            case .endOfInput: return
            case .newline, .semicolon: if nesting == 0 { return }
            case .lCurly, .lParen, .atParen, .atCurly, .dollarParen: nesting += 1
            case .rCurly, .rParen:
                if nesting == 0 { return }
                nesting -= 1
                if nesting == 0 {
                    consume(t)
                    // a block ends the construct unless more of it follows on the same line
                    let n = peek(.command)
                    if n.kind == .newline || n.kind == .semicolon || n.kind == .endOfInput { return }
                    continue
                }
            default: break
            }
            consume(t)
        }
    }
}

/// Words that start statements. Only recognised at the start of a statement.
enum Keyword {
    case `if`, foreach, `for`, `while`, `do`, `switch`, `try`, function, filter
    case `return`, exit, `throw`, `break`, `continue`
    /// Outside the subset (trap, class, ...).
    case unsupported
    /// Keywords that cannot start a statement (`else` without `if`...).
    case stray

    init?(_ lexer: Lexer, _ t: Token) {
        let len = t.end - t.start
        guard len >= 2, len <= 13 else { return nil }
        var lowered = ""
        for k in t.start..<t.end {
            let b = lexer.bytes[k]
            guard b < 0x80 else { return nil }
            lowered.unicodeScalars.append(Unicode.Scalar(b | 0x20))
        }
        switch lowered {
        case "if": self = .if
        case "foreach": self = .foreach
        case "for": self = .for
        case "while": self = .while
        case "do": self = .do
        case "switch": self = .switch
        case "try": self = .try
        case "function": self = .function
        case "filter": self = .filter
        case "return": self = .return
        case "exit": self = .exit
        case "throw": self = .throw
        case "break": self = .break
        case "continue": self = .continue
        case "trap", "class", "enum", "using", "configuration", "workflow", "data", "dynamicparam",
             "parallel", "sequence", "inlinescript":
            self = .unsupported
        case "else", "elseif", "catch", "finally", "until":
            self = .stray
        default: return nil
        }
    }
}
