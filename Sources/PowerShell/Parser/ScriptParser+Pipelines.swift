/// Pipelines, assignments, commands in argument mode, and redirections.
extension ScriptParser {
    // G pipeline = assignment | pipeline-head ( '|' command )* ;
    // G assignment = expression assign-op statement ;
    /// A pipeline or an assignment; nil when nothing here starts one (nothing consumed).
    func parsePipelineStatement() -> Statement? {
        guard enter() else { return nil }
        defer { leave() }
        var first = peek(.statementStart)
        if first.kind == .pipe {
            // `| cmd` with nothing before it
            report(.emptyPipeElement, extent(first))
            consume(first)
            skipNewlines()
            first = peek(.statementStart)
        }
        var elements: [PipelineElement] = []
        if startsExpression(first) {
            guard let expr = parseExpression() else { return nil }
            let op = peek(.expression)
            if let assign = assignmentOperator(op) {
                return parseAssignment(left: expr, op: assign, opToken: op)
            }
            elements.append(.expression(expressionElement(expr)))
        } else if let command = parseCommand() {
            elements.append(.command(command))
        } else {
            return nil
        }
        while !tooDeep {
            var t = peek(.expression)
            if t.kind == .newline, pipeContinues(after: t.start) {
                skipNewlines()
                t = peek(.expression)
            }
            switch t.kind {
            case .pipe:
                consume(t)
                skipNewlines()
                let next = peek(.statementStart)
                if next.kind == .pipe {
                    report(.emptyPipeElement, after(t))
                    continue
                }
                if next.kind == .endOfInput || isTerminator(next) {
                    report(.emptyPipeElement, after(t), incompleteAt: t.end)
                    return .pipeline(PipelineAst(extent: span(elements[0].extent, extent(t)), elements: elements))
                }
                if startsExpression(next), let e = parseExpression() {
                    report(.expressionsMustBeFirstInPipeline, e.extent)
                    elements.append(.expression(expressionElement(e)))
                } else if let c = parseCommand() {
                    elements.append(.command(c))
                } else {
                    report(.emptyPipeElement, after(t), incompleteAt: t.end)
                }
                continue
            case .ampersand:
                report(.unsupportedConstruct, extent(t), "Running a pipeline as a background job with '&'")
                consume(t)
            case .andAnd, .orOr:
                report(.unsupportedConstruct, extent(t), "The pipeline chain operator '\(text(t))'")
                consume(t)
                skipNewlines()
                _ = parsePipelineStatement()
            case .endOfInput, .newline, .semicolon, .rParen, .rCurly:
                break
            case .generic where lexer.byte(t.start) == UInt8(ascii: "?"):
                // pwsh 7's `a ? b : c` and `a ?? b`
                report(.unsupportedConstruct, extent(t), "The '?:' ternary and '??' null-coalescing operators")
                skipToStatementEnd()
            default:
                reportUnexpected(t)
            }
            break
        }
        let ext = span(elements[0].extent, elements[elements.count - 1].extent)
        return .pipeline(PipelineAst(extent: ext, elements: elements))
    }

    /// pwsh 7: a line starting with `|` (after blank or comment lines) continues the pipeline.
    private func pipeContinues(after offset: Int) -> Bool {
        let next = lexer.skipTriviaAndNewlines(offset)
        return lexer.byte(next) == UInt8(ascii: "|") && lexer.byte(next + 1) != UInt8(ascii: "|")
    }

    private func expressionElement(_ expr: Expression) -> CommandExpressionAst {
        var redirections: [RedirectionAst] = []
        while true {
            let r = peek(.expression)
            guard r.kind == .redirection || r.kind == .lessThan else { break }
            consume(r)
            if let red = parseRedirection(r) { redirections.append(red) }
        }
        let ext = redirections.last.map { span(expr.extent, $0.extent) } ?? expr.extent
        return CommandExpressionAst(extent: ext, expression: expr, redirections: redirections)
    }

    private func assignmentOperator(_ t: Token) -> AssignmentOperator? {
        switch t.kind {
        case .equals: return .assign
        case .plusEquals: return .plusAssign
        case .minusEquals: return .minusAssign
        case .multiplyEquals: return .multiplyAssign
        case .divideEquals: return .divideAssign
        case .remainderEquals: return .remainderAssign
        default: return nil
        }
    }

