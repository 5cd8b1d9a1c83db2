/// Runs a function, filter, script block or `.ps1` file as a pipeline command:
/// parameters become variables in a new scope (the caller's scope when dot-sourced),
/// then `begin`, `process` per input object (`$_` set) and `end` (`$input` holds the
/// input when there is no process block).
final class ScriptCommand: Cmdlet {
    let interpreter: Interpreter
    let info: FunctionInfo
    let signature: ScriptSignature
    let dotSource: Bool
    let extraArguments: [Value]
    private var scope: Scope!
    private var collectedInput: [Value] = []
    /// `exit` inside a script file ends that file only.
    private var exited = false
    private var savedScriptPath: String?

    init(interpreter: Interpreter, info: FunctionInfo, signature: ScriptSignature, dotSource: Bool, extraArguments: [Value]) {
        self.interpreter = interpreter
        self.info = info
        self.signature = signature
        self.dotSource = dotSource
        self.extraArguments = extraArguments
    }

    private var runsPerInput: Bool { info.isFilter || info.body.processBlock != nil }

    func begin(_ context: CommandContext) throws {
        let isFile = info.scriptPath != nil
        scope = dotSource ? interpreter.currentScope : Scope(parent: interpreter.currentScope, isScriptScope: isFile)
        savedScriptPath = scope.scriptPath
        if let path = info.scriptPath { scope.scriptPath = path }
        try interpreter.withScope(scope) {
            try bindVariables(context, initial: true)
            setCommonPreferences(context)
            if let b = info.body.beginBlock { try run(b.statements, context) }
        }
    }

    func process(_ context: CommandContext) throws {
        guard !exited else { return }
        guard runsPerInput else {
            if let input = context.currentInput { collectedInput.append(input) }
            return
        }
        try interpreter.withScope(scope) {
            if let input = context.currentInput {
                scope.setLocal("_", PSVariable(input))
                try bindVariables(context, initial: false)
            }
            if let p = info.body.processBlock { try run(p.statements, context) }
        }
    }

    func end(_ context: CommandContext) throws {
        // A dot-sourced file keeps its own $PSScriptRoot only while it runs.
        defer { if dotSource && info.scriptPath != nil { scope.scriptPath = savedScriptPath } }
        guard !exited else { return }
        try interpreter.withScope(scope) {
            scope.setLocal("input", PSVariable(.list(collectedInput)))
            if !info.isFilter, let e = info.body.endBlock { try run(e.statements, context) }
        }
    }

    private func run(_ statements: [Statement], _ context: CommandContext) throws {
        let pc = context as! PipelineCommandContext
        try interpreter.withCallDepth {
            do {
                try interpreter.executeStatements(statements, pc.emit)
            } catch is ReturnSignal {
            } catch let e as ExitSignal where info.scriptPath != nil && !dotSource {
                // `& file.ps1` / `./file.ps1`: exit ends that file only (dot-sourced, it ends the caller too).
                exited = true
                try interpreter.setVariable("LASTEXITCODE", .int(Int(e.code)), scope: interpreter.global)
            }
        }
    }

    /// The session's own script (run by `Runspace`) lets `exit` end the run.
    var dotSourcedTopLevel = false

    /// Parameter variables: bound values, else defaults (evaluated in the new scope, in order),
    /// else `$false` for switches and the type's empty value.
    private func bindVariables(_ context: CommandContext, initial: Bool) throws {
        let bound = context.parameters
        if initial {
            scope.setLocal("args", PSVariable(.list(extraArguments)))
            let psBound = PSHashtable()
            for name in bound.names where !CommonParameterDeclarations.isCommon(name) || signature.declaration.parameter(named: name) != nil {
                psBound[name] = bound[name]
            }
            scope.setLocal("PSBoundParameters", PSVariable(.hashtable(psBound)))
            if case .function = info.kind, !info.attributes.isEmpty || signature.options.hasCommonParameters {
                scope.setLocal("PSCmdlet", PSVariable(PSCmdletObject.make(context)))
            }
        }
        for p in signature.declaration.parameters {
            let ast = signature.parameterAsts[p.name.lowercased()]
            let type: PSType? = ast?.typeConstraint == nil ? nil : p.type
            if let v = bound[p.name] {
                scope.setLocal(p.name, PSVariable(v, type: type))
            } else if initial {
                var value: Value = .null
                if let d = ast?.defaultValue {
                    value = try interpreter.evaluate(d)
                    if let type { value = try Conversion.convert(value, to: type) }
                } else if p.isSwitch {
                    value = .bool(false)
                } else if let type {
                    value = Conversion.defaultValue(for: type)
                }
                scope.setLocal(p.name, PSVariable(value, type: type))
            }
        }
    }

    /// -Verbose, -ErrorAction … on an advanced function set the preference variables in its scope.
    private func setCommonPreferences(_ context: CommandContext) {
        guard let pc = context as? PipelineCommandContext, !dotSource else { return }
        let c = pc.common
        if let ea = c.errorAction { scope.setLocal("ErrorActionPreference", PSVariable(.string(ea.rawValue))) }
        if let wa = c.warningAction { scope.setLocal("WarningPreference", PSVariable(.string(wa.rawValue))) }
        if let v = c.verbose { scope.setLocal("VerbosePreference", PSVariable(.string(v ? "Continue" : "SilentlyContinue"))) }
        if let d = c.debug { scope.setLocal("DebugPreference", PSVariable(.string(d ? "Continue" : "SilentlyContinue"))) }
        if let w = c.whatIf { scope.setLocal("WhatIfPreference", PSVariable(.bool(w))) }
        if let cf = c.confirm { scope.setLocal("ConfirmPreference", PSVariable(.string(cf ? "Low" : "None"))) }
    }
}

/// `$PSCmdlet` in an advanced function: ShouldProcess, ParameterSetName, WriteError, ThrowTerminatingError.
enum PSCmdletObject {
    static func make(_ context: CommandContext) -> Value {
        let o = PSObject(typeNames: ["System.Management.Automation.PSScriptCmdlet", "System.Object"],
                         properties: [("ParameterSetName", .string(context.parameterSetName))])
        let ctx = UncheckedBox(context)
        o.methods["ShouldProcess"] = { _, args in
            let target = args.first.map { Conversion.toString($0) } ?? ""
            let action = args.count > 1 ? Conversion.toString(args[1]) : ctx.value.commandName
            return .bool(try ctx.value.shouldProcess(target: target, action: action))
        }
        o.methods["WriteError"] = { _, args in
            if let r = args.first.flatMap(ErrorRecordValue.record(from:)) { ctx.value.writeError(r) }
            return .null
        }
        o.methods["ThrowTerminatingError"] = { _, args in
            throw ScriptTerminatingError(record: args.first.flatMap(ErrorRecordValue.record(from:))
                                         ?? ErrorRecord(message: Conversion.toString(args.first ?? .null)))
        }
        return .object(o)
    }
}

/// Carries a non-Sendable reference into a `@Sendable` member closure; the interpreter is single-threaded.
final class UncheckedBox<T>: @unchecked Sendable {
    let value: T
    init(_ value: T) { self.value = value }
}
