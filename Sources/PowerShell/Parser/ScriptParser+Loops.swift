/// Loops, switch and try/catch/finally.
extension ScriptParser {
    // G 'foreach' '(' variable 'in' pipeline ')' block
    func parseForeachStatement(_ kw: Token, label: String?) -> Statement {
        consume(kw)
        skipNewlines()
        var lp = peek(.expression)
        if lp.kind == .parameter {
            report(.unsupportedConstruct, extent(lp), "'foreach \(text(lp))'")
            consume(lp)
            skipNewlines()
            lp = peek(.expression)
        }
        guard lp.kind == .lParen else {
            report(.missingOpenParenthesisAfterKeyword, after(kw), "foreach", incompleteAt: kw.end)
            return errorStatement(from: kw.start)
        }
        consume(lp)
        skipNewlines()
        let v = peek(.expression)
        guard v.kind == .variable else {
            report(.missingVariableNameAfterForeach, after(lp), incompleteAt: lp.end)
            return errorStatement(from: kw.start)
        }
        consume(v)
        let variable = variableAst(v)
        skipNewlines()
        let inToken = peek(.expression)
        guard isWord(inToken, "in") else {
            report(.missingInInForeach, after(v), incompleteAt: v.end)
            return errorStatement(from: kw.start)
        }
        consume(inToken)
        skipNewlines()
        guard let collection = parsePipelineStatement() else {
            report(.missingForeachExpression, after(inToken), incompleteAt: inToken.end)
            return errorStatement(from: kw.start)
        }
        skipNewlines()
        let rp = peek(.expression)
        guard rp.kind == .rParen else {
            report(.missingEndParenthesisAfterForeach, after(collection.extent), incompleteAt: rp.start)
            return errorStatement(from: kw.start, nested: [collection])
        }
        consume(rp)
        skipNewlines()
        guard let body = parseStatementBlock() else {
            report(.missingForeachStatement, after(rp), incompleteAt: rp.end)
            return errorStatement(from: kw.start, nested: [collection])
        }
        return .foreachStatement(ForEachStatementAst(extent: span(kw, body.extent), label: label, variable: variable,
                                                     collection: collection, body: body))
    }

    // G 'for' '(' pipeline? SEP pipeline? SEP pipeline? ')' block
    func parseForStatement(_ kw: Token, label: String?) -> Statement {
        consume(kw)
        skipNewlines()
        let lp = peek(.expression)
        guard lp.kind == .lParen else {
            report(.missingOpenParenthesisAfterKeyword, after(kw), "for", incompleteAt: kw.end)
            return errorStatement(from: kw.start)
        }
        consume(lp)
        var parts: [Statement?] = []
        for index in 0..<3 {
            skipNewlines()
            let t = peek(.statementStart)
            if t.kind == .semicolon || t.kind == .rParen { parts.append(nil) } else { parts.append(parsePipelineStatement()) }
            skipNewlines()
            if index < 2 {
                let sep = peek(.expression)
                if sep.kind == .semicolon { consume(sep) }
            }
        }
        skipNewlines()
        let rp = peek(.expression)
        guard rp.kind == .rParen else {
            let last = parts.compactMap { $0 }.last?.extent ?? extent(lp)
            report(.missingEndParenthesisAfterStatement, after(last), "for", incompleteAt: rp.start)
            skipToStatementEnd()
            return errorStatement(from: kw.start, nested: parts.compactMap { $0 })
        }
        consume(rp)
        skipNewlines()
        guard let body = parseStatementBlock() else {
            report(.missingLoopStatement, after(rp), "for", incompleteAt: rp.end)
            return errorStatement(from: kw.start, nested: parts.compactMap { $0 })
        }
        return .forStatement(ForStatementAst(extent: span(kw, body.extent), label: label, initializer: parts[0],
                                             condition: parts[1], iterator: parts[2], body: body))
    }

