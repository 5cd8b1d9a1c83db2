import Foundation

/// A PowerShell session: global scope, host, command registry. Scripts run on one thread
/// with a large stack (deep recursion ends with pwsh's call-depth error, never a crash);
/// `stop()` (Ctrl-C) may be called from any thread.
public final class Runspace: @unchecked Sendable {
    let interpreter: Interpreter
    public var host: PSHost { interpreter.host }
    public var registry: CommandRegistry { interpreter.registry }
    public var session: SessionState { interpreter.session }

    /// Prints an error record (uncaught terminating errors and non-terminating ones written
    /// by commands). Default: pwsh's concise view on the host's error stream.
    public var errorPrinter: (ErrorRecord) -> Void {
        get { interpreter.errorPrinter }
        set { interpreter.errorPrinter = newValue }
    }

    /// Prints the parse errors of a script that will not run (default: the first, as pwsh).
    public var parseErrorPrinter: ([ParseError]) -> Void

    /// Write-Progress records (the shell draws a bar on a terminal).
    public var progressHandler: ((ProgressRecord) -> Void)? {
        get { interpreter.progressHandler }
        set { interpreter.progressHandler = newValue }
    }

    public init(host: PSHost, registry: CommandRegistry) {
        interpreter = Interpreter(host: host, registry: registry)
        parseErrorPrinter = { [unowned host] errors in
            guard let first = errors.first else { return }
            host.writeErrorText(ParseErrorView.render(extent: first.extent, message: first.message, width: host.width))
        }
    }

    /// `$LASTEXITCODE`.
    public var lastExitCode: Int32 {
        get { Int32(truncatingIfNeeded: (try? Conversion.toInt(interpreter.global.local("LASTEXITCODE")?.value ?? .int(0))) ?? 0) }
        set { interpreter.global.setLocal("LASTEXITCODE", PSVariable(.int(Int(newValue)))) }
    }

    /// True when the last `run`/`runFile`/`execute` ended with `exit` (the REPL then quits).
    public private(set) var lastRunExited = false

    /// `$?` after the last statement.
    public var lastSucceeded: Bool { interpreter.lastSucceeded }

    public func variable(_ name: String) -> Value? { interpreter.global.local(name)?.value }

    public func setVariable(_ name: String, _ value: Value) {
        interpreter.global.setLocal(name, PSVariable(value))
    }

    /// Ctrl-C: the running pipeline stops at its next step.
    public func stop() { interpreter.requestStop() }

    /// Runs a parsed script in the global scope (as `pwsh -File` does), output to Out-Default.
    /// Returns the exit code: `exit N`, 1 after an uncaught terminating error, else 0.
    public func run(_ ast: ScriptBlockAst, arguments: [Value]) -> Int32 {
        let info = FunctionInfo(name: ast.extent.file.map { ($0 as NSString).lastPathComponent } ?? "",
                                kind: ast.extent.file.map { .scriptFile($0) } ?? .scriptBlock, body: ast)
        return onLargeStack {
            let outcome = self.runTopLevel(info, arguments: Self.cliArguments(arguments))
            self.lastRunExited = outcome.exited
            return outcome.code
        }
    }

    /// `migsh -File path args`: reads, parses (parse errors print and give 1), runs.
    public func runFile(path: String, arguments: [Value]) -> Int32 {
        let resolved = (try? interpreter.session.resolvePath(path)) ?? path
        guard let text = try? String(contentsOfFile: resolved, encoding: .utf8) else {
            host.writeErrorText("The argument '\(path)' is not recognized as the name of a script file. Check the spelling of the name, or if a path was included, verify that the path is correct and try again.")
            return 64
        }
        let result = Parser.parse(text, file: resolved)
        if !result.errors.isEmpty {
            parseErrorPrinter(result.errors)
            return 1
        }
        return run(result.ast, arguments: arguments)
    }

