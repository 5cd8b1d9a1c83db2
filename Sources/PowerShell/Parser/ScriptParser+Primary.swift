/// Values: literals, variables, strings with their expansions, `( )`, `$( )`, `@( )`, `@{ }`, `{ }`,
/// and the postfix forms `.Member`, `::Member`, `.Method(args)`, `[index]`, `++`, `--`.
extension ScriptParser {
    // G value = '(' pipeline ')' | sub-expr | array-expr | hash-literal | script-block | NUMBER
    // G       | string-literal | variable | type-literal ;
    /// nil when the next token is not a value (nothing consumed).
    func parsePrimary(mode: LexMode) -> Expression? {
        let t = peek(mode)
        switch t.kind {
        case .number:
            consume(t)
            guard let v = lexer.numberValue(t) else {
                report(.badNumericConstant, extent(t), text(t))
                return .error(ErrorExpressionAst(extent: extent(t)))
            }
            return .number(NumberLiteralAst(extent: extent(t), value: v))
        case .stringLiteral, .hereStringLiteral:
            consume(t)
            return .string(StringConstantAst(extent: extent(t), value: lexer.singleQuotedValue(t),
                                             kind: t.kind == .stringLiteral ? .singleQuoted : .singleQuotedHere))
        case .stringExpandable, .hereStringExpandable:
            consume(t)
            return expandableString(t, kind: t.kind == .stringExpandable ? .doubleQuoted : .doubleQuotedHere)
        case .variable:
            consume(t)
            return .variable(variableAst(t))
        case .splattedVariable:
            consume(t)
            let v = VariableExpressionAst(extent: extent(t), path: lexer.variablePath(t.start, t.end), isSplatted: true)
            if mode != .command { report(.splattingNotPermitted, extent(t), v.path.userPath) }
            return .variable(v)
        case .lParen: return parseParenExpression(t)
        case .dollarParen, .atParen: return parseSubExpression(t)
        case .atCurly: return parseHashtable(t)
        case .lCurly: return parseScriptBlockExpression(t)
        case .unknown where t.error != .none:
            consume(t)
            return .error(ErrorExpressionAst(extent: extent(t)))
        default:
            return nil
        }
    }

    func variableAst(_ t: Token) -> VariableExpressionAst {
        VariableExpressionAst(extent: extent(t), path: lexer.variablePath(t.start, t.end))
    }

    // G primary-expr = value ( '.' member | '::' member | '.' member '(' args? ')' | '[' expression ']' | '++' | '--' )* ;
    func parsePostfix(_ base: Expression) -> Expression {
        var expr = base
        while !tooDeep {
            let t = peek(.expression)
            let adjacent = t.start == pos
            switch t.kind {
            case .dot where adjacent, .colonColon where adjacent:
                consume(t)
                expr = parseMemberAccess(expr, operatorToken: t, isStatic: t.kind == .colonColon)
            case .lBracket where adjacent:
                consume(t)
                expr = parseIndex(expr, open: t)
            case .plusPlus, .minusMinus:
                guard adjacent else { return expr }
                consume(t)
                expr = .unary(UnaryExpressionAst(extent: span(expr.extent, extent(t)),
                                                 op: t.kind == .plusPlus ? .postIncrement : .postDecrement, child: expr))
            default:
                return expr
            }
        }
        return expr
    }

    private func parseMemberAccess(_ target: Expression, operatorToken: Token, isStatic: Bool) -> Expression {
        let m = peek(.member)
        var member: Expression
        if m.kind == .identifier, m.start == pos {
            consume(m)
            member = .string(StringConstantAst(extent: extent(m), value: text(m), kind: .bareword))
        } else if m.start == pos, [.variable, .stringLiteral, .stringExpandable, .lParen, .dollarParen].contains(m.kind),
                  let e = parsePrimary(mode: .expression) {
            member = e
        } else {
            report(.missingPropertyName, after(operatorToken), incompleteAt: operatorToken.end)
            return .error(ErrorExpressionAst(extent: span(target.extent, extent(operatorToken)), nested: [target]))
        }
        let lp = peek(.expression)
        guard lp.kind == .lParen, lp.start == pos else {
            return .member(MemberExpressionAst(extent: span(target.extent, member.extent), target: target,
                                               member: member, isStatic: isStatic))
        }
        consume(lp)
        let args = parseMethodArguments(open: lp)
        return .invokeMember(InvokeMemberExpressionAst(extent: span(target.extent, extent(from: lp.start)),
                                                       target: target, member: member, arguments: args,
                                                       isStatic: isStatic))
    }