    private func parseAssignment(left: Expression, op: AssignmentOperator, opToken: Token) -> Statement {
        if !isAssignable(left) { report(.invalidLeftHandSide, left.extent) }
        consume(opToken)
        skipNewlines()
        guard let right = parseStatement() else {
            report(.expectedValueExpression, after(opToken), text(opToken), incompleteAt: opToken.end)
            let err = Statement.error(ErrorStatementAst(extent: after(opToken)))
            return .assignment(AssignmentStatementAst(extent: span(left.extent, extent(opToken)), left: left, op: op,
                                                      right: err, operatorExtent: extent(opToken)))
        }
        return .assignment(AssignmentStatementAst(extent: span(left.extent, right.extent), left: left, op: op,
                                                  right: right, operatorExtent: extent(opToken)))
    }

    /// Variables, members, indexes, `[type]$var`, and lists of those (`$a, $b = 1, 2`).
    func isAssignable(_ e: Expression) -> Bool {
        switch e {
        case .variable, .member, .index: return true
        case .convert(let c): return isAssignable(c.child)
        case .arrayLiteral(let a): return a.elements.allSatisfy(isAssignable)
        case .paren(let p):
            if case .pipeline(let pl) = p.pipeline, let inner = pl.pureExpression { return isAssignable(inner) }
            return false
        case .error: return true
        default: return false
        }
    }

    /// Tokens that begin an expression at the start of a statement or pipeline element.
    func startsExpression(_ t: Token) -> Bool {
        switch t.kind {
        case .number, .variable, .splattedVariable, .stringLiteral, .stringExpandable, .hereStringLiteral,
             .hereStringExpandable, .lParen, .dollarParen, .atParen, .atCurly, .lCurly, .lBracket,
             .minus, .plus, .exclaim, .comma, .plusPlus, .minusMinus:
            return true
        case .dashOperator:
            return DashOperator.all[Int(t.aux)].unary != nil
        default:
            return false
        }
    }

    // G command = ( '&' | '.' )? command-name command-element* ;
    /// A command in argument mode; nil when there is no command here (nothing consumed).
    func parseCommand() -> CommandAst? {
        var first = peek(.statementStart)
        if first.kind == .dashOperator || first.kind == .parameter {
            first = lexer.scanGeneric(first.start)  // `-foo` as a command name
        }
        var invocation = InvocationOperator.none
        let name: Expression
        switch first.kind {
        case .ampersand, .dot:
            invocation = first.kind == .ampersand ? .ampersand : .dot
            consume(first)
            guard let n = parseSingleCommandArgument() else {
                report(.missingExpression, extent(first), text(first))
                return nil
            }
            name = n
        case .generic, .unknown, .redirection, .lessThan, .label, .dotDot, .rBracket, .colonColon:
            consume(first)
            name = .string(StringConstantAst(extent: extent(first), value: lexer.barewordValue(first), kind: .bareword))
        default:
            return nil
        }
        var elements: [CommandElement] = []
        var redirections: [RedirectionAst] = []
        var sawDashDash = false
        var end = name.extent
        while !tooDeep {
            let t = peek(.command)
            switch t.kind {
            case .pipe, .rCurly, .rParen, .endOfInput, .newline, .semicolon, .andAnd, .orOr, .ampersand:
                return CommandAst(extent: span(extent(first), end), invocationOperator: invocation, name: name,
                                  elements: elements, redirections: redirections)
            case .minusMinus where !sawDashDash:
                sawDashDash = true
                consume(t)
                end = extent(t)
            case .comma:
                report(.missingArgument, extent(t))
                consume(t)
                skipNewlines()
                end = extent(t)
            case .parameter where !sawDashDash:
                consume(t)
                let p = parseParameterElement(t)
                elements.append(.parameter(p))
                end = p.extent
            case .redirection, .lessThan:
                consume(t)
                if let r = parseRedirection(t) { redirections.append(r); end = r.extent } else { end = extent(from: t.start) }
            case .splattedVariable:
                consume(t)
                let v = VariableExpressionAst(extent: extent(t), path: lexer.variablePath(t.start, t.end), isSplatted: true)
                elements.append(.splat(v))
                end = v.extent
            case .generic where !sawDashDash && text(t) == "--%":
                report(.unsupportedConstruct, extent(t), "The stop-parsing token '--%'")
                skipToStatementEnd()
            default:
                let before = pos
                guard let arg = parseCommandArgumentList() else {
                    if pos == before { consume(t) }
                    continue
                }
                elements.append(.argument(arg))
                end = arg.extent
            }
        }
        return CommandAst(extent: span(extent(first), end), invocationOperator: invocation, name: name,
                          elements: elements, redirections: redirections)
    }

