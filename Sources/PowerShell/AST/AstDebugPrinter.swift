/// A compact S-expression rendering of the tree, for tests and debugging.
/// Example: `$x = Get-Item -Path a | Select -First 1` -> `(= $x (pipe (cmd Get-Item -Path a) (cmd Select -First 1)))`.
public enum AstDebugPrinter {
    public static func describe(_ sb: ScriptBlockAst) -> String {
        var parts: [String] = []
        if let p = sb.paramBlock { parts.append(describe(p)) }
        let named = [sb.beginBlock, sb.processBlock, sb.endBlock].compactMap { $0 }
        if named.count == 1, named[0].isUnnamed, named[0].kind == .end {
            parts.append(contentsOf: named[0].statements.map(describe))
        } else {
            for b in named {
                let body = b.statements.map(describe).joined(separator: "; ")
                parts.append(b.isUnnamed ? "(\(b.kind.rawValue)* \(body))" : "(\(b.kind.rawValue) \(body))")
            }
        }
        return parts.joined(separator: "\n")
    }

    public static func describe(_ s: Statement) -> String {
        switch s {
        case .pipeline(let p):
            if p.elements.count == 1 { return describe(p.elements[0]) }
            return "(pipe " + p.elements.map(describe).joined(separator: " ") + ")"
        case .assignment(let a):
            return "(\(a.op.rawValue) \(describe(a.left)) \(describe(a.right)))"
        case .ifStatement(let i):
            var out = "(if"
            for (n, c) in i.clauses.enumerated() {
                out += (n == 0 ? " " : " elseif ") + describe(c.condition) + " " + describe(c.body)
            }
            if let e = i.elseBody { out += " else " + describe(e) }
            return out + ")"
        case .foreachStatement(let f):
            return "(foreach\(label(f.label)) \(describe(.variable(f.variable))) \(describe(f.collection)) \(describe(f.body)))"
        case .forStatement(let f):
            let parts = [f.initializer, f.condition, f.iterator].map { $0.map(describe) ?? "" }
            return "(for\(label(f.label)) \(parts.joined(separator: "; ")) \(describe(f.body)))"
        case .whileStatement(let w):
            return "(while\(label(w.label)) \(describe(w.condition)) \(describe(w.body)))"
        case .doLoop(let d):
            return "(do\(label(d.label)) \(describe(d.body)) \(d.isUntil ? "until" : "while") \(describe(d.condition)))"
        case .switchStatement(let sw):
            var flags: [String] = []
            if sw.flags.contains(.regex) { flags.append("-regex") }
            if sw.flags.contains(.wildcard) { flags.append("-wildcard") }
            if sw.flags.contains(.exact) { flags.append("-exact") }
            if sw.flags.contains(.caseSensitive) { flags.append("-casesensitive") }
            if sw.flags.contains(.file) { flags.append("-file") }
            var out = "(switch\(label(sw.label))" + flags.map { " " + $0 }.joined() + " " + describe(sw.condition)
            for c in sw.clauses { out += " (\(describe(c.pattern)) \(describe(c.body)))" }
            if let d = sw.defaultBody { out += " (default \(describe(d)))" }
            return out + ")"
        case .tryStatement(let t):
            var out = "(try " + describe(t.body)
            for c in t.catches {
                out += " (catch" + c.types.map { " [\($0.fullName)]" }.joined() + " " + describe(c.body) + ")"
            }
            if let f = t.finallyBody { out += " (finally \(describe(f)))" }
            return out + ")"
        case .functionDefinition(let f):
            var out = "(\(f.isFilter ? "filter" : "function") \(f.name)"
            if let ps = f.parameters { out += " (" + ps.map(describe).joined(separator: " ") + ")" }
            return out + " {" + describe(f.body).replacingNewlines() + "})"
        case .flow(let f):
            var out = "(" + f.kind.rawValue
            if let l = f.label { out += " " + l }
            if let p = f.pipeline { out += " " + describe(p) }
            return out + ")"
        case .error(let e):
            return "(error" + e.nested.map { " " + describe($0) }.joined() + ")"
        }
    }

    public static func describe(_ b: StatementBlockAst) -> String {
        "{" + b.statements.map(describe).joined(separator: "; ") + "}"
    }

    public static func describe(_ e: PipelineElement) -> String {
        switch e {
        case .expression(let x):
            if x.redirections.isEmpty { return describe(x.expression) }
            return "(expr \(describe(x.expression))" + x.redirections.map { " " + describe($0) }.joined() + ")"
        case .command(let c):
            var out = "(cmd" + c.invocationOperator.rawValue + " " + describe(c.name)
            for el in c.elements {
                switch el {
                case .argument(let a): out += " " + describe(a)
                case .splat(let v): out += " @" + v.path.userPath
                case .parameter(let p):
                    out += " -" + p.name
                    if p.hasColon { out += ":" + (p.argument.map(describe) ?? "") }
                }
            }
            return out + c.redirections.map { " " + describe($0) }.joined() + ")"
        }
    }

