/// Turns a script's `param()` block into a `CommandDeclaration`, so functions, script
/// blocks and script files bind through the same binder as cmdlets.
extension Interpreter {
    func signature(for info: FunctionInfo) throws -> ScriptSignature {
        if let s = info.signature { return s }
        var supportsShouldProcess = false
        var confirmImpact = ConfirmImpact.medium
        var defaultSet: String?
        var positionalBinding = true
        var advanced = false
        for a in info.attributes where a.typeName.name.lowercased() == "cmdletbinding" {
            advanced = true
            for arg in a.namedArguments {
                let value = try arg.value.map(evaluate) ?? .bool(true)
                switch arg.name.lowercased() {
                case "supportsshouldprocess": supportsShouldProcess = Conversion.toBool(value)
                case "confirmimpact": confirmImpact = ConfirmImpact(rawValue: capitalized(toString(value))) ?? .medium
                case "defaultparametersetname": defaultSet = toString(value)
                case "positionalbinding": positionalBinding = Conversion.toBool(value)
                default: break
                }
            }
        }
        var declarations: [ParameterDeclaration] = []
        var asts: [String: ParameterAst] = [:]
        var anyExplicitPosition = false
        for p in info.parameters {
            let (decl, isAdvanced, explicitPosition) = try parameterDeclaration(p)
            advanced = advanced || isAdvanced
            anyExplicitPosition = anyExplicitPosition || explicitPosition
            declarations.append(decl)
            asts[decl.name.lowercased()] = p
        }
        if positionalBinding && !anyExplicitPosition {
            var position = 0
            for i in declarations.indices where !declarations[i].isSwitch {
                declarations[i].sets = declarations[i].sets.map { m in
                    var m = m
                    m.position = position
                    return m
                }
                position += 1
            }
        }
        let name = info.name
        let declaration = CommandDeclaration(name: name, synopsis: "", parameters: declarations,
                                             defaultParameterSet: defaultSet, supportsShouldProcess: supportsShouldProcess,
                                             confirmImpact: confirmImpact, make: { NullCmdlet() })
        var options = BindingOptions()
        options.isScript = true
        options.collectsExtraArguments = !advanced
        options.hasCommonParameters = advanced
        let sig = ScriptSignature(declaration: declaration, options: options, parameterAsts: asts)
        info.signature = sig
        return sig
    }

    private func capitalized(_ s: String) -> String { s.prefix(1).uppercased() + s.dropFirst().lowercased() }

    /// One parameter from its attributes: `[Parameter(...)]` (one per set), `[Alias()]`,
    /// `[ValidateSet()]`, `[ValidateRange()]`, `[ValidateLength()]`, `[ValidateNotNullOrEmpty()]`.
    private func parameterDeclaration(_ p: ParameterAst) throws -> (ParameterDeclaration, Bool, Bool) {
        let type = try p.typeConstraint.map(resolveType) ?? .object
        var decl = ParameterDeclaration(p.name.path.name, type)
        var memberships: [ParameterSetMembership] = []
        var advanced = false
        var explicitPosition = false
        for a in p.attributes {
            var positional = try a.positionalArguments.map(evaluate).flatMap { Conversion.enumerate($0) ?? [$0] }
            // The parser reads a bare number in an attribute (`[ValidateRange(1, 10)]`) as a
            // flag-style named argument; it is a positional value.
            for arg in a.namedArguments where arg.value == nil {
                if let n = NumberFormatting.parse(arg.name), !arg.name.isEmpty { positional.append(n) }
            }
            switch a.typeName.name.lowercased() {
            case "parameter":
                advanced = true
                var m = ParameterSetMembership()
                for arg in a.namedArguments {
                    let value = try arg.value.map(evaluate) ?? .bool(true)
                    switch arg.name.lowercased() {
                    case "mandatory": m.mandatory = Conversion.toBool(value)
                    case "position": m.position = try Conversion.toInt(value); explicitPosition = true
                    case "valuefrompipeline": m.valueFromPipeline = Conversion.toBool(value)
                    case "valuefrompipelinebypropertyname": m.valueFromPipelineByPropertyName = Conversion.toBool(value)
                    case "parametersetname": m.setName = toString(value)
                    case "helpmessage": decl.help = toString(value)
                    case "valuefromremainingarguments": decl.valueFromRemainingArguments = Conversion.toBool(value)
                    default: break
                    }
                }
                memberships.append(m)
            case "alias": decl.aliases += positional.map(toString)
            case "validateset": decl.validateSet = positional.map(toString)
            case "validaterange":
                if positional.count == 2 { decl.range = try Conversion.toInt(positional[0])...Conversion.toInt(positional[1]) }
            case "validatelength":
                if positional.count == 2 {
                    decl.maxLength = try Conversion.toInt(positional[1])
                    decl.validations.append(.minLength(try Conversion.toInt(positional[0])))
                }
            case "validatepattern":
                if let pattern = positional.first { decl.validations.append(.pattern(toString(pattern))) }
            case "validatecount":
                if positional.count == 2 {
                    decl.validations.append(.count(try Conversion.toInt(positional[0]), try Conversion.toInt(positional[1])))
                }
            case "validatescript":
                if case .scriptBlock(let block)? = positional.first {
                    let runner = ValidationScriptRunner(self, block)
                    decl.validations.append(.script(block.text) { try runner.run($0) })
                }
            case "validatenotnullorempty", "validatenotnull": decl.validateNotNullOrEmpty = true
            case "cmdletbinding", "outputtype", "supportswildcards", "allownull", "allowemptystring", "allowemptycollection":
                break   // accepted: they change nothing a runbook can observe here
            default:
                // A type written as an attribute (`[string][Parameter()]` order variants).
                if p.typeConstraint == nil, let t = TypeResolver.resolve(a.typeName.fullName) { decl.type = t }
            }
        }
        if !memberships.isEmpty { decl.sets = memberships }
        return (decl, advanced, explicitPosition)
    }