    /// `-Command` text and REPL input: parsed whole first; parse errors print and give 1
    /// without running anything. Exit code: `exit N`, 1 after a terminating error or when the
    /// last statement failed, else 0.
    public func execute(_ text: String, file: String? = nil) -> Int32 {
        let result = Parser.parse(text, file: file)
        if !result.errors.isEmpty {
            parseErrorPrinter(result.errors)
            lastRunExited = false
            interpreter.lastSucceeded = false
            return 1
        }
        let info = FunctionInfo(name: "", kind: .scriptBlock, body: result.ast)
        return onLargeStack {
            let outcome = self.runTopLevel(info, arguments: [])
            self.lastRunExited = outcome.exited
            if outcome.exited || outcome.code != 0 { return outcome.code }
            return self.interpreter.lastSucceeded ? 0 : 1
        }
    }

    /// Script arguments from the command line: `-Name value` and `-Name:value` are named.
    static func cliArguments(_ values: [Value]) -> [CommandArgument] {
        values.map { v in
            if case .string(let s) = v, s.count > 1, s.hasPrefix("-"), NumberFormatting.parse(s) == nil {
                let body = s.dropFirst()
                if let colon = body.firstIndex(of: ":") {
                    return .named(String(body[..<colon]), .string(String(body[body.index(after: colon)...])))
                }
                return .named(String(body))
            }
            return .positional(v)
        }
    }

    struct Outcome { var code: Int32; var exited: Bool }

    private func runTopLevel(_ info: FunctionInfo, arguments: [CommandArgument]) -> Outcome {
        let interp = interpreter
        interp.clearStop()
        let output = TopLevelOutput(interp)
        var outcome = Outcome(code: 0, exited: false)
        do {
            try output.begin()
            do {
                let sig = try interp.signature(for: info)
                let binder = ParameterBinder(declaration: sig.declaration, options: sig.options)
                let binding = try binder.bind(arguments, host: interp.host)
                let command = ScriptCommand(interpreter: interp, info: info, signature: sig, dotSource: true,
                                            extraArguments: binding.extraArguments)
                command.dotSourcedTopLevel = true
                let proc = CommandProcessor(interpreter: interp, cmdlet: command, binder: binder, binding: binding,
                                            pipelineId: interp.newPipelineId(), index: 0, extent: nil, isCompiled: false)
                proc.downstream = output.receive
                try interp.runProcessors([proc], pipelineId: proc.pipelineId) { try proc.processWithoutInput() }
            } catch let e as ExitSignal {
                outcome = Outcome(code: e.code, exited: true)
                lastExitCode = e.code
            } catch is BreakSignal {
            } catch is ContinueSignal {
            } catch is PipelineStoppedError {
                outcome.code = 1
            } catch {
                if let r = error.errorRecord {
                    interp.recordError(r)
                    try? interp.emitError(r)
                    outcome.code = 1
                }
            }
            try output.end()
        } catch let e as ExitSignal {
            outcome = Outcome(code: e.code, exited: true)
        } catch {
            if let r = error.errorRecord { interp.recordError(r); interp.errorPrinter(r) }
            outcome.code = 1
        }
        interp.currentScope = interp.global
        interp.tryDepth = 0
        return outcome
    }

    /// Runs `body` on a thread with a 512 MB stack and waits for it.
    private func onLargeStack<T>(_ body: @escaping () -> T) -> T {
        let box = LargeStackBox(body)
        let done = DispatchSemaphore(value: 0)
        let thread = Thread { box.value = box.body(); done.signal() }
        thread.stackSize = 512 << 20
        thread.start()
        done.wait()
        return box.value!
    }
}

/// The end of every top-level pipeline: the registry's Out-Default, or plain lines.
final class TopLevelOutput {
    let interpreter: Interpreter
    private var processor: CommandProcessor?

    init(_ interpreter: Interpreter) {
        self.interpreter = interpreter
        if let d = interpreter.registry.lookup("Out-Default") {
            processor = try? interpreter.processor(for: .cmdlet(d), arguments: [], pipelineId: interpreter.newPipelineId(),
                                                   index: 0, expectingInput: true, extent: nil)
            processor?.downstream = { _ in }
        }
    }

    func begin() throws { try processor?.begin() }

    func receive(_ value: Value) throws {
        if let processor { try processor.receive(value); return }
        if value.isNull { return }
        interpreter.host.writeOutput(interpreter.toString(value))
    }

    func end() throws { try processor?.end() }
}

private final class LargeStackBox<T>: @unchecked Sendable {
    var value: T?
    let body: () -> T
    init(_ body: @escaping () -> T) { self.body = body }
}
