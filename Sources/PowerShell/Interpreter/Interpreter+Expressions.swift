import Foundation

extension Interpreter {
    func evaluate(_ e: Expression) throws -> Value {
        switch e {
        case .number(let n):
            switch n.value {
            case .int(let i), .long(let i): return .int(i)
            case .double(let d), .decimal(let d, _): return .double(d)
            }
        case .string(let s): return .string(s.value)
        case .expandableString(let s): return .string(try expand(s))
        case .variable(let v): return try readVariable(v)
        case .typeLiteral(let t): return .type(try resolveType(t.typeName))
        case .convert(let c): return try at(c.extent) { try evaluateConvert(c) }
        case .binary(let b): return try at(b.extent) { try evaluateBinary(b) }
        case .unary(let u): return try at(u.extent) { try evaluateUnary(u) }
        case .arrayLiteral(let a): return .list(try a.elements.map(evaluate))
        case .member(let m): return try at(m.extent) { try evaluateMember(m) }
        case .invokeMember(let m): return try at(m.extent) { try invokeMember(m) }
        case .index(let i): return try at(i.extent) { try evaluateIndex(i) }
        case .hashtable(let h): return .hashtable(try buildHashtable(h, ordered: false))
        case .subExpression(let s): return scalarize(try collect { try executeStatements(s.statements, $0) })
        case .arrayExpression(let a): return .list(try collect { try executeStatements(a.statements, $0) })
        case .paren(let p): return try evaluateStatementValue(p.pipeline)
        case .scriptBlock(let s): return .scriptBlock(ScriptBlock(ast: s.scriptBlock))
        case .error(let e):
            throw runtimeError("The expression could not be parsed.", id: "ParseError", category: .parserError, extent: e.extent)
        }
    }

    /// Runs `body`, giving errors that have no position the node's extent.
    func at<T>(_ extent: SourceExtent, _ body: () throws -> T) throws -> T {
        do { return try body() } catch { throw located(error, extent) }
    }

    /// Writes an expression statement's value to the pipeline: collections are enumerated,
    /// ranges lazily; `[void](...)` and `$i++` write nothing.
    func emitExpression(_ e: Expression, _ emit: Emit) throws {
        switch e {
        case .convert(let c) where c.typeName.name.lowercased() == "void" && c.typeName.arrayRank == 0:
            _ = try evaluate(c.child)
            return
        case .unary(let u) where [.preIncrement, .preDecrement, .postIncrement, .postDecrement].contains(u.op):
            _ = try evaluate(e)
            return
        case .binary(let b) where b.op == .range:
            try at(b.extent) { try self.forEachInRange(b) { try emit($0); return true } }
            return
        case .invokeMember:
            // Void .NET methods (Insert, Clear, List[T].Add...) write nothing, not a $null.
            let v = try evaluate(e)
            if !v.isNull { try emitEnumerated(v, emit) }
        default:
            try emitEnumerated(try evaluate(e), emit)
        }
    }

    func emitEnumerated(_ v: Value, _ emit: Emit) throws {
        if let items = Conversion.enumerate(v) {
            for item in items { try emit(item) }
        } else {
            try emit(v)
        }
    }

    // MARK: - Strings

    func expand(_ s: ExpandableStringAst) throws -> String {
        var out = ""
        for part in s.parts {
            switch part {
            case .literal(let t): out += t
            case .expression(let e): out += toString(try evaluate(e))
            }
        }
        return out
    }

    // MARK: - Types and casts

    func resolveType(_ t: TypeName) throws -> PSType {
        if let cached = typeCache[t.fullName] { return cached }
        let resolved = try resolveTypeUncached(t)
        typeCache[t.fullName] = resolved
        return resolved
    }

    private func resolveTypeUncached(_ t: TypeName) throws -> PSType {
        if let r = TypeResolver.resolve(t.fullName) { return r }
        if t.genericArguments.count == 1, t.name.lowercased().hasSuffix("collections.generic.list") {
            var type = PSType.named(PSList.genericTypeName(try resolveType(t.genericArguments[0])))
            for _ in 0..<t.arrayRank { type = .array(type) }
            return type
        }
        if t.genericArguments.isEmpty, DotNet.isKnownType(t.name) {
            var type = PSType.named(DotNet.fullTypeName(t.name) ?? t.name)
            for _ in 0..<t.arrayRank { type = .array(type) }
            return type
        }
        var e = TypeResolver.notFound(t.fullName)
        e.position = t.extent
        throw e
    }

    func evaluateConvert(_ c: ConvertExpressionAst) throws -> Value {
        let type = try resolveType(c.typeName)
        if type == PSReference.type { return try makeReference(c.child) }
        if case .hashtable(let h) = c.child, type == .customObject {
            // `[pscustomobject]@{...}` straight into the object, in literal order (the parser
            // has already refused duplicate literal keys).
            let o = PSObject()
            for entry in h.entries {
                let key: String
                if case .string(let s) = entry.key { key = s.value } else { key = toString(try evaluate(entry.key)) }
                o[key] = try evaluateStatementValue(entry.value)
            }
            return .object(o)
        }
        if case .hashtable(let h) = c.child, type == .orderedDictionary || type == .customObject {
            let table = try buildHashtable(h, ordered: true)
            return type == .orderedDictionary ? .hashtable(table) : try Conversion.convert(.hashtable(table), to: .customObject)
        }
        let value = try evaluate(c.child)
        if type == .void { return .null }
        return try Conversion.convert(value, to: type)
    }

