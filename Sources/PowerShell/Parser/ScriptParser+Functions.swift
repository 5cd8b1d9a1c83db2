/// Script bodies (param block, begin/process/end), functions, attributes and type names.
extension ScriptParser {
    // G script-body = param-block? ( named-block+ | statement-list ) ;
    /// The body of a script (`open` nil) or of `{ }` (`open` is the `{`, consumed by the caller).
    func parseScriptBody(open: Token?, isFilter: Bool) -> ScriptBlockAst {
        let startOffset = open?.start ?? 0
        let bodyStart = open?.end ?? 0
        skipNewlinesAndSemicolons()
        let paramBlock = parseParamBlockIfPresent()
        skipNewlinesAndSemicolons()
        var begin: NamedBlockAst?, process: NamedBlockAst?, end: NamedBlockAst?
        if namedBlockKind(peek(.statementStart)) != nil {
            while !tooDeep {
                skipNewlinesAndSemicolons()
                let t = peek(.statementStart)
                if t.kind == .endOfInput || t.kind == .rCurly || t.kind == .rParen { break }
                guard let kind = namedBlockKind(t) else {
                    reportUnexpected(t)
                    consume(t)
                    skipToStatementEnd()
                    continue
                }
                consume(t)
                skipNewlines()
                guard let block = parseStatementBlock() else {
                    report(.missingStatementBlock, after(t), text(t), incompleteAt: t.end)
                    continue
                }
                let named = NamedBlockAst(extent: span(t, block.extent), kind: kind, isUnnamed: false,
                                          statements: block.statements)
                switch kind {
                case .begin: begin = named
                case .process: process = named
                case .end: end = named
                }
            }
        } else {
            let s = pos
            let statements = parseStatementList()
            let block = NamedBlockAst(extent: extent(from: s), kind: isFilter ? .process : .end, isUnnamed: true,
                                      statements: statements)
            if isFilter { process = block } else { end = block }
        }
        var bodyEnd = pos
        if let open {
            let rc = peek(.expression)
            bodyEnd = rc.start
            if rc.kind == .rCurly {
                consume(rc)
            } else {
                report(.missingEndCurlyBrace, extent(open), incompleteAt: rc.start)
                bodyEnd = pos
            }
        } else {
            // Top level: anything left over (a stray `)` or `}`) is reported, then parsing goes on.
            var extra: [Statement] = []
            while !tooDeep {
                let t = peek(.statementStart)
                if t.kind == .endOfInput { break }
                reportUnexpected(t)
                consume(t)
                extra.append(contentsOf: parseStatementList())
            }
            bodyEnd = lexer.count
            if !extra.isEmpty, let e = end {
                end = NamedBlockAst(extent: e.extent, kind: e.kind, isUnnamed: e.isUnnamed, statements: e.statements + extra)
            }
        }
        let whole = open == nil ? extent(0, lexer.count) : extent(from: startOffset)
        return ScriptBlockAst(extent: whole, paramBlock: paramBlock, beginBlock: begin, processBlock: process,
                              endBlock: end, bodyStartOffset: bodyStart, bodyEndOffset: max(bodyStart, bodyEnd))
    }

    private func namedBlockKind(_ t: Token) -> NamedBlockKind? {
        guard t.kind == .generic else { return nil }
        let kind: NamedBlockKind
        if isWord(t, "begin") { kind = .begin } else if isWord(t, "process") { kind = .process }
        else if isWord(t, "end") { kind = .end } else { return nil }
        // only a block name when a `{` follows (otherwise `end` could be a command)
        let after = lexer.skipTriviaAndNewlines(t.end)
        return lexer.byte(after) == UInt8(ascii: "{") ? kind : nil
    }

    // G param-block = attribute* 'param' '(' param-list? ')' ;
    func parseParamBlockIfPresent() -> ParamBlockAst? {
        let cp = checkpoint()
        var attributes: [AttributeAst] = []
        while peek(.statementStart).kind == .lBracket {
            let lb = peek(.statementStart)
            consume(lb)
            guard let a = parseAttributeAfterBracket(lb), case .attribute(let attr) = a else { restore(cp); return nil }
            attributes.append(attr)
            skipNewlines()
        }
        let kw = peek(.statementStart)
        guard isWord(kw, "param") else {
            // `[CmdletBinding()]` with no param() after it: pwsh's UnexpectedAttribute.
            if let first = attributes.first {
                report(.unexpectedAttribute, first.extent, first.typeName.fullName)
            } else {
                restore(cp)
            }
            return nil
        }
        let lpAt = lexer.skipTriviaAndNewlines(kw.end)
        guard lexer.byte(lpAt) == UInt8(ascii: "(") else { restore(cp); return nil }
        consume(kw)
        skipNewlines()
        let lp = peek(.expression)
        consume(lp)
        let parameters = parseParameterList(open: lp)
        let start = attributes.first?.extent ?? extent(kw)
        return ParamBlockAst(extent: span(start, extent(from: pos)), attributes: attributes, parameters: parameters)
    }