    // G args = expression ( ',' expression )* ;
    /// After `(`: arguments up to and including `)`.
    private func parseMethodArguments(open: Token) -> [Expression] {
        return nested(commas: false, fallback: [Expression]()) {
            var args: [Expression] = []
            skipNewlines()
            if peek(.expression).kind == .rParen { consume(peek(.expression)); return args }
            while !tooDeep {
                skipNewlines()
                guard let a = parseExpression() else {
                    let t = peek(.expression)
                    report(.missingEndParenthesisInMethodCall, after(args.last?.extent ?? extent(open)), incompleteAt: t.start)
                    return args
                }
                args.append(a)
                skipNewlines()
                let t = peek(.expression)
                if t.kind == .comma { consume(t); continue }
                if t.kind == .rParen { consume(t); return args }
                report(.missingEndParenthesisInMethodCall, after(a.extent), incompleteAt: t.start)
                return args
            }
            return args
        }
    }

    private func parseIndex(_ target: Expression, open: Token) -> Expression {
        return nested(commas: true, fallback: target) {
            skipNewlines()
            guard let index = parseExpression() else {
                report(.missingArrayIndexExpression, after(open), incompleteAt: open.end)
                let close = peek(.expression)
                if close.kind == .rBracket { consume(close) }
                return .error(ErrorExpressionAst(extent: extent(from: target.extent), nested: [target]))
            }
            skipNewlines()
            let close = peek(.expression)
            if close.kind == .rBracket {
                consume(close)
            } else {
                report(.missingEndSquareBracket, after(index.extent), incompleteAt: close.start)
            }
            return .index(IndexExpressionAst(extent: extent(from: target.extent), target: target, index: index))
        }
    }

    // G '(' pipeline ')'
    private func parseParenExpression(_ lp: Token) -> Expression {
        consume(lp)
        return nested(commas: true, fallback: errorExpression(from: lp.start)) {
            skipNewlines()
            guard let inner = parseStatement() else {
                let t = peek(.expression)
                report(.expectedExpression, after(lp), incompleteAt: lp.end)
                if t.kind == .rParen { consume(t) }
                return errorExpression(from: lp.start)
            }
            skipNewlines()
            let rp = peek(.expression)
            if rp.kind == .rParen {
                consume(rp)
            } else {
                report(.missingEndParenthesisInExpression, after(inner.extent), incompleteAt: rp.start)
            }
            return .paren(ParenExpressionAst(extent: extent(from: lp.start), pipeline: inner))
        }
    }

    // G sub-expr = '$(' statement-list ')' ;  array-expr = '@(' statement-list ')' ;
    private func parseSubExpression(_ open: Token) -> Expression {
        consume(open)
        return nested(commas: true, fallback: errorExpression(from: open.start)) {
            let statements = parseStatementList()
            let rp = peek(.expression)
            if rp.kind == .rParen {
                consume(rp)
            } else {
                let last = statements.last?.extent ?? extent(open)
                report(.missingEndParenthesisInSubexpression, after(last), incompleteAt: rp.start)
            }
            let ext = extent(from: open.start)
            if open.kind == .atParen { return .arrayExpression(ArrayExpressionAst(extent: ext, statements: statements)) }
            return .subExpression(SubExpressionAst(extent: ext, statements: statements))
        }
    }

    // G script-block = '{' script-body '}' ;
    private func parseScriptBlockExpression(_ lc: Token) -> Expression {
        consume(lc)
        return nested(commas: true, fallback: errorExpression(from: lc.start)) {
            let body = parseScriptBody(open: lc, isFilter: false)
            return .scriptBlock(ScriptBlockExpressionAst(extent: body.extent, scriptBlock: body))
        }
    }

