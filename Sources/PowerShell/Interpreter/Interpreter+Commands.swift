import Foundation

/// What a command name resolves to.
enum CommandTarget {
    case cmdlet(CommandDeclaration)
    case script(FunctionInfo, dotSource: Bool)
    /// An executable file: its path and the name it was called by.
    case external(path: String, name: String)
}

extension Interpreter {
    func makeProcessor(_ c: CommandAst, pipelineId: Int, index: Int, expectingInput: Bool) throws -> CommandProcessor {
        let target = try at(c.name.extent) { try resolveCommand(c) }
        let arguments = try commandArguments(c)
        if case .external(let path, let name) = target {
            let d = ExternalCommand.declaration(name: name)
            var options = BindingOptions()
            options.expectingInput = expectingInput
            let binder = ParameterBinder(declaration: d, options: options)
            let binding = try at(c.extent) { try binder.bind([], host: host) }
            let command = ExternalCommand(path: path, arguments: nativeArguments(arguments), interpreter: self,
                                          pipelineId: pipelineId, takesInput: expectingInput)
            return CommandProcessor(interpreter: self, cmdlet: command, binder: binder, binding: binding,
                                    pipelineId: pipelineId, index: index, extent: c.extent, isCompiled: true)
        }
        return try at(c.extent) {
            try processor(for: target, arguments: arguments, pipelineId: pipelineId, index: index,
                          expectingInput: expectingInput, extent: c.extent)
        }
    }

    func processor(for target: CommandTarget, arguments: [CommandArgument], pipelineId: Int, index: Int,
                   expectingInput: Bool, extent: SourceExtent?) throws -> CommandProcessor {
        switch target {
        case .cmdlet(let d):
            var options = BindingOptions()
            options.expectingInput = expectingInput
            options.pipelinePosition = index + 1
            let binder = ParameterBinder(declaration: d, options: options)
            let binding = try binder.bind(arguments, host: host)
            return CommandProcessor(interpreter: self, cmdlet: d.make(), binder: binder, binding: binding,
                                    pipelineId: pipelineId, index: index, extent: extent, isCompiled: true)
        case .external(let path, let name):
            // Reached through `&` or Get-Command objects: no arguments were parsed for a program here.
            return try processor(for: .cmdlet(CommandDeclaration(name: name, synopsis: "",
                make: { ExternalCommand(path: path, arguments: [], interpreter: self, pipelineId: pipelineId, takesInput: expectingInput) })),
                arguments: arguments, pipelineId: pipelineId, index: index, expectingInput: expectingInput, extent: extent)
        case .script(let info, let dot):
            let sig = try signature(for: info)
            var options = sig.options
            options.expectingInput = expectingInput
            options.pipelinePosition = index + 1
            let binder = ParameterBinder(declaration: sig.declaration, options: options)
            let binding = try binder.bind(arguments, host: host)
            let cmd = ScriptCommand(interpreter: self, info: info, signature: sig, dotSource: dot,
                                    extraArguments: binding.extraArguments)
            return CommandProcessor(interpreter: self, cmdlet: cmd, binder: binder, binding: binding,
                                    pipelineId: pipelineId, index: index, extent: extent, isCompiled: false)
        }
    }

    // MARK: - Resolution

    func resolveCommand(_ c: CommandAst) throws -> CommandTarget {
        let dot = c.invocationOperator == .dot
        if c.invocationOperator == .none, let name = c.literalName {
            return try resolveCommand(named: name, dotSource: false, extent: c.name.extent)
        }
        let value = try evaluate(c.name)
        switch value {
        case .scriptBlock(let sb):
            return .script(FunctionInfo(name: "", kind: .scriptBlock, body: sb.ast), dotSource: dot)
        case .string(let s):
            return try resolveCommand(named: s, dotSource: dot, extent: c.extent)
        case .object(let o) where o.typeNames.contains { $0.hasSuffix("CmdletInfo") || $0.hasSuffix("CommandInfo") }:
            return try resolveCommand(named: toString(o["Name"] ?? .null), dotSource: dot, extent: c.extent)
        default:
            throw runtimeError("The expression after '&' in a pipeline element produced an object that was not valid. It must result in a command name, a script block, or a CommandInfo object.",
                               id: "BadExpression", extent: c.extent)
        }
    }

    /// Alias, then function, then cmdlet (pwsh's precedence); a path runs a script file.
    func resolveCommand(named name: String, dotSource: Bool, extent: SourceExtent?) throws -> CommandTarget {
        if name.contains("/") || name.contains("\\") || name.lowercased().hasSuffix(".ps1") {
            return try scriptFileTarget(name, dotSource: dotSource, extent: extent)
        }
        if let target = registry.aliasTarget(name) {
            if let f = currentScope.function(target) { return .script(f, dotSource: dotSource) }
            if let d = registry.lookup(target) { return .cmdlet(d) }
        }
        if let f = currentScope.function(name) { return .script(f, dotSource: dotSource) }
        if let d = registry.lookup(name) { return .cmdlet(d) }
        if let program = findExecutable(name) { return .external(path: program, name: name) }
        throw commandNotFound(name, extent)
    }

