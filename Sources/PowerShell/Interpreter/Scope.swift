/// A variable; `type` is the constraint of `[int]$x = 5`, applied to every later assignment.
final class PSVariable {
    var value: Value
    var type: PSType?
    init(_ value: Value, type: PSType? = nil) { self.value = value; self.type = type }
}

/// One PowerShell scope. Scopes are dynamic: a function's scope is a child of its caller's.
final class Scope {
    let parent: Scope?
    /// True for the scope a script file (or the session) runs in: the target of `$script:`.
    let isScriptScope: Bool
    private(set) var variables: [String: PSVariable] = [:]
    /// The spelling each variable was first created with (keys are lowercased).
    private var spellings: [String: String] = [:]
    private(set) var functions: [String: FunctionInfo] = [:]
    /// `$PSScriptRoot`/`$PSCommandPath` of the script running in this scope.
    var scriptPath: String?

    init(parent: Scope?, isScriptScope: Bool = false) {
        self.parent = parent
        self.isScriptScope = isScriptScope
    }

    func local(_ name: String) -> PSVariable? { variables[Self.key(name)] }

    /// Variable names are case-insensitive; most are already lower case (`_`, `args`, `i`),
    /// which need no lowercased copy.
    static func key(_ name: String) -> String {
        var name = name
        let plain = name.withUTF8 { bytes in !bytes.contains { ($0 >= 0x41 && $0 <= 0x5A) || $0 >= 0x80 } }
        return plain ? name : name.lowercased()
    }

    func lookup(_ name: String) -> PSVariable? {
        let key = Self.key(name)
        var s: Scope? = self
        while let scope = s {
            if let v = scope.variables[key] { return v }
            s = scope.parent
        }
        return nil
    }

    func setLocal(_ name: String, _ variable: PSVariable) {
        let key = Self.key(name)
        if variables.updateValue(variable, forKey: key) == nil { spellings[key] = name }
    }

    func removeLocal(_ name: String) -> Bool {
        let key = name.lowercased()
        spellings[key] = nil
        return variables.removeValue(forKey: key) != nil
    }

    func spelling(of key: String) -> String { spellings[key] ?? key }

    var allVariables: [(String, PSVariable)] { variables.map { ($0.key, $0.value) } }

    func function(_ name: String) -> FunctionInfo? {
        let key = name.lowercased()
        var s: Scope? = self
        while let scope = s {
            if let f = scope.functions[key] { return f }
            s = scope.parent
        }
        return nil
    }

    func defineFunction(_ f: FunctionInfo) { functions[f.name.lowercased()] = f }

    /// The nearest script scope (the global scope when none).
    var scriptScope: Scope {
        var s: Scope = self
        while !s.isScriptScope, let p = s.parent { s = p }
        return s
    }

    var globalScope: Scope {
        var s: Scope = self
        while let p = s.parent { s = p }
        return s
    }

    /// The script path in effect here ($PSScriptRoot): the nearest scope that has one.
    var effectiveScriptPath: String? {
        var s: Scope? = self
        while let scope = s {
            if let p = scope.scriptPath { return p }
            s = scope.parent
        }
        return nil
    }
}