    // G param-list = parameter ( ',' parameter )* ;  parameter = attribute* variable ( '=' expression )? ;
    /// After `(`: parameters up to and including `)`.
    func parseParameterList(open: Token) -> [ParameterAst] {
        var parameters: [ParameterAst] = []
        var seen = Set<String>()
        while !tooDeep {
            skipNewlines()
            var t = peek(.expression)
            if t.kind == .rParen { consume(t); break }
            let start = t.start
            var attributes: [AttributeAst] = []
            var type: TypeName? = nil
            while t.kind == .lBracket {
                consume(t)
                switch parseAttributeAfterBracket(t) {
                case .attribute(let a)?: attributes.append(a)
                case .type(let ty)?: type = ty
                case nil: break
                }
                skipNewlines()
                t = peek(.expression)
            }
            guard t.kind == .variable else {
                report(.missingEndParenthesisInFunctionParameterList, after(extent(open.start, max(open.end, pos))),
                       incompleteAt: t.start)
                if t.kind != .endOfInput && t.kind != .rCurly { skipToStatementEnd() }
                let close = peek(.expression)
                if close.kind == .rParen { consume(close) }
                break
            }
            consume(t)
            let name = variableAst(t)
            if !seen.insert(name.path.name.lowercased()).inserted {
                report(.duplicateFormalParameter, name.extent, name.path.name)
            }
            var defaultValue: Expression? = nil
            skipNewlines()
            let eq = peek(.expression)
            if eq.kind == .equals {
                consume(eq)
                skipNewlines()
                let saved = noComma
                noComma = true
                defaultValue = parseExpression()
                noComma = saved
                if defaultValue == nil { report(.expectedValueExpression, after(eq), "=", incompleteAt: eq.end) }
            }
            parameters.append(ParameterAst(extent: extent(from: start), name: name, attributes: attributes,
                                           typeConstraint: type, defaultValue: defaultValue))
            skipNewlines()
            let sep = peek(.expression)
            if sep.kind == .comma { consume(sep); continue }
            if sep.kind == .rParen { consume(sep); break }
            report(.missingEndParenthesisInFunctionParameterList, after(extent(from: start)), incompleteAt: sep.start)
            break
        }
        return parameters
    }

    enum AttributeOrType {
        case attribute(AttributeAst)
        case type(TypeName)
    }

    // G attribute = '[' TYPE-NAME ( '(' attr-args? ')' )? ']' ;
    /// After `[`: `[Name(args)]` is an attribute, `[Name]` a type constraint.
    func parseAttributeAfterBracket(_ lb: Token) -> AttributeOrType? {
        guard let name = parseTypeName() else {
            report(.missingTypename, after(lb), incompleteAt: lb.end)
            return nil
        }
        let t = peek(.expression)
        if t.kind == .rBracket {
            consume(t)
            return .type(TypeName(extent: extent(from: lb.start), name: name.name,
                                  genericArguments: name.genericArguments, arrayRank: name.arrayRank))
        }
        guard t.kind == .lParen else {
            report(.endSquareBracketExpectedAtEndOfAttribute, after(name.extent), incompleteAt: t.start)
            return nil
        }
        consume(t)
        var positional: [Expression] = []
        var named: [NamedAttributeArgumentAst] = []
        let saved = noComma
        noComma = true
        defer { noComma = saved }
        while !tooDeep {
            skipNewlines()
            let a = peek(.member)
            if a.kind == .rParen { consume(a); break }
            let startsName = Lexer.isASCIILetter(lexer.byte(a.start)) || lexer.byte(a.start) == UInt8(ascii: "_")
            if a.kind == .identifier, startsName {
                consume(a)
                skipNewlines()
                let eq = peek(.expression)
                var value: Expression? = nil
                if eq.kind == .equals {
                    consume(eq)
                    skipNewlines()
                    value = parseExpression()
                    if value == nil { report(.missingExpressionInNamedArgument, after(eq), incompleteAt: eq.end) }
                }
                named.append(NamedAttributeArgumentAst(extent: extent(from: a.start), name: text(a), value: value))
            } else if let e = parseExpression() {
                positional.append(e)
            } else {
                report(.missingEndParenthesisInExpression, after(extent(from: t.start)), incompleteAt: a.start)
                return nil
            }
            skipNewlines()
            let sep = peek(.expression)
            if sep.kind == .comma { consume(sep); continue }
            if sep.kind == .rParen { consume(sep); break }
            report(.missingEndParenthesisInExpression, after(extent(from: t.start)), incompleteAt: sep.start)
            return nil
        }
        let rb = peek(.expression)
        guard rb.kind == .rBracket else {
            report(.endSquareBracketExpectedAtEndOfAttribute, after(extent(from: lb.start)), incompleteAt: rb.start)
            return nil
        }
        consume(rb)
        return .attribute(AttributeAst(extent: extent(from: lb.start), typeName: name, positionalArguments: positional,
                                       namedArguments: named))
    }