    /// Invokes a script block as cmdlets do (ForEach-Object, Where-Object, `.Invoke()`):
    /// `$_` set, arguments bound to its `param()` or left in `$args`; returns its output.
    func invokeScriptBlock(_ block: ScriptBlock, dollarUnder: Value?, arguments: [Value], newScope: Bool) throws -> [Value] {
        let scope = newScope ? Scope(parent: currentScope) : currentScope
        let info = FunctionInfo(name: "", kind: .scriptBlock, body: block.ast)
        // In the caller's scope, `$_` and `$args` are put back afterwards.
        let savedUnder = newScope ? nil : scope.local("_")
        let savedArgs = newScope ? nil : scope.local("args")
        defer {
            if !newScope {
                if let savedUnder { scope.setLocal("_", savedUnder) } else { _ = scope.removeLocal("_") }
                if let savedArgs { scope.setLocal("args", savedArgs) } else { _ = scope.removeLocal("args") }
            }
        }
        return try withScope(scope) {
            try withCallDepth {
                if let d = dollarUnder { scope.setLocal("_", PSVariable(d)) }
                if info.parameters.isEmpty {
                    scope.setLocal("args", PSVariable(.list(arguments)))
                    return try collect { emit in
                        do {
                            if let p = block.ast.processBlock { try executeStatements(p.statements, emit) }
                            if let e = block.ast.endBlock { try executeStatements(e.statements, emit) }
                        } catch is ReturnSignal {}
                    }
                }
                let target = CommandTarget.script(info, dotSource: true)
                let proc = try processor(for: target, arguments: arguments.map { .positional($0) }, pipelineId: newPipelineId(),
                                         index: 0, expectingInput: false, extent: block.ast.extent)
                var out: [Value] = []
                proc.downstream = { out.append($0) }
                try runProcessors([proc], pipelineId: proc.pipelineId) { try proc.processWithoutInput() }
                return out
            }
        }
    }
}

/// The `make` of a script's declaration: scripts run through `ScriptCommand`, never this.
final class NullCmdlet: Cmdlet {}

/// Runs a `[ValidateScript({...})]` block for the binder, with `$_` set to the argument.
/// The binder calls it synchronously on the interpreter's own thread.
final class ValidationScriptRunner: @unchecked Sendable {
    unowned let interpreter: Interpreter
    let block: ScriptBlock
    init(_ interpreter: Interpreter, _ block: ScriptBlock) { self.interpreter = interpreter; self.block = block }

    func run(_ item: Value) throws -> Bool {
        let out = try interpreter.invokeScriptBlock(block, dollarUnder: item, arguments: [], newScope: true)
        return Conversion.toBool(out.count == 1 ? out[0] : .list(out))
    }
}
