/// The runtime side of `CommandContext` for one command in one pipeline.
///
/// `write` cannot throw (the contract), so when the pipeline after this command stops it
/// (Select-Object -First satisfied), or a written error must stop the command (-ErrorAction
/// Stop), the error is kept in `pending`, `isStopping` turns true, further writes are dropped,
/// and the command processor throws `pending` once the command returns.
final class PipelineCommandContext: CommandContext, @unchecked Sendable {
    unowned let interpreter: Interpreter
    let declaration: CommandDeclaration
    let commandName: String
    var parameters: BoundParameters
    var parameterSetName: String
    var currentInput: Value?
    var common: CommonParameters
    /// Downstream: the next command's input or the statement's output.
    var downstream: Emit = { _ in }
    var pending: Error?
    /// Yes to All / No to All answered at a confirmation prompt.
    var confirmAll: Bool?
    var outVariableValues: [Value] = []
    /// The command's place in the script, for the errors it writes.
    var extent: SourceExtent?

    init(interpreter: Interpreter, declaration: CommandDeclaration, binding: BindingResult) {
        self.interpreter = interpreter
        self.declaration = declaration
        self.commandName = declaration.name
        self.parameters = binding.parameters
        self.parameterSetName = binding.parameterSetName
        self.common = binding.common
    }

    var host: PSHost { interpreter.host }
    var session: SessionState { interpreter.session }
    var registry: CommandRegistry { interpreter.registry }
    var isStopping: Bool { pending != nil || interpreter.isStopping }

    /// Writes and lets downstream errors (stop requests, terminating errors) through.
    func emit(_ value: Value) throws {
        if let pending { throw pending }
        try interpreter.checkStop()
        if common.outVariable != nil { outVariableValues.append(value) }
        try downstream(value)
    }

    func write(_ value: Value) {
        guard pending == nil else { return }
        do { try emit(value) } catch { pending = error }
    }

    func writeError(_ record: ErrorRecord) {
        guard pending == nil else { return }
        var r = record
        if r.commandName == nil { r.commandName = commandName }
        if r.position == nil { r.position = extent }
        do {
            try interpreter.writeNonTerminating(r, action: common.errorAction, errorVariable: common.errorVariable)
        } catch { pending = error }
    }

    func writeWarning(_ message: String) {
        let action = common.warningAction ?? interpreter.preference("WarningPreference", default: .continue)
        switch action {
        case .silentlyContinue, .ignore: return
        case .stop:
            pending = ScriptTerminatingError(record: ErrorRecord(
                message: "The running command stopped because the preference variable \"WarningPreference\" or common parameter is set to Stop: \(message)",
                errorId: "ActionPreferenceStop", category: .operationStopped, commandName: commandName))
        default:
            host.write("WARNING: " + message, foreground: "Yellow", newline: true)
        }
    }

    func writeVerbose(_ message: String) {
        let on = common.verbose ?? (interpreter.preference("VerbosePreference", default: .silentlyContinue) == .continue)
        if on { host.write("VERBOSE: " + message, foreground: "Yellow", newline: true) }
    }

    func writeDebug(_ message: String) {
        let on = common.debug ?? (interpreter.preference("DebugPreference", default: .silentlyContinue) == .continue)
        if on { host.write("DEBUG: " + message, foreground: "Yellow", newline: true) }
    }

    func writeProgress(_ record: ProgressRecord) {
        if common.progressAction == .silentlyContinue { return }
        if interpreter.preference("ProgressPreference", default: .continue) == .silentlyContinue { return }
        interpreter.progressHandler?(record)
    }

    func shouldProcess(target: String, action: String) throws -> Bool {
        try ShouldProcessGate(context: self).check(target: target, action: action)
    }

    func invoke(_ block: ScriptBlock, dollarUnder: Value?, arguments: [Value]) throws -> [Value] {
        try interpreter.invokeScriptBlock(block, dollarUnder: dollarUnder, arguments: arguments, newScope: true)
    }

    /// ForEach-Object/Where-Object blocks run in the caller's scope: `$sum += $_` sticks.
    func invokeInCurrentScope(_ block: ScriptBlock, dollarUnder: Value?) throws -> [Value] {
        try interpreter.invokeScriptBlock(block, dollarUnder: dollarUnder, arguments: [], newScope: false)
    }

    func invokeScript(_ text: String) throws -> [Value] {
        let ast = try interpreter.parseForInvocation(text, file: nil)
        return try interpreter.collect { emit in try interpreter.executeStatements(ast.statements, emit) }
    }
}
