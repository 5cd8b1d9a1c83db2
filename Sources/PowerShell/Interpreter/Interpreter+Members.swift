/// Member access, method calls and indexing: custom-object properties and hashtable keys
/// here; .NET members through the DotNet layer.
extension Interpreter {
    var dotNetEnvironment: DotNetEnvironment {
        DotNetEnvironment(session: session) { [unowned self] block, dollarUnder, args in
            try self.invokeScriptBlock(block, dollarUnder: dollarUnder, arguments: args, newScope: true)
        }
    }

    func memberName(_ e: Expression) throws -> String {
        if case .string(let s) = e { return s.value }
        return toString(try evaluate(e))
    }

    func evaluateMember(_ m: MemberExpressionAst) throws -> Value {
        let target = try evaluate(m.target)
        let name = try memberName(m.member)
        if m.isStatic {
            guard case .type(let t) = target else { return .null }
            return try DotNet.staticMember(type: t.description, name: name, environment: dotNetEnvironment) ?? .null
        }
        return member(of: target, name)
    }

    /// `$x.Name`: a missing member is `$null`; on a collection, the members of its elements.
    func member(of value: Value, _ name: String) -> Value {
        switch value {
        case .null:
            let lower = name.lowercased()
            return lower == "count" || lower == "length" ? .int(0) : .null
        case .object(let o):
            if let ref = PSReference.variable(of: o), name.lowercased() == "value" { return ref.value }
            if let v = o[name] { return v }
            if name.lowercased() == "psobject" { return psObjectView(o) }
            return DotNet.property(of: value, name: name) ?? .null
        case .hashtable(let h):
            if let v = h[name] { return v }
            return DotNet.property(of: value, name: name) ?? .null
        case .array(let a):
            if let v = DotNet.property(of: value, name: name) { return v }
            var out: [Value] = []
            for item in a.items {
                let v = member(of: item, name)
                if case .null = v { continue }
                if case .array(let inner) = v { out += inner.items } else { out.append(v) }
            }
            return out.count == 1 ? out[0] : .list(out)
        default:
            if let v = DotNet.property(of: value, name: name) { return v }
            let lower = name.lowercased()
            return lower == "count" || lower == "length" ? .int(1) : .null
        }
    }

    /// `$obj.PSObject`: the property list and type names of an object.
    private func psObjectView(_ o: PSObject) -> Value {
        let props = o.properties.map { p -> Value in
            let info = PSObject(typeNames: ["System.Management.Automation.PSNoteProperty", "System.Object"],
                                properties: [("Name", .string(p.name)), ("Value", p.value),
                                             ("TypeNameOfValue", .string(Conversion.typeName(of: p.value))),
                                             ("MemberType", .string("NoteProperty"))])
            info.toStringValue = "\(Conversion.typeName(of: p.value)) \(p.name)=\(Conversion.toString(p.value))"
            return .object(info)
        }
        let view = PSObject(typeNames: ["System.Management.Automation.PSObject", "System.Object"],
                            properties: [("Properties", .list(props)), ("TypeNames", .list(o.typeNames.map(Value.string)))])
        return .object(view)
    }

    func invokeMember(_ m: InvokeMemberExpressionAst) throws -> Value {
        let target = try evaluate(m.target)
        let name = try memberName(m.member)
        let args = try m.arguments.map(evaluate)
        if m.isStatic {
            guard case .type(let t) = target else {
                throw runtimeError("Unable to find type.", id: "TypeNotFound", extent: m.extent)
            }
            if case .scriptBlock = t, name.lowercased() == "create", let text = args.first {
                return .scriptBlock(ScriptBlock(ast: try parseForInvocation(toString(text), file: nil)))
            }
            if let v = try DotNet.invokeStatic(type: t.description, method: name, arguments: args, environment: dotNetEnvironment) {
                return v
            }
            throw methodNotFound(t.description, name, m.extent)
        }
        return try callMethod(on: target, name, args, extent: m.extent)
    }

    func callMethod(on target: Value, _ name: String, _ args: [Value], extent: SourceExtent) throws -> Value {
        switch target {
        case .null:
            throw runtimeError("You cannot call a method on a null-valued expression.", id: "InvokeMethodOnNull", extent: extent)
        case .scriptBlock(let sb):
            switch name.lowercased() {
            case "invoke": return .list(try invokeScriptBlock(sb, dollarUnder: nil, arguments: args, newScope: true))
            case "invokereturnasis": return scalarize(try invokeScriptBlock(sb, dollarUnder: nil, arguments: args, newScope: true))
            default: break
            }
        case .object(let o):
            if let method = o.method(name) { return try method(o, args) }
        default: break
        }
        if let v = try DotNet.invokeMethod(on: target, name: name, arguments: args, environment: dotNetEnvironment) { return v }
        throw methodNotFound(Conversion.typeName(of: target), name, extent)
    }

    func methodNotFound(_ type: String, _ name: String, _ extent: SourceExtent) -> ErrorRecord {
        runtimeError("Method invocation failed because [\(type)] does not contain a method named '\(name)'.",
                     id: "MethodNotFound", extent: extent)
    }

    // MARK: - Indexing

    func evaluateIndex(_ i: IndexExpressionAst) throws -> Value {
        let target = try evaluate(i.target)
        let index = try evaluate(i.index)
        return try indexValue(target, index, extent: i.extent)
    }

    func indexValue(_ target: Value, _ index: Value, extent: SourceExtent) throws -> Value {
        switch target {
        case .null:
            throw runtimeError("Cannot index into a null array.", id: "NullArray", extent: extent)
        case .hashtable(let h):
            if case .array(let keys) = index { return .list(keys.items.map { h[$0] ?? .null }) }
            return h[index] ?? .null
        case .object(let o):
            if case .string(let s) = index { return o[s] ?? .null }
            throw runtimeError("Unable to index into an object of type \(o.typeName).", id: "CannotIndex", extent: extent)
        default:
            guard let items = indexableItems(target) else {
                // A scalar acts as a one-element collection.
                let i = try Conversion.toInt(index)
                return i == 0 || i == -1 ? target : .null
            }
            if let many = Conversion.enumerate(index) {
                return .list(try many.map { try element(items, $0) })
            }
            return try element(items, index)
        }
    }

    private func indexableItems(_ v: Value) -> [Value]? {
        switch v {
        case .array(let a): return a.items
        case .bytes(let b): return b.bytes.map { .int(Int($0)) }
        case .string(let s): return s.map { .string(String($0)) }
        default: return nil
        }
    }

    private func element(_ items: [Value], _ index: Value) throws -> Value {
        var i = try Conversion.toInt(index)
        if i < 0 { i += items.count }
        return items.indices.contains(i) ? items[i] : .null
    }
}