    func buildHashtable(_ h: HashtableAst, ordered: Bool) throws -> PSHashtable {
        let table = PSHashtable(ordered: ordered)
        for entry in h.entries {
            let key: Value
            if case .string(let s) = entry.key { key = .string(s.value) } else { key = try evaluate(entry.key) }
            table[key] = try evaluateStatementValue(entry.value)
        }
        return table
    }

    // MARK: - Operators

    func evaluateBinary(_ b: BinaryExpressionAst) throws -> Value {
        switch b.op {
        case .and:
            guard Conversion.toBool(try evaluate(b.left)) else { return .bool(false) }
            return .bool(Conversion.toBool(try evaluate(b.right)))
        case .or:
            if Conversion.toBool(try evaluate(b.left)) { return .bool(true) }
            return .bool(Conversion.toBool(try evaluate(b.right)))
        default: break
        }
        let l = try evaluate(b.left)
        let r = try evaluate(b.right)
        switch b.op {
        case .xor: return .bool(Conversion.toBool(l) != Conversion.toBool(r))
        case .band: return try Arithmetic.bitwise(.and, l, r)
        case .bor: return try Arithmetic.bitwise(.or, l, r)
        case .bxor: return try Arithmetic.bitwise(.xor, l, r)
        case .shl: return try Arithmetic.bitwise(.shiftLeft, l, r)
        case .shr: return try Arithmetic.bitwise(.shiftRight, l, r)
        case .plus: return try Arithmetic.add(l, r)
        case .minus: return try Arithmetic.subtract(l, r)
        case .multiply: return try Arithmetic.multiply(l, r)
        case .divide: return try Arithmetic.apply(.divide, l, r)
        case .remainder: return try Arithmetic.apply(.remainder, l, r)
        case .format: return .string(try ValueFormatting.composite(toString(l), Conversion.enumerate(r) ?? [r]))
        case .range: return .list(try Arithmetic.range(l, r))
        default:
            guard let kind = BinaryOperators.Kind(rawValue: b.op.rawValue) else {
                throw runtimeError("The operator '\(b.op.text)' is not supported.", id: "OperatorNotSupported")
            }
            let result = try BinaryOperators.evaluate(kind, l, r, caseSensitive: b.caseSensitive) { match in
                let out = try self.invokeScriptBlock(self.replacementBlock(r), dollarUnder: match, arguments: [], newScope: true)
                return self.toString(self.scalarize(out))
            }
            if let m = result.matches { try setVariable("Matches", .hashtable(m)) }
            return result.value
        }
    }

    /// The script block of `-replace 'x', { ... }`.
    private func replacementBlock(_ r: Value) -> ScriptBlock {
        if let items = Conversion.enumerate(r), items.count == 2, case .scriptBlock(let sb) = items[1] { return sb }
        if case .scriptBlock(let sb) = r { return sb }
        return ScriptBlock(ast: ScriptBlockAst(extent: SourceExtent(source: SourceText(file: nil, text: ""), startOffset: 0,
                                                                      endOffset: 0, startLine: 1, startColumn: 1, endLine: 1, endColumn: 1)))
    }

    func evaluateUnary(_ u: UnaryExpressionAst) throws -> Value {
        switch u.op {
        case .not: return .bool(!Conversion.toBool(try evaluate(u.child)))
        case .negate: return try Arithmetic.negate(try evaluate(u.child))
        case .plus: return try Conversion.toNumber(try evaluate(u.child))
        case .bnot: return try Arithmetic.bitwiseNot(try evaluate(u.child))
        case .join:
            let v = try evaluate(u.child)
            return .string(StringOperators.join(Conversion.enumerate(v) ?? [v], separator: ""))
        case .split:
            let v = try evaluate(u.child)
            return .list((Conversion.enumerate(v) ?? [v]).flatMap { StringOperators.splitWhitespace(toString($0)).map(Value.string) })
        case .preIncrement, .preDecrement, .postIncrement, .postDecrement:
            let old = try evaluate(u.child)
            let delta: Value = .int(u.op == .preIncrement || u.op == .postIncrement ? 1 : -1)
            let new = try Arithmetic.add(old.isNull ? .int(0) : old, delta)
            try store(new, into: u.child)
            return u.op == .preIncrement || u.op == .preDecrement ? new : old
        }
    }

    // MARK: - Variables

    func readVariable(_ v: VariableExpressionAst) throws -> Value {
        let path = v.path
        if let q = path.qualifier?.lowercased() {
            switch q {
            case "env":
                return ProcessInfo.processInfo.environment[path.name].map { .string($0) } ?? .null
            case "global": return global.local(path.name)?.value ?? .null
            case "script": return currentScope.scriptScope.lookup(path.name)?.value ?? .null
            case "local", "private": return currentScope.local(path.name)?.value ?? .null
            case "function":
                return currentScope.function(path.name).map { .scriptBlock(ScriptBlock(ast: $0.body)) } ?? .null
            default: break
            }
        }
        if let auto = AutomaticVariables.read(path.name, self) { return auto ?? .null }
        return currentScope.lookup(path.name)?.value ?? .null
    }
}