    /// `-Name` or `-Name:value` (the colon form takes the next argument, even one starting with `-`).
    private func parseParameterElement(_ t: Token) -> CommandParameterAst {
        let hasColon = t.flags.contains(.colon)
        let nameStart = t.start + lexer.dashLength(t.start)
        let name = lexer.text(nameStart, hasColon ? t.end - 1 : t.end)
        guard hasColon else { return CommandParameterAst(extent: extent(t), name: name, argument: nil, hasColon: false) }
        let next = peek(.command)
        var argument: Expression? = nil
        if next.kind != .comma { argument = parseCommandArgumentList() }
        guard let arg = argument else {
            report(.parameterRequiresArgument, after(t), text(t), incompleteAt: t.end)
            return CommandParameterAst(extent: extent(t), name: name, argument: nil, hasColon: true)
        }
        return CommandParameterAst(extent: span(extent(t), arg.extent), name: name, argument: arg, hasColon: true)
    }

    // G argument-list = argument ( ',' argument )* ;
    /// One argument, or several joined by commas into an array literal.
    func parseCommandArgumentList() -> Expression? {
        guard let first = parseSingleCommandArgument() else { return nil }
        return parseCommaList(first: first, mode: .command, missing: .missingExpression, item: parseSingleCommandArgument)
    }

    /// A single argument-mode value: a bareword, a value with member access, a string, a block...
    func parseSingleCommandArgument() -> Expression? {
        let t = peek(.command)
        switch t.kind {
        case .pipe, .rCurly, .rParen, .endOfInput, .newline, .semicolon, .andAnd, .orOr, .ampersand, .comma,
             .redirection, .lessThan, .minusMinus:
            return nil
        case .variable, .number, .stringLiteral, .stringExpandable, .hereStringLiteral, .hereStringExpandable,
             .lParen, .dollarParen, .atParen, .atCurly, .lCurly, .splattedVariable:
            guard let p = parsePrimary(mode: .command) else { return nil }
            return parsePostfix(p)
        case .generic:
            consume(t)
            if t.flags.contains(.expandable) { return expandableString(t, kind: .bareword) }
            return .string(StringConstantAst(extent: extent(t), value: lexer.barewordValue(t), kind: .bareword))
        default:
            consume(t)
            return .string(StringConstantAst(extent: extent(t), value: text(t), kind: .bareword))
        }
    }

    // G redirection = ( '>' | '>>' | '2>' | '2>>' | '*>' | '2>&1' | '*>&1' ) argument? ;
    func parseRedirection(_ t: Token) -> RedirectionAst? {
        if t.kind == .lessThan {
            let target = parseSingleCommandArgument()
            if target == nil { report(.missingFileSpecification, after(t), incompleteAt: t.end) }
            report(.redirectionNotSupported, extent(t), text(t))
            return nil
        }
        let code = RedirectionCode(aux: t.aux)
        if let to = code.mergeTo {
            if to != .output || code.from == .output { report(.redirectionNotSupported, extent(t), text(t)) }
            return RedirectionAst(extent: extent(t), from: code.from, target: .merge(.output))
        }
        guard let target = parseSingleCommandArgument() else {
            report(.missingFileSpecification, after(t), incompleteAt: t.end)
            return nil
        }
        return RedirectionAst(extent: span(extent(t), target.extent), from: code.from,
                              target: .file(target, append: code.append))
    }
}
