/// Binary, array-literal and unary expressions, with pwsh's precedence.
extension ScriptParser {
    // G expression = logical ;  (binary levels: -and/-or/-xor < -band.. < comparison < + - < * / % < -f < ..)
    /// An expression, or nil when the next token cannot start one (nothing consumed).
    func parseExpression() -> Expression? {
        guard enter() else { return nil }
        defer { leave() }
        guard let first = parseArrayLiteral() else { return nil }
        return parseBinary(left: first, minPrecedence: 1)
    }

    private func binaryOperator(_ t: Token) -> (BinaryOperator, Bool)? {
        switch t.kind {
        case .plus: return (.plus, false)
        case .minus: return (.minus, false)
        case .multiply: return (.multiply, false)
        case .divide: return (.divide, false)
        case .remainder: return (.remainder, false)
        case .dotDot: return (.range, false)
        case .dashOperator:
            let op = DashOperator.all[Int(t.aux)]
            guard let b = op.binary else { return nil }
            return (b, op.caseSensitive)
        default: return nil
        }
    }

    /// Precedence climbing; all binary operators are left-associative.
    private func parseBinary(left: Expression, minPrecedence: Int) -> Expression {
        var left = left
        while !tooDeep {
            let t = peek(.expression)
            guard let (op, cs) = binaryOperator(t) else {
                if t.kind == .parameter {
                    // `50 -Foo`: an unknown operator; pwsh reports it and swallows it.
                    reportUnexpected(t)
                    consume(t)
                    return .error(ErrorExpressionAst(extent: span(left.extent, extent(t)), nested: [left]))
                }
                return left
            }
            let precedence = DashOperator.precedence(op)
            if precedence < minPrecedence { return left }
            consume(t)
            skipNewlines()
            var right: Expression
            if let r = parseArrayLiteral() {
                right = r
            } else {
                report(.expectedValueExpression, after(t), text(t), incompleteAt: t.end)
                right = .error(ErrorExpressionAst(extent: after(t)))
            }
            // bind tighter operators to the right operand first
            while !tooDeep {
                let n = peek(.expression)
                guard let (nop, _) = binaryOperator(n), DashOperator.precedence(nop) > precedence else { break }
                guard enter() else { break }
                right = parseBinary(left: right, minPrecedence: precedence + 1)
                leave()
            }
            left = .binary(BinaryExpressionAst(extent: span(left.extent, right.extent), op: op, caseSensitive: cs,
                                               left: left, right: right, operatorExtent: extent(t)))
        }
        return left
    }

    // G array-literal = unary ( ',' unary )* ;
    func parseArrayLiteral() -> Expression? {
        guard let first = parseUnary() else { return nil }
        if noComma { return first }
        return parseCommaList(first: first, mode: .expression, missing: .missingExpressionAfterToken, item: parseUnary)
    }

    /// `first, item, item...`: one array literal (a lone `first` stays itself). A comma with nothing
    /// after it reports `missing`.
    func parseCommaList(first: Expression, mode: LexMode, missing: ParseMessage,
                        item: () -> Expression?) -> Expression {
        var items = [first]
        while !tooDeep {
            let comma = peek(mode)
            guard comma.kind == .comma else { break }
            consume(comma)
            skipNewlines()
            guard let next = item() else {
                report(missing, after(comma), ",", incompleteAt: comma.end)
                break
            }
            items.append(next)
        }
        if items.count == 1 { return first }
        return .arrayLiteral(ArrayLiteralAst(extent: span(items[0].extent, items[items.count - 1].extent), elements: items))
    }

    // G unary = primary | ( '-not' | '!' | '-bnot' | '-' | '+' | ',' | '++' | '--' | '-split' | '-join' ) unary
    // G       | type-literal unary ;
    func parseUnary() -> Expression? {
        guard enter() else { return nil }
        defer { leave() }
        let t = peek(.expression)
        var op: UnaryOperator? = nil
        var caseSensitive = false
        switch t.kind {
        case .exclaim: op = .not
        case .minus: op = .negate
        case .plus: op = .plus
        case .plusPlus: op = .preIncrement
        case .minusMinus: op = .preDecrement
        case .dashOperator:
            let d = DashOperator.all[Int(t.aux)]
            guard let u = d.unary else { return nil }
            op = u
            caseSensitive = d.caseSensitive
        case .comma:
            consume(t)
            skipNewlines()
            guard let child = parseUnary() else {
                report(.missingExpressionAfterOperator, after(t), ",", incompleteAt: t.end)
                return .arrayLiteral(ArrayLiteralAst(extent: extent(t), elements: []))
            }
            return .arrayLiteral(ArrayLiteralAst(extent: span(extent(t), child.extent), elements: [child]))
        case .lBracket:
            return parseTypeOrCast(t)
        default:
            guard let p = parsePrimary(mode: .expression) else { return nil }
            return parsePostfix(p)
        }
        guard let unary = op else { return nil }
        consume(t)
        skipNewlines()
        guard let child = parseUnary() else {
            report(.missingExpressionAfterOperator, after(t), text(t), incompleteAt: t.end)
            return .error(ErrorExpressionAst(extent: extent(t)))
        }
        let ext = span(extent(t), child.extent)
        if unary == .negate, case .number(let n) = child, n.extent.startOffset == t.end {
            return .number(NumberLiteralAst(extent: ext, value: negate(n.value)))
        }
        return .unary(UnaryExpressionAst(extent: ext, op: unary, caseSensitive: caseSensitive, child: child))
    }

    private func negate(_ v: NumberValue) -> NumberValue {
        switch v {
        case .int(let i): return .int(-i)
        case .long(let i): return i == Int(Int32.max) + 1 ? .int(-i) : .long(-i)
        case .double(let d): return .double(-d)
        case .decimal(let d, let text): return .decimal(-d, text: "-" + text)
        }
    }

    /// `[type]` then either a value to convert (`[int]$x`, `[ordered]@{}`) or a type literal (`[T]::M()`).
    private func parseTypeOrCast(_ lb: Token) -> Expression? {
        consume(lb)
        guard let type = parseTypeNameAfterBracket(lb) else { return errorExpression(from: lb.start) }
        let typeExtent = extent(from: lb.start)
        let typeName = TypeName(extent: typeExtent, name: type.name, genericArguments: type.genericArguments,
                                arrayRank: type.arrayRank)
        let next = peek(.expression)
        let castable: Bool
        switch next.kind {
        case .colonColon, .dot: castable = false
        case .lBracket: castable = true
        default: castable = startsExpression(next) && !(next.kind == .comma)
        }
        if castable, let child = parseUnary() {
            return .convert(ConvertExpressionAst(extent: span(typeExtent, child.extent), typeName: typeName, child: child))
        }
        return parsePostfix(.typeLiteral(TypeExpressionAst(extent: typeExtent, typeName: typeName)))
    }
}
