import Foundation

/// Runs the AST. One instance per runspace; it is single-threaded (the runspace runs it on
/// one thread with a large stack), and only `requestStop` may be called from another thread.
final class Interpreter: @unchecked Sendable {
    let host: PSHost
    let registry: CommandRegistry
    let global: Scope
    var currentScope: Scope
    /// Number of `try` blocks being executed (dynamically): errors then propagate to them
    /// instead of being reported at the statement that failed.
    var tryDepth = 0
    var callDepth = 0
    static let maxCallDepth = 1000
    /// `$?`.
    var lastSucceeded = true
    /// The pipeline in which an external program last exited with a non-zero code.
    var failedNativePipeline: Int?
    /// Counts errors recorded, so a pipeline knows whether it wrote any.
    var errorSerial = 0
    var currentDirectory: String
    var errorPrinter: (ErrorRecord) -> Void
    var progressHandler: ((ProgressRecord) -> Void)?
    private var nextPipelineId = 0
    private let stopLock = NSLock()
    private var stopRequested = false
    lazy var session: RunspaceSessionState = RunspaceSessionState(self)
    /// Type literals already resolved, by the name as written.
    var typeCache: [String: PSType] = [:]
    /// Error-stream handling installed by redirections (`2>&1`, `2>$null`) for the running command.
    var errorRedirect: ((ErrorRecord) throws -> Void)?

    init(host: PSHost, registry: CommandRegistry) {
        self.host = host
        self.registry = registry
        global = Scope(parent: nil, isScriptScope: true)
        currentScope = global
        currentDirectory = FileManager.default.currentDirectoryPath
        errorPrinter = { [unowned host] record in host.writeErrorText(ErrorView.render(record, width: host.width)) }
        AutomaticVariables.install(in: global, interpreter: self)
    }

    // MARK: - Stopping (Ctrl-C)

    func requestStop() { stopLock.lock(); stopRequested = true; stopLock.unlock() }

    func clearStop() { stopLock.lock(); stopRequested = false; stopLock.unlock() }

    var isStopping: Bool { stopLock.lock(); defer { stopLock.unlock() }; return stopRequested }

    func checkStop() throws { if isStopping { throw PipelineStoppedError() } }

    func newPipelineId() -> Int { nextPipelineId += 1; return nextPipelineId }

    // MARK: - Scopes

    /// Runs `body` with `scope` as the current scope.
    func withScope<T>(_ scope: Scope, _ body: () throws -> T) rethrows -> T {
        let saved = currentScope
        currentScope = scope
        defer { currentScope = saved }
        return try body()
    }

    /// Counts nested invocations; past the limit pwsh's call-depth error ends the script.
    func withCallDepth<T>(_ body: () throws -> T) throws -> T {
        callDepth += 1
        defer { callDepth -= 1 }
        if callDepth > Self.maxCallDepth {
            throw ScriptTerminatingError(record: ErrorRecord(
                message: "The script failed due to call depth overflow.", errorId: "CallDepthOverflow",
                category: .invalidOperation, exceptionType: "System.Management.Automation.ScriptCallDepthException"))
        }
        return try body()
    }

    // MARK: - Variables

    func variable(_ name: String) -> Value? { currentScope.lookup(name)?.value }

    func setVariable(_ name: String, _ value: Value, scope: Scope? = nil) throws {
        let target = scope ?? currentScope
        if let existing = target.local(name) {
            existing.value = try constrain(value, existing.type)
        } else {
            target.setLocal(name, PSVariable(value))
        }
    }

    func constrain(_ value: Value, _ type: PSType?) throws -> Value {
        guard let type else { return value }
        return try Conversion.convert(value, to: type)
    }

    /// $ErrorActionPreference (or another preference variable) as seen from the current scope.
    func preference(_ name: String, default fallback: ActionPreference) -> ActionPreference {
        variable(name).flatMap(ActionPreference.init) ?? fallback
    }

    var ofs: String {
        if let v = variable("OFS"), !v.isNull { return Conversion.toString(v) }
        return " "
    }

    func toString(_ v: Value) -> String { Conversion.toString(v, ofs: ofs) }
}
