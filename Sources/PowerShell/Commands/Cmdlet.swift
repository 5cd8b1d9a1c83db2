/// A command implementation. The runtime makes one instance per pipeline position,
/// calls `begin` once, `process` once per input object (or once when there is no
/// pipeline input), then `end`. Throwing an ErrorRecord is a terminating error;
/// `context.writeError` is a non-terminating one.
public protocol Cmdlet: AnyObject {
    func begin(_ context: CommandContext) throws
    func process(_ context: CommandContext) throws
    func end(_ context: CommandContext) throws
}

extension Cmdlet {
    public func begin(_ context: CommandContext) throws {}
    public func process(_ context: CommandContext) throws {}
    public func end(_ context: CommandContext) throws {}
}

/// The parameters the binder bound for the current call (and current pipeline object),
/// keyed by declared name, already converted to the declared type.
public struct BoundParameters: Sendable {
    public private(set) var values: [String: Value] = [:]   // lowercased declared name -> value
    public private(set) var names: [String] = []             // declared spellings in bind order

    public init() {}

    public subscript(name: String) -> Value? {
        get { values[name.lowercased()] }
        set {
            let k = name.lowercased()
            if newValue == nil { values[k] = nil; names.removeAll { $0.lowercased() == k } }
            else { if values[k] == nil { names.append(name) }; values[k] = newValue }
        }
    }

    public func isBound(_ name: String) -> Bool { values[name.lowercased()] != nil }

    /// The setter without lowercasing `name` again: for the runtime's per-object binding.
    public mutating func setValue(_ value: Value, lowercasedKey: String, name: String) {
        if values.updateValue(value, forKey: lowercasedKey) == nil { names.append(name) }
    }

    public func string(_ name: String) -> String? { self[name]?.stringValue }

    /// A switch parameter: true when given as `-X` or `-X:$true`.
    public func isSet(_ name: String) -> Bool {
        if case .bool(let b)? = self[name] { return b }
        return false
    }
}

/// What a running command can do: write to the streams, ask the host, reach the session.
/// Implemented by the runtime.
public protocol CommandContext: AnyObject {
    var commandName: String { get }
    var parameters: BoundParameters { get }
    var parameterSetName: String { get }
    /// The current pipeline input object during `process`, nil outside it.
    var currentInput: Value? { get }

    /// Writes one object to the output pipeline (arrays are written as one object).
    func write(_ value: Value)
    func writeError(_ record: ErrorRecord)
    func writeWarning(_ message: String)
    func writeVerbose(_ message: String)
    func writeDebug(_ message: String)
    func writeProgress(_ record: ProgressRecord)

    /// -WhatIf/-Confirm handling: false means skip the action (WhatIf printed, or the user said no).
    /// Throws when confirmation is needed but the session is non-interactive.
    func shouldProcess(target: String, action: String) throws -> Bool

    /// Runs a script block with `$_`/`$PSItem` set to `dollarUnder` and `$args` to `arguments`,
    /// in a child scope, and returns what it wrote.
    func invoke(_ block: ScriptBlock, dollarUnder: Value?, arguments: [Value]) throws -> [Value]

    /// Runs a script block in the caller's scope, as pwsh runs the blocks of ForEach-Object and
    /// Where-Object (so `-Begin { $sum = 0 } -Process { $sum += $_ }` accumulates).
    func invokeInCurrentScope(_ block: ScriptBlock, dollarUnder: Value?) throws -> [Value]

    /// Parses and runs PowerShell text in the current scope (Invoke-Expression).
    func invokeScript(_ text: String) throws -> [Value]

    var host: PSHost { get }
    var session: SessionState { get }
    var registry: CommandRegistry { get }
    /// True once the pipeline is being stopped (Ctrl-C, or a downstream Select-Object -First is satisfied).
    var isStopping: Bool { get }
}

extension CommandContext {
    /// Default for contexts that cannot run in the caller's scope: a child scope.
    public func invokeInCurrentScope(_ block: ScriptBlock, dollarUnder: Value?) throws -> [Value] {
        try invoke(block, dollarUnder: dollarUnder, arguments: [])
    }
}

public struct ProgressRecord: Sendable {
    public var activity: String
    public var status: String
    public var percentComplete: Int
    public var completed: Bool
    public var id: Int
    public init(activity: String, status: String = "", percentComplete: Int = -1, completed: Bool = false, id: Int = 0) {
        self.activity = activity
        self.status = status
        self.percentComplete = percentComplete
        self.completed = completed
        self.id = id
    }
}