    // G hash-literal = '@{' ( hash-entry ( SEP+ hash-entry )* )? SEP* '}' ;  hash-entry = key '=' statement ;
    private func parseHashtable(_ open: Token) -> Expression {
        consume(open)
        return nested(commas: true, fallback: errorExpression(from: open.start)) {
            var entries: [HashtableEntry] = []
            var keys = Set<String>()
            while !tooDeep {
                skipNewlinesAndSemicolons()
                let t = peek(.statementStart)
                if t.kind == .rCurly || t.kind == .endOfInput { break }
                let before = pos
                guard let key = parseHashKey() else {
                    reportUnexpected(t)
                    if pos == before { consume(t) }
                    skipToStatementEnd()
                    continue
                }
                if case .string(let s) = key, !keys.insert(s.value.lowercased()).inserted {
                    report(.duplicateKeyInHashLiteral, key.extent, s.value)
                }
                let eq = peek(.expression)
                guard eq.kind == .equals else {
                    report(.missingEqualsInHashLiteral, after(key.extent))
                    skipToStatementEnd()
                    continue
                }
                consume(eq)
                skipNewlines()
                guard let value = parseStatement() else {
                    report(.missingStatementInHashLiteral, after(eq), incompleteAt: eq.end)
                    skipToStatementEnd()
                    continue
                }
                entries.append(HashtableEntry(key: key, value: value))
                let sep = peek(.expression)
                if sep.kind != .newline && sep.kind != .semicolon && sep.kind != .rCurly && sep.kind != .endOfInput {
                    reportUnexpected(sep)
                    skipToStatementEnd()
                }
            }
            let rc = peek(.expression)
            if rc.kind == .rCurly {
                consume(rc)
            } else {
                report(.missingEndCurlyBrace, after(open), incompleteAt: rc.start)
            }
            return .hashtable(HashtableAst(extent: extent(from: open.start), entries: entries))
        }
    }

    /// A key: a bareword (up to `=`), a string, a number, a variable or a parenthesized expression.
    private func parseHashKey() -> Expression? {
        let start = lexer.skipTrivia(pos)
        let c = lexer.byte(start)
        let startsWord = Lexer.isASCIILetter(c) || c == UInt8(ascii: "_") || lexer.isOtherLetter(start)
        if startsWord {
            let t = lexer.scanGeneric(start, stopAtEquals: true)
            consume(t)
            return .string(StringConstantAst(extent: extent(t), value: lexer.barewordValue(t), kind: .bareword))
        }
        return withCommas(false) {
            return parseUnary()
        }
    }

    /// `"..."` / `@"..."@` / an expandable bareword: a constant when nothing expands, else parts.
    func expandableString(_ t: Token, kind: StringKind) -> Expression {
        var lexErrors: [(Int, LexError)] = []
        let raw = lexer.expandableParts(t, errors: &lexErrors)
        for (offset, e) in lexErrors { reportLexError(e, at: offset) }
        var parts: [StringPart] = []
        var hasExpansion = false
        for p in raw {
            switch p {
            case .text(let s): parts.append(.literal(s))
            case .variable(let s, let e):
                hasExpansion = true
                parts.append(.expression(.variable(VariableExpressionAst(extent: extent(s, e),
                                                                          path: lexer.variablePath(s, e)))))
            case .subexpression(let s, let e, let closed):
                hasExpansion = true
                parts.append(.expression(parseEmbeddedSubexpression(s, e, closed: closed)))
            }
        }
        if !hasExpansion {
            var value = ""
            for case .literal(let s) in parts { value += s }
            return .string(StringConstantAst(extent: extent(t), value: value, kind: kind))
        }
        return .expandableString(ExpandableStringAst(extent: extent(t), parts: parts, kind: kind))
    }

    /// Parses the statements of a `$( )` inside a string in place, so their extents point into the script.
    private func parseEmbeddedSubexpression(_ start: Int, _ end: Int, closed: Bool) -> Expression {
        guard closed else {
            // the string token already carries this error; an unclosed `$(` is not parsed further
            report(.incompleteDollarSubexpressionReference, extent(start, lexer.count), incompleteAt: lexer.count)
            return .subExpression(SubExpressionAst(extent: extent(start, end), statements: []))
        }
        let savedPos = pos
        pos = start + 2
        defer { pos = savedPos }
        return nested(commas: true, fallback: errorExpression(from: start)) {
            let statements = parseStatementList()
            let rp = peek(.expression)
            if rp.kind == .rParen, rp.end <= end {
                consume(rp)
            } else if rp.kind != .endOfInput {
                reportUnexpected(rp)
            }
            return .subExpression(SubExpressionAst(extent: extent(start, end), statements: statements))
        }
    }
}
