import Foundation

/// The `SessionState` cmdlets see: variables of the current scope, the location, paths.
final class RunspaceSessionState: SessionState, @unchecked Sendable {
    unowned let interpreter: Interpreter

    init(_ interpreter: Interpreter) { self.interpreter = interpreter }

    func variable(_ name: String) -> Value? {
        if let auto = AutomaticVariables.read(name, interpreter) { return auto }
        return interpreter.variable(name)
    }

    func setVariable(_ name: String, _ value: Value) {
        try? interpreter.setVariable(name, value)
    }

    /// Every variable visible from the current scope (nearest scope's spelling wins), plus the
    /// automatic ones that are computed on read.
    var variableNames: [String] {
        var seen = Set<String>()
        var names: [String] = []
        var scope: Scope? = interpreter.currentScope
        while let s = scope {
            for (key, _) in s.allVariables where seen.insert(key).inserted && key != "_" { names.append(s.spelling(of: key)) }
            scope = s.parent
        }
        for auto in ["true", "false", "null", "?", "PWD", "PSScriptRoot", "PSCommandPath", "MyInvocation"]
            where seen.insert(auto.lowercased()).inserted { names.append(auto) }
        return names
    }

    /// Removes the variable from the nearest scope that has it.
    func removeVariable(_ name: String) -> Bool {
        var scope: Scope? = interpreter.currentScope
        while let s = scope {
            if s.removeLocal(name) { return true }
            scope = s.parent
        }
        return false
    }

    var currentDirectory: String {
        get { interpreter.currentDirectory }
        set { interpreter.currentDirectory = newValue }
    }

    func resolvePath(_ path: String) throws -> String {
        try PathResolver(currentDirectory: interpreter.currentDirectory, environment: environment).resolve(path)
    }

    var environment: [String: String] { ProcessInfo.processInfo.environment }
}