    public static func describe(_ r: RedirectionAst) -> String {
        let from = r.from == .all ? "*" : r.from == .output ? "" : String(r.from.rawValue)
        switch r.target {
        case .merge(let to): return "(\(from)>&\(to.rawValue))"
        case .file(let f, let append): return "(\(from)\(append ? ">>" : ">") \(describe(f)))"
        }
    }

    public static func describe(_ p: ParameterAst) -> String {
        var out = "("
        out += p.attributes.map(describe).joined()
        if let t = p.typeConstraint { out += "[\(t.fullName)]" }
        out += "$" + p.name.path.userPath
        if let d = p.defaultValue { out += " = " + describe(d) }
        return out + ")"
    }

    public static func describe(_ a: AttributeAst) -> String {
        var args = a.positionalArguments.map(describe)
        args += a.namedArguments.map { n in n.value.map { "\(n.name)=\(describe($0))" } ?? n.name }
        return "[\(a.typeName.fullName)(\(args.joined(separator: ", ")))]"
    }

    public static func describe(_ p: ParamBlockAst) -> String {
        "(param" + p.attributes.map { " " + describe($0) }.joined() + p.parameters.map { " " + describe($0) }.joined() + ")"
    }

    public static func describe(_ e: Expression) -> String {
        switch e {
        case .number(let n):
            switch n.value {
            case .int(let i): return String(i)
            case .long(let i): return "\(i)L"
            case .double(let d): return "\(d)"
            case .decimal(let d, _): return "\(d)d"
            }
        case .string(let s):
            switch s.kind {
            case .bareword: return s.value
            case .singleQuoted: return "'\(s.value)'"
            case .doubleQuoted: return "\"\(s.value)\""
            case .singleQuotedHere: return "@'\(s.value)'@"
            case .doubleQuotedHere: return "@\"\(s.value)\"@"
            }
        case .expandableString(let x):
            let parts = x.parts.map { p -> String in
                switch p {
                case .literal(let s): return "\"\(s)\""
                case .expression(let e): return describe(e)
                }
            }
            return "(expand " + parts.joined(separator: " ") + ")"
        case .variable(let v): return (v.isSplatted ? "@" : "$") + v.path.userPath
        case .typeLiteral(let t): return "[\(t.typeName.fullName)]"
        case .convert(let c): return "([\(c.typeName.fullName)] \(describe(c.child)))"
        case .binary(let b):
            let name = b.op.text.hasPrefix("-") && b.caseSensitive ? "-c" + b.op.text.dropFirst() : b.op.text
            return "(\(name) \(describe(b.left)) \(describe(b.right)))"
        case .unary(let u):
            return "(\(u.caseSensitive ? "-c" + u.op.rawValue.dropFirst() : u.op.rawValue) \(describe(u.child)))"
        case .arrayLiteral(let a): return "(," + a.elements.map { " " + describe($0) }.joined() + ")"
        case .member(let m): return "(\(m.isStatic ? "::" : ".") \(describe(m.target)) \(describe(m.member)))"
        case .invokeMember(let m):
            return "(\(m.isStatic ? "::" : ".")() \(describe(m.target)) \(describe(m.member))"
                + m.arguments.map { " " + describe($0) }.joined() + ")"
        case .index(let i): return "([] \(describe(i.target)) \(describe(i.index)))"
        case .hashtable(let h):
            return "(@{}" + h.entries.map { " (\(describe($0.key)) \(describe($0.value)))" }.joined() + ")"
        case .subExpression(let s): return "($" + s.statements.map { " " + describe($0) }.joined() + ")"
        case .arrayExpression(let a): return "(@" + a.statements.map { " " + describe($0) }.joined() + ")"
        case .paren(let p): return "(paren \(describe(p.pipeline)))"
        case .scriptBlock(let s): return "{" + describe(s.scriptBlock).replacingNewlines() + "}"
        case .error(let x): return "(error" + x.nested.map { " " + describe($0) }.joined() + ")"
        }
    }

    private static func label(_ l: String?) -> String { l.map { " :" + $0 } ?? "" }
}

extension ScriptBlockAst: CustomDebugStringConvertible {
    /// The tree as S-expressions, one top-level statement per line.
    public var debugDescription: String { AstDebugPrinter.describe(self) }
}

private extension String {
    func replacingNewlines() -> String {
        split(separator: "\n", omittingEmptySubsequences: false).joined(separator: "; ")
    }
}
