/// What the REPL's Tab completion needs from a session beyond the command registry.
extension Runspace {
    /// Names of the functions defined in the global scope (the REPL's and profile's functions).
    public var functionNames: [String] { interpreter.global.functions.values.map(\.name) }

    /// Variable names of the global scope, for `$na<Tab>`.
    public var variableNames: [String] { interpreter.global.allVariables.map(\.0) }
}
