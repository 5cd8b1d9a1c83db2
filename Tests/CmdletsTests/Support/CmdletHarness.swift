import Foundation
@testable import Cmdlets
import PowerShell

/// Runs one migration cmdlet the way the runtime does: the real binder binds the command line
/// and each pipeline object, then begin/process/end run against an in-memory context.
/// Every harness has its own temporary MIGSH_HOME, so tests run in parallel.
final class CmdletHarness {
    let home: String
    let registry = CommandRegistry()
    /// Answers to confirmation prompts (true = yes); an empty list means non-interactive.
    var confirmAnswers: [Bool] = []

    init() {
        home = NSTemporaryDirectory() + "migcmdlets-" + UUID().uuidString
        MigrationCommands.register(into: registry)
    }

    deinit { try? FileManager.default.removeItem(atPath: home) }

    struct Run {
        var output: [Value] = []
        var errors: [ErrorRecord] = []
        var warnings: [String] = []
        var whatIf: [String] = []
        var objects: [PSObject] { output.compactMap { if case .object(let o) = $0 { return o } else { return nil } } }
    }

    @discardableResult
    func run(_ command: String, _ arguments: [CommandArgument] = [], input: [Value]? = nil) throws -> Run {
        let declaration = try requireDeclaration(command)
        var options = BindingOptions()
        options.expectingInput = input != nil
        let binder = ParameterBinder(declaration: declaration, options: options)
        let base = try binder.bind(arguments)
        let context = HarnessContext(harness: self, declaration: declaration, binding: base)
        let cmdlet = declaration.make()
        try cmdlet.begin(context)
        if let input {
            for item in input {
                let bound = try binder.bindPipelineInput(item, to: base)
                context.binding = bound
                context.currentInput = item
                try cmdlet.process(context)
            }
            context.currentInput = nil
        } else {
            try cmdlet.process(context)
        }
        try cmdlet.end(context)
        return context.result
    }

    private func requireDeclaration(_ name: String) throws -> CommandDeclaration {
        guard let d = registry.lookup(name) else { throw ErrorRecord(message: "no command \(name)") }
        return d
    }
}

final class HarnessContext: CommandContext {
    let harness: CmdletHarness
    let declaration: CommandDeclaration
    var binding: BindingResult
    var currentInput: Value?
    var result = CmdletHarness.Run()
    let memoryHost = MemoryHost()
    let sessionState: HarnessSession

    init(harness: CmdletHarness, declaration: CommandDeclaration, binding: BindingResult) {
        self.harness = harness
        self.declaration = declaration
        self.binding = binding
        self.sessionState = HarnessSession(environment: ["MIGSH_HOME": harness.home])
    }

    var commandName: String { declaration.name }
    var parameters: BoundParameters { binding.parameters }
    var parameterSetName: String { binding.parameterSetName }
    func write(_ value: Value) { result.output.append(value) }
    func writeError(_ record: ErrorRecord) { result.errors.append(record) }
    func writeWarning(_ message: String) { result.warnings.append(message) }
    func writeVerbose(_ message: String) {}
    func writeDebug(_ message: String) {}
    func writeProgress(_ record: ProgressRecord) {}

    /// pwsh's rules: -WhatIf reports and skips; -Confirm (or a high-impact command without
    /// -Confirm:$false) asks, and asking fails when nobody can answer.
    func shouldProcess(target: String, action: String) throws -> Bool {
        if binding.common.whatIf == true {
            result.whatIf.append("What if: Performing the operation \"\(action)\" on target \"\(target)\".")
            return false
        }
        let mustAsk = binding.common.confirm ?? (declaration.confirmImpact == .high)
        guard mustAsk else { return true }
        guard !harness.confirmAnswers.isEmpty else {
            throw ErrorRecord(message: "PowerShell is in NonInteractive mode. Read and Prompt functionality is not available.",
                              errorId: "HostException", category: .invalidOperation)
        }
        return harness.confirmAnswers.removeFirst()
    }

    func invoke(_ block: ScriptBlock, dollarUnder: Value?, arguments: [Value]) throws -> [Value] { [] }
    func invokeScript(_ text: String) throws -> [Value] { [] }
    var host: PSHost { memoryHost }
    var session: SessionState { sessionState }
    var registry: CommandRegistry { harness.registry }
    var isStopping: Bool { false }
}

final class HarnessSession: SessionState {
    var variables: [String: Value] = [:]
    var currentDirectory = "/"
    let environment: [String: String]
    init(environment: [String: String]) { self.environment = environment }
    func variable(_ name: String) -> Value? { variables[name.lowercased()] }
    func setVariable(_ name: String, _ value: Value) { variables[name.lowercased()] = value }
    func resolvePath(_ path: String) throws -> String { path }
}

/// Short spellings for command lines in tests.
func arg(_ name: String, _ value: Value? = nil) -> CommandArgument { .named(name, value) }
func pos(_ value: Value) -> CommandArgument { .positional(value) }
func str(_ s: String) -> Value { .string(s) }
func csvBytes(_ text: String) -> Value { .bytes(PSBytes(Array(text.utf8))) }