    /// `( pipeline )` after while/until/switch: the condition, with pwsh's errors.
    private func parseLoopCondition(_ kw: Token, keyword: String) -> (Statement, Token)? {
        skipNewlines()
        let lp = peek(.expression)
        guard lp.kind == .lParen else {
            report(.missingOpenParenthesisAfterKeyword, after(kw), keyword, incompleteAt: kw.end)
            return nil
        }
        consume(lp)
        skipNewlines()
        guard let condition = parsePipelineStatement() else {
            report(.missingExpressionAfterKeyword, after(lp), keyword, incompleteAt: lp.end)
            skipToStatementEnd()
            return nil
        }
        skipNewlines()
        let rp = peek(.expression)
        guard rp.kind == .rParen else {
            report(.missingEndParenthesisAfterStatement, after(condition.extent), keyword, incompleteAt: rp.start)
            return nil
        }
        consume(rp)
        return (condition, rp)
    }

    // G 'while' '(' pipeline ')' block
    func parseWhileStatement(_ kw: Token, label: String?) -> Statement {
        consume(kw)
        guard let (condition, rp) = parseLoopCondition(kw, keyword: "while") else { return errorStatement(from: kw.start) }
        skipNewlines()
        guard let body = parseStatementBlock() else {
            report(.missingLoopStatement, after(rp), "while", incompleteAt: rp.end)
            return errorStatement(from: kw.start, nested: [condition])
        }
        return .whileStatement(WhileStatementAst(extent: span(kw, body.extent), label: label,
                                                 condition: condition, body: body))
    }

    // G 'do' block ( 'while' | 'until' ) '(' pipeline ')'
    func parseDoStatement(_ kw: Token, label: String?) -> Statement {
        consume(kw)
        skipNewlines()
        guard let body = parseStatementBlock() else {
            report(.missingLoopStatement, after(kw), "do", incompleteAt: kw.end)
            return errorStatement(from: kw.start)
        }
        let cp = checkpoint()
        skipNewlines()
        let w = peek(.statementStart)
        let isUntil = isWord(w, "until")
        guard isUntil || isWord(w, "while") else {
            restore(cp)
            report(.missingWhileOrUntilInDoWhile, after(body.extent), incompleteAt: body.extent.endOffset)
            return errorStatement(from: kw.start)
        }
        consume(w)
        guard let (condition, rp) = parseLoopCondition(w, keyword: isUntil ? "until" : "while") else {
            return errorStatement(from: kw.start)
        }
        return .doLoop(DoLoopStatementAst(extent: span(kw, extent(rp)), label: label, body: body,
                                          condition: condition, isUntil: isUntil))
    }

