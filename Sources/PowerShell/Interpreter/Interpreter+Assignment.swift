import Foundation

extension Interpreter {
    /// `target op= value`; returns the value stored (an assignment used as a condition tests it).
    func assign(_ a: AssignmentStatementAst) throws -> Value {
        var value = try evaluateStatementValue(a.right)
        if a.op != .assign {
            let old = try evaluate(a.left)
            let op: Arithmetic.Op
            switch a.op {
            case .plusAssign: op = .add
            case .minusAssign: op = .subtract
            case .multiplyAssign: op = .multiply
            case .divideAssign: op = .divide
            case .remainderAssign: op = .remainder
            case .assign: op = .add
            }
            value = try at(a.extent) { try Arithmetic.apply(op, old, value) }
        }
        try at(a.left.extent) { try store(value, into: a.left) }
        return value
    }

    func store(_ value: Value, into target: Expression) throws {
        switch target {
        case .variable(let v):
            try assignVariable(v.path, value)
        case .convert(let c):
            let type = try resolveType(c.typeName)
            guard case .variable(let v) = c.child else { throw invalidAssignment(target.extent) }
            let converted = try Conversion.convert(value, to: type)
            try assignVariable(v.path, converted, constraint: type)
        case .member(let m):
            let owner = try evaluate(m.target)
            let name = try memberName(m.member)
            try setMember(owner, name, value, extent: m.extent)
        case .index(let i):
            let owner = try evaluate(i.target)
            let index = try evaluate(i.index)
            try setIndex(owner, index, value, extent: i.extent)
        case .arrayLiteral(let list):
            let values = Conversion.enumerate(value) ?? [value]
            for (k, t) in list.elements.enumerated() {
                if k == list.elements.count - 1 {
                    let rest = k < values.count ? Array(values[k...]) : []
                    try store(rest.count == 1 ? rest[0] : (rest.isEmpty ? .null : .list(rest)), into: t)
                } else {
                    try store(k < values.count ? values[k] : .null, into: t)
                }
            }
        case .paren(let p):
            guard case .pipeline(let pl) = p.pipeline, let inner = pl.pureExpression else { throw invalidAssignment(target.extent) }
            try store(value, into: inner)
        default:
            throw invalidAssignment(target.extent)
        }
    }

    func invalidAssignment(_ extent: SourceExtent) -> ErrorRecord {
        runtimeError("The assignment expression is not valid. The input to an assignment operator must be an object that is able to accept assignments, such as a variable or a property.",
                     id: "InvalidLeftHandSide", category: .parserError, extent: extent)
    }

    /// Sets `$name`, `$script:name`, `$global:name`, `$env:NAME`; `$null = x` discards.
    func assignVariable(_ path: VariablePath, _ value: Value, constraint: PSType? = nil) throws {
        let scope: Scope
        switch path.qualifier?.lowercased() {
        case "env"?:
            if value.isNull || toString(value).isEmpty { unsetenv(path.name) } else { setenv(path.name, toString(value), 1) }
            return
        case "global"?: scope = global
        case "script"?: scope = currentScope.scriptScope
        default: scope = currentScope
        }
        let lower = path.name.lowercased()
        if lower == "null" && path.qualifier == nil { return }
        if ["true", "false", "?"].contains(lower) {
            throw runtimeError("Cannot overwrite variable \(path.name) because it is read-only or constant.",
                               id: "VariableNotWritable", category: .writeError)
        }
        if let constraint {
            scope.setLocal(path.name, PSVariable(value, type: constraint))
        } else {
            try setVariable(path.name, value, scope: scope)
        }
    }

    func setMember(_ owner: Value, _ name: String, _ value: Value, extent: SourceExtent) throws {
        switch owner {
        case .hashtable(let h):
            h[name] = value
        case .object(let o) where name.lowercased() == "value" && PSReference.variable(of: o) != nil:
            let variable = PSReference.variable(of: o)!
            variable.value = try constrain(value, variable.type)
        case .object(let o) where o.hasProperty(name):
            o[name] = value
        default:
            throw runtimeError("The property '\(name)' cannot be found on this object. Verify that the property exists and can be set.",
                               id: "PropertyAssignmentException", extent: extent)
        }
    }

    func setIndex(_ owner: Value, _ index: Value, _ value: Value, extent: SourceExtent) throws {
        switch owner {
        case .null:
            throw runtimeError("Cannot index into a null array.", id: "NullArray", extent: extent)
        case .hashtable(let h):
            h[index] = value
        case .object(let o):
            o[toString(index)] = value
        case .array(let a):
            var i = try Conversion.toInt(index)
            if i < 0 { i += a.items.count }
            guard a.items.indices.contains(i) else {
                throw runtimeError("Index was outside the bounds of the array.", id: "IndexOutOfRange", extent: extent)
            }
            a.items[i] = value
        case .bytes(let b):
            var i = try Conversion.toInt(index)
            if i < 0 { i += b.bytes.count }
            guard b.bytes.indices.contains(i) else {
                throw runtimeError("Index was outside the bounds of the array.", id: "IndexOutOfRange", extent: extent)
            }
            guard case .int(let byte) = try Conversion.convert(value, to: .byte) else { return }
            b.bytes[i] = UInt8(byte)
        default:
            throw runtimeError("Unable to index into an object of type \(Conversion.typeName(of: owner)).", id: "CannotIndex", extent: extent)
        }
    }
}
