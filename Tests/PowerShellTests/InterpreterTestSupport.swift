import Foundation
@testable import PowerShell

/// Small commands for interpreter tests (the real builtins live in another layer).
final class TestWriteOutput: Cmdlet {
    func process(_ context: CommandContext) throws {
        for v in Conversion.enumerate(context.parameters["InputObject"] ?? .null) ?? [context.parameters["InputObject"] ?? .null] {
            context.write(v)
        }
    }
}

/// Counts how many objects a producer emitted, across threads.
final class ProducedCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var n = 0
    func increment() { lock.lock(); n += 1; lock.unlock() }
    var value: Int { lock.lock(); defer { lock.unlock() }; return n }
}

final class TestProduce: Cmdlet {
    let counter: ProducedCounter
    init(_ counter: ProducedCounter) { self.counter = counter }
    func process(_ context: CommandContext) throws {
        let count = context.parameters["Count"].flatMap { try? Conversion.toInt($0) } ?? 10
        for i in 1...count {
            if context.isStopping { return }
            counter.increment()
            context.write(.int(i))
        }
    }
}

final class TestTakeFirst: Cmdlet {
    var seen = 0
    func process(_ context: CommandContext) throws {
        let n = (try? Conversion.toInt(context.parameters["First"] ?? .int(1))) ?? 1
        guard let input = context.currentInput else { return }
        seen += 1
        context.write(input)
        if seen >= n { try context.stopUpstream() }
    }
    func end(_ context: CommandContext) throws { context.write(.string("end:\(seen)")) }
}

final class TestWriteError: Cmdlet {
    func process(_ context: CommandContext) throws {
        context.writeError(ErrorRecord(message: context.parameters.string("Message") ?? "", errorId: "WriteErrorException"))
    }
}

final class TestForEach: Cmdlet {
    func process(_ context: CommandContext) throws {
        guard case .scriptBlock(let sb)? = context.parameters["Process"] else { return }
        for v in try context.invokeInCurrentScope(sb, dollarUnder: context.currentInput) { context.write(v) }
    }
}

final class TestRemove: Cmdlet {
    func process(_ context: CommandContext) throws {
        let target = context.parameters.string("Name") ?? ""
        if try context.shouldProcess(target: target, action: "Remove-Thing") { context.write(.string("removed \(target)")) }
    }
}

final class TestIex: Cmdlet {
    func process(_ context: CommandContext) throws {
        for v in try context.invokeScript(context.parameters.string("Command") ?? "") { context.write(v) }
    }
}

enum InterpreterHarness {
    static func registry(counter: ProducedCounter = ProducedCounter()) -> CommandRegistry {
        let r = CommandRegistry()
        r.register(CommandDeclaration(name: "Write-Output", synopsis: "", parameters: [
            ParameterDeclaration("InputObject", .array(.object), sets: [.all(position: 0, valueFromPipeline: true)]),
        ], make: { TestWriteOutput() }))
        r.register(CommandDeclaration(name: "Test-Produce", synopsis: "", parameters: [
            ParameterDeclaration("Count", .int, sets: [.all(position: 0)]),
        ], make: { TestProduce(counter) }))
        r.register(CommandDeclaration(name: "Test-TakeFirst", synopsis: "", parameters: [
            ParameterDeclaration("InputObject", .object, sets: [.all(valueFromPipeline: true)]),
            ParameterDeclaration("First", .int),
        ], make: { TestTakeFirst() }))
        r.register(CommandDeclaration(name: "Write-Error", synopsis: "", parameters: [
            ParameterDeclaration("Message", .string, sets: [.all(position: 0)]),
        ], make: { TestWriteError() }))
        r.register(CommandDeclaration(name: "ForEach-Object", synopsis: "", parameters: [
            ParameterDeclaration("Process", .scriptBlock, sets: [.all(position: 0)]),
            ParameterDeclaration("InputObject", .object, sets: [.all(valueFromPipeline: true)]),
        ], make: { TestForEach() }))
        r.register(CommandDeclaration(name: "Remove-Thing", synopsis: "", parameters: [
            ParameterDeclaration("Name", .string, sets: [.all(position: 0)]),
        ], supportsShouldProcess: true, confirmImpact: .high, make: { TestRemove() }))
        r.register(CommandDeclaration(name: "Invoke-Expression", synopsis: "", parameters: [
            ParameterDeclaration("Command", .string, sets: [.all(position: 0)]),
        ], make: { TestIex() }))
        r.registerAlias("echo", for: "Write-Output")
        r.registerAlias("%", for: "ForEach-Object")
        r.registerAlias("iex", for: "Invoke-Expression")
        return r
    }

    struct Result {
        var output: [String]
        var errors: [String]
        var code: Int32
        var host: MemoryHost
        var runspace: Runspace
        var text: String { output.joined(separator: "\n") }
    }

    /// Runs script text as `-Command` would; output lines are the objects' string forms.
    static func run(_ script: String, host: MemoryHost = MemoryHost(), registry: CommandRegistry? = nil) -> Result {
        let rs = Runspace(host: host, registry: registry ?? Self.registry())
        rs.errorPrinter = { r in host.writeErrorText((r.commandName.map { $0 + ": " } ?? "") + r.message) }
        let code = rs.execute(script)
        return Result(output: host.output, errors: host.errors, code: code, host: host, runspace: rs)
    }
}

final class TestStreams: Cmdlet {
    func process(_ context: CommandContext) throws {
        context.writeWarning("careful")
        context.writeVerbose("details")
        context.writeDebug("internals")
        context.writeProgress(ProgressRecord(activity: "Copying", status: "1 of 2", percentComplete: 50))
        context.write(.string("done"))
    }
}

extension InterpreterHarness {
    static func streamsRegistry() -> CommandRegistry {
        let r = registry()
        r.register(CommandDeclaration(name: "Test-Streams", synopsis: "", make: { TestStreams() }))
        return r
    }
}
