import Foundation

/// ForEach-Object: runs script blocks per input object (-Begin/-Process/-End, and pwsh's
/// positional `% {begin} {process} {end}` form), or reads a property / calls a method by name.
final class ForEachObjectCommand: Cmdlet {
    static let declaration = CommandDeclaration(
        name: "ForEach-Object", synopsis: "Performs an operation against each item in a collection of input objects.",
        description: "Runs the -Process script block once per input object with $_ set to it (-Begin before the first, -End after the last), or, with -MemberName, writes a property of each object or calls a method on it.",
        parameters: [
            Builtin.inputObject,
            ParameterDeclaration("Begin", .scriptBlock, sets: [ParameterSetMembership("ScriptBlockSet")],
                                 help: "Runs once before the first input object."),
            // Typed Object[] (pwsh: ScriptBlock[]) so that `ForEach-Object Identity` given by position
            // still reaches the command, which then treats the text as a member name.
            ParameterDeclaration("Process", .array(.object), sets: [ParameterSetMembership("ScriptBlockSet", position: 0, mandatory: true)],
                                 help: "Runs once per input object, with $_ set to it."),
            ParameterDeclaration("End", .scriptBlock, sets: [ParameterSetMembership("ScriptBlockSet")],
                                 help: "Runs once after the last input object."),
            ParameterDeclaration("RemainingScripts", .array(.scriptBlock), sets: [ParameterSetMembership("ScriptBlockSet")],
                                 help: "Further script blocks (the positional begin/process/end form)."),
            ParameterDeclaration("MemberName", .string, sets: [ParameterSetMembership("PropertyAndMethodSet", position: 0, mandatory: true)],
                                 help: "The property to read or method to call on each object."),
            // The one parameter that collects surplus positional arguments, in both sets: method
            // arguments (`% Replace '-' '+'`) or the extra blocks of `% {begin} {process} {end}`.
            Builtin.remaining(ParameterDeclaration("ArgumentList", .array(.object), aliases: ["Args"],
                                                   sets: [ParameterSetMembership("PropertyAndMethodSet"), ParameterSetMembership("ScriptBlockSet")],
                                                   help: "Arguments for the method named by -MemberName.")),
        ],
        defaultParameterSet: "ScriptBlockSet",
        examples: [
            CommandExample("1..3 | ForEach-Object { $_ * 2 }", "Doubles each number."),
            CommandExample("Get-MigrationBatch | % Identity", "Writes each batch's identity."),
            CommandExample("'a','b' | ForEach-Object -MemberName ToUpper", "Calls ToUpper() on each string."),
            CommandExample("1..5 | ForEach-Object -Begin { $sum = 0 } -Process { $sum += $_ } -End { $sum }", "Sums the numbers."),
        ],
        make: { ForEachObjectCommand() })

    private var begin: ScriptBlock?
    private var processBlocks: [ScriptBlock] = []
    private var end: ScriptBlock?
    private var member: String?
    private var arguments: [Value] = []

    func begin(_ context: CommandContext) throws {
        let p = context.parameters
        if let name = p.string("MemberName") { member = name; arguments = Builtin.items(p["ArgumentList"]); return }
        let positional = Builtin.items(p["Process"])
        if positional.count == 1, !Self.isBlock(positional[0]) {
            member = Conversion.toString(positional[0]); arguments = Builtin.items(p["ArgumentList"]); return
        }
        var blocks = positional.compactMap { v -> ScriptBlock? in if case .scriptBlock(let b) = v { return b }; return nil }
        blocks += (Builtin.items(p["RemainingScripts"]) + Builtin.items(p["ArgumentList"])).compactMap { v -> ScriptBlock? in
            if case .scriptBlock(let b) = v { return b }
            return nil
        }
        begin = p["Begin"].flatMap { if case .scriptBlock(let b) = $0 { return b }; return nil }
        end = p["End"].flatMap { if case .scriptBlock(let b) = $0 { return b }; return nil }
        // pwsh's positional form: two blocks are begin+process, three or more are begin, process..., end.
        if begin == nil && end == nil && blocks.count >= 2 {
            begin = blocks.removeFirst()
            if blocks.count >= 2 { end = blocks.removeLast() }
        }
        processBlocks = blocks
        if let begin { for v in try context.invokeInCurrentScope(begin, dollarUnder: nil) { context.write(v) } }
    }

    private static func isBlock(_ v: Value) -> Bool { if case .scriptBlock = v { return true }; return false }

    func process(_ context: CommandContext) throws {
        guard let input = Builtin.input(context) else { return }
        if let member {
            try invokeMember(member, on: input, context)
            return
        }
        for block in processBlocks {
            for v in try context.invokeInCurrentScope(block, dollarUnder: input) { context.write(v) }
        }
    }

    func end(_ context: CommandContext) throws {
        if let end { for v in try context.invokeInCurrentScope(end, dollarUnder: nil) { context.write(v) } }
    }

    private func invokeMember(_ name: String, on input: Value, _ context: CommandContext) throws {
        if input.isNull { return }
        let env = DotNetEnvironment(session: context.session, invoke: { try context.invoke($0, dollarUnder: $1, arguments: $2) })
        if arguments.isEmpty {
            let hasProperty: Bool
            switch input {
            case .object(let o): hasProperty = o.hasProperty(name)
            case .hashtable(let h): hasProperty = h.containsKey(.string(name))
            default: hasProperty = false
            }
            if hasProperty || DotNet.property(of: input, name: name) != nil {
                let value = Builtin.property(input, name)
                for v in Conversion.enumerate(value) ?? [value] { context.write(v) }
                return
            }
        }
        if let result = try DotNet.invokeMethod(on: input, name: name, arguments: arguments, environment: env) {
            if !result.isNull { context.write(result) }
            return
        }
        if arguments.isEmpty { return }   // a missing property writes nothing
        throw Builtin.error(context, "Method invocation failed because [\(Conversion.typeName(of: input))] does not contain a method named '\(name)'.",
                            id: "MethodNotFound", category: .invalidOperation, target: input,
                            exception: "System.Management.Automation.RuntimeException")
    }
}
