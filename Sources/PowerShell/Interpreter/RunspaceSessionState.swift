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

    var currentDirectory: String {
        get { interpreter.currentDirectory }
        set { interpreter.currentDirectory = newValue }
    }

    func resolvePath(_ path: String) throws -> String {
        try PathResolver(currentDirectory: interpreter.currentDirectory, environment: environment).resolve(path)
    }

    var environment: [String: String] { ProcessInfo.processInfo.environment }
}
