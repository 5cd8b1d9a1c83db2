/// `[ref]$x`: System.Management.Automation.PSReference. Its `.Value` reads and writes the
/// variable it was made from, so a function given `([ref]$x)` updates the caller's `$x`.
enum PSReference {
    static let typeName = "System.Management.Automation.PSReference"
    static let type = PSType.named(typeName)

    static func make(_ variable: PSVariable) -> Value {
        let o = PSObject(typeNames: [typeName, "System.Object"])
        o.backing = variable
        o.toStringValue = typeName
        return .object(o)
    }

    /// The variable behind a `[ref]` value, nil for any other value.
    static func variable(of value: Value) -> PSVariable? {
        guard case .object(let o) = value, let backing = o.backing else { return nil }
        return backing as? PSVariable
    }

    static func variable(of o: PSObject) -> PSVariable? {
        guard let backing = o.backing else { return nil }
        return backing as? PSVariable
    }
}

extension Interpreter {
    /// `[ref]expr`: a reference to the variable named (created when missing, as pwsh does),
    /// or to a new box holding the value of any other expression.
    func makeReference(_ child: Expression) throws -> Value {
        guard case .variable(let v) = child, v.path.qualifier == nil || v.path.qualifier?.lowercased() == "local" else {
            let value = try evaluate(child)
            if PSReference.variable(of: value) != nil { return value }
            return PSReference.make(PSVariable(value))
        }
        if v.path.name.lowercased() == "null" { return PSReference.make(PSVariable(.null)) }
        if let existing = currentScope.lookup(v.path.name) { return PSReference.make(existing) }
        let created = PSVariable(.null)
        currentScope.setLocal(v.path.name, created)
        return PSReference.make(created)
    }
}