    func commandNotFound(_ name: String, _ extent: SourceExtent?) -> ErrorRecord {
        ErrorRecord(message: "The term '\(name)' is not recognized as a name of a cmdlet, function, script file, or executable program.\nCheck the spelling of the name, or if a path was included, verify that the path is correct and try again.",
                    errorId: "CommandNotFoundException", category: .objectNotFound, targetObject: .string(name),
                    exceptionType: "System.Management.Automation.CommandNotFoundException", commandName: name, position: extent)
    }

    func scriptFileTarget(_ name: String, dotSource: Bool, extent: SourceExtent?) throws -> CommandTarget {
        let path: String
        do { path = try session.resolvePath(name) } catch { throw commandNotFound(name, extent) }
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDir), !isDir.boolValue else {
            throw commandNotFound(name, extent)
        }
        guard path.lowercased().hasSuffix(".ps1") else {
            guard FileManager.default.isExecutableFile(atPath: path) else { throw commandNotFound(name, extent) }
            return .external(path: path, name: name)
        }
        let text: String
        do { text = try String(contentsOfFile: path, encoding: .utf8) } catch {
            throw ErrorRecord(message: "Cannot read script '\(path)': \(error.localizedDescription)", errorId: "ScriptReadError",
                              category: .readError, commandName: name, position: extent)
        }
        let ast = try parseForInvocation(text, file: path)
        return .script(FunctionInfo(name: (path as NSString).lastPathComponent, kind: .scriptFile(path), body: ast), dotSource: dotSource)
    }

    private func findExecutable(_ name: String) -> String? {
        guard !name.isEmpty, !name.contains(" ") else { return nil }
        for dir in (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":") {
            let candidate = "\(dir)/\(name)"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }

    /// Parses text to run (a script file, Invoke-Expression, `[scriptblock]::Create`); a
    /// syntax error is a terminating error carrying the first parse error.
    func parseForInvocation(_ text: String, file: String?) throws -> ScriptBlockAst {
        let result = Parser.parse(text, file: file)
        if let first = result.errors.first {
            throw ErrorRecord(message: first.message, errorId: first.id, category: .parserError,
                              exceptionType: "System.Management.Automation.ParseException", position: first.extent)
        }
        return result.ast
    }

    // MARK: - Arguments

    func commandArguments(_ c: CommandAst) throws -> [CommandArgument] {
        var out: [CommandArgument] = []
        for element in c.elements {
            switch element {
            case .parameter(let p):
                var value: Value?
                if let argument = p.argument { value = try at(argument.extent) { try evaluate(argument) } }
                out.append(CommandArgument(.parameter(name: p.name, argument: value), text: "-" + p.name, extent: p.extent))
            case .argument(let e):
                let value = try at(e.extent) { try evaluate(e) }
                out.append(CommandArgument(.positional(value), text: argumentText(e), extent: e.extent))
            case .splat(let v):
                let value = try readVariable(v)
                switch value {
                case .hashtable(let h):
                    for (k, item) in h.entries {
                        out.append(CommandArgument(.parameter(name: toString(k), argument: item), text: "-" + toString(k), extent: v.extent))
                    }
                case .array(let a):
                    for item in a.items {
                        if let name = ParameterToken.name(of: item) {
                            out.append(CommandArgument(.parameter(name: name, argument: nil), text: "-" + name, extent: v.extent))
                        } else {
                            out.append(CommandArgument(.positional(item), extent: v.extent))
                        }
                    }
                case .null: break
                default: out.append(CommandArgument(.positional(value), extent: v.extent))
                }
            }
        }
        return out
    }

    /// A program's argv as pwsh builds it: each value is one argument (arrays give one per
    /// element), parameter tokens pass as written, `-Name:value` as one argument.
    func nativeArguments(_ arguments: [CommandArgument]) -> [String] {
        var argv: [String] = []
        func add(_ v: Value) {
            if let items = Conversion.enumerate(v) { items.forEach(add); return }
            if v.isNull { return }
            argv.append(toString(v))
        }
        for a in arguments {
            switch a.kind {
            case .parameter(let name, let value?): argv.append("-" + name + ":" + toString(value))
            case .parameter(let name, nil): argv.append(a.text ?? "-" + name)
            case .positional(let v): add(v)
            }
        }
        return argv
    }

    /// How a positional argument is quoted in binder errors: its value for constants, else its text.
    private func argumentText(_ e: Expression) -> String {
        if case .string(let s) = e { return s.value }
        return e.extent.text
    }
}