    // G 'switch' switch-flag* ( '(' pipeline ')' | '-File' argument ) '{' ( switch-clause SEP* )+ '}'
    func parseSwitchStatement(_ kw: Token, label: String?) -> Statement {
        consume(kw)
        var flags: SwitchFlags = []
        var filePath: Expression? = nil
        while true {
            let f = peek(.command)
            guard f.kind == .parameter else { break }
            consume(f)
            switch lexer.text(f.start + lexer.dashLength(f.start), f.end).lowercased() {
            case "regex": flags.insert(.regex)
            case "wildcard": flags.insert(.wildcard)
            case "exact": flags.insert(.exact)
            case "casesensitive": flags.insert(.caseSensitive)
            case "file":
                flags.insert(.file)
                guard let path = parseSingleCommandArgument() else {
                    report(.missingFilenameOption, after(f), incompleteAt: f.end)
                    skipToStatementEnd()
                    return errorStatement(from: kw.start)
                }
                filePath = path
            default: report(.invalidSwitchFlag, extent(f), text(f))
            }
            if filePath != nil { break }
        }
        let condition: Statement
        let conditionEnd: Int
        if let filePath {
            // `switch -File path { }`: the path takes the place of the `( value )`.
            let e = filePath.extent
            condition = .pipeline(PipelineAst(extent: e, elements: [.expression(
                CommandExpressionAst(extent: e, expression: filePath, redirections: []))]))
            conditionEnd = e.endOffset
        } else {
            guard let (c, rp) = parseLoopCondition(kw, keyword: "switch") else { return errorStatement(from: kw.start) }
            condition = c
            conditionEnd = rp.end
        }
        skipNewlines()
        let lc = peek(.expression)
        guard lc.kind == .lCurly else {
            report(.missingCurlyBraceInSwitchStatement, extent(conditionEnd, conditionEnd), incompleteAt: conditionEnd)
            return errorStatement(from: kw.start, nested: [condition])
        }
        consume(lc)
        guard enter() else { return errorStatement(from: kw.start) }
        defer { leave() }
        var clauses: [SwitchClause] = []
        var defaultBody: StatementBlockAst? = nil
        while !tooDeep {
            skipNewlinesAndSemicolons()
            let t = peek(.command)
            if t.kind == .rCurly || t.kind == .endOfInput { break }
            let before = pos
            let isDefault = isWord(t, "default")
            var pattern: Expression? = nil
            if isDefault { consume(t) } else { pattern = parseSingleCommandArgument() }
            guard isDefault || pattern != nil else {
                report(.missingSwitchConditionExpression, extent(t))
                if pos == before { consume(t) }
                continue
            }
            skipNewlines()
            guard let body = parseStatementBlock() else {
                report(.missingSwitchStatementClause, after(pattern?.extent ?? extent(t)), incompleteAt: pos)
                skipToStatementEnd()
                continue
            }
            if isDefault { defaultBody = body } else if let p = pattern { clauses.append(SwitchClause(pattern: p, body: body)) }
        }
        let rc = peek(.expression)
        if rc.kind == .rCurly { consume(rc) } else { report(.missingEndCurlyBrace, extent(lc), incompleteAt: rc.start) }
        return .switchStatement(SwitchStatementAst(extent: extent(from: kw.start), label: label, flags: flags,
                                                   condition: condition, clauses: clauses, defaultBody: defaultBody))
    }

    // G 'try' block ( 'catch' type-list? block )* ( 'finally' block )?
    func parseTryStatement(_ kw: Token) -> Statement {
        consume(kw)
        skipNewlines()
        guard let body = parseStatementBlock() else {
            report(.missingTryStatementBlock, after(kw), incompleteAt: kw.end)
            return errorStatement(from: kw.start)
        }
        var catches: [CatchClauseAst] = []
        var finallyBody: StatementBlockAst? = nil
        var lastExtent = body.extent
        while true {
            let cp = checkpoint()
            skipNewlines()
            let t = peek(.statementStart)
            if isWord(t, "catch") {
                consume(t)
                var types: [TypeName] = []
                while true {
                    skipNewlines()
                    let lb = peek(.expression)
                    guard lb.kind == .lBracket else { break }
                    consume(lb)
                    guard let type = parseTypeNameAfterBracket(lb) else { break }
                    types.append(type)
                    skipNewlines()
                    let comma = peek(.expression)
                    guard comma.kind == .comma else { break }
                    consume(comma)
                }
                skipNewlines()
                guard let handler = parseStatementBlock() else {
                    report(.missingCatchHandlerBlock, after(types.last?.extent ?? extent(t)), incompleteAt: pos)
                    return errorStatement(from: kw.start)
                }
                catches.append(CatchClauseAst(extent: span(t, handler.extent), types: types, body: handler))
                lastExtent = handler.extent
                continue
            }
            if isWord(t, "finally") {
                consume(t)
                skipNewlines()
                guard let f = parseStatementBlock() else {
                    report(.missingFinallyStatementBlock, after(t), incompleteAt: t.end)
                    return errorStatement(from: kw.start)
                }
                finallyBody = f
                lastExtent = f.extent
                break
            }
            restore(cp)
            break
        }
        if catches.isEmpty && finallyBody == nil {
            report(.missingCatchOrFinally, after(body.extent), incompleteAt: body.extent.endOffset)
        }
        return .tryStatement(TryStatementAst(extent: span(kw, lastExtent), body: body, catches: catches,
                                             finallyBody: finallyBody))
    }
}