    // G type-literal = '[' TYPE-NAME ( '[' ']' | '[' type-list ']' )? ']' ;
    /// After `[`: a type name and its closing `]` (reports errors and returns nil when malformed).
    func parseTypeNameAfterBracket(_ lb: Token) -> TypeName? {
        guard let name = parseTypeName() else {
            report(.missingTypename, after(lb), incompleteAt: lb.end)
            return nil
        }
        let rb = peek(.expression)
        guard rb.kind == .rBracket else {
            report(.endSquareBracketExpectedAtEndOfType, after(name.extent), incompleteAt: rb.start)
            return nil
        }
        consume(rb)
        return name
    }

    /// A dotted type name with optional generic arguments and `[]` suffixes, scanned from bytes.
    func parseTypeName() -> TypeName? {
        guard enter() else { return nil }
        defer { leave() }
        let start = lexer.skipTrivia(pos)
        var j = start
        while j < lexer.count {
            let c = lexer.bytes[j]
            if Lexer.isASCIILetter(c) || Lexer.isDigit(c) || c == UInt8(ascii: "_") || c == UInt8(ascii: ".")
                || c == UInt8(ascii: "`") || c == UInt8(ascii: "+") {
                j += 1
            } else if c >= 0x80, lexer.isOtherLetter(j) {
                j += lexer.scalarLength(j)
            } else { break }
        }
        guard j > start else { return nil }
        let name = lexer.text(start, j)
        pos = j
        var generics: [TypeName] = []
        var rank = 0
        while lexer.byte(pos) == UInt8(ascii: "[") {
            let open = pos
            var k = pos + 1
            while lexer.byte(k) == UInt8(ascii: ",") || lexer.whitespaceLength(k) > 0 { k += 1 }
            if lexer.byte(k) == UInt8(ascii: "]") {
                rank += 1
                pos = k + 1
                continue
            }
            guard rank == 0, generics.isEmpty else { break }
            pos = open + 1
            while !tooDeep {
                skipNewlines()
                var inner: TypeName?
                let lb = peek(.expression)
                if lb.kind == .lBracket { consume(lb); inner = parseTypeNameAfterBracket(lb) } else { inner = parseTypeName() }
                guard let g = inner else { break }
                generics.append(g)
                skipNewlines()
                let sep = peek(.expression)
                if sep.kind == .comma { consume(sep); continue }
                break
            }
            let close = peek(.expression)
            guard close.kind == .rBracket else {
                report(.endSquareBracketExpectedAtEndOfType, extent(open, pos), incompleteAt: close.start)
                break
            }
            consume(close)
        }
        return TypeName(extent: extent(start, pos), name: name, genericArguments: generics, arrayRank: rank)
    }

    // G function-def = ( 'function' | 'filter' ) fn-name ( '(' param-list? ')' )? '{' script-body '}' ;
    func parseFunctionDefinition(_ kw: Token, isFilter: Bool) -> Statement {
        consume(kw)
        let nameToken = peek(.command)
        guard nameToken.kind == .generic || nameToken.kind == .parameter || nameToken.kind == .stringLiteral else {
            report(.missingNameAfterKeyword, after(kw), isFilter ? "filter" : "function", incompleteAt: kw.end)
            return errorStatement(from: kw.start)
        }
        consume(nameToken)
        let name = nameToken.kind == .stringLiteral ? lexer.singleQuotedValue(nameToken) : lexer.barewordValue(nameToken)
        skipNewlines()
        var parameters: [ParameterAst]? = nil
        let lp = peek(.expression)
        if lp.kind == .lParen {
            consume(lp)
            parameters = parseParameterList(open: lp)
            skipNewlines()
        }
        let lc = peek(.expression)
        guard lc.kind == .lCurly else {
            report(.missingFunctionBody, after(extent(from: nameToken.start)), incompleteAt: lc.start)
            return errorStatement(from: kw.start)
        }
        consume(lc)
        guard enter() else { return errorStatement(from: kw.start) }
        defer { leave() }
        let body = parseScriptBody(open: lc, isFilter: isFilter)
        if parameters != nil, let pb = body.paramBlock {
            report(.onlyOneParameterListAllowed, pb.extent)
        }
        return .functionDefinition(FunctionDefinitionAst(extent: extent(from: kw.start), name: name, isFilter: isFilter,
                                                         parameters: parameters, body: body))
    }
}
