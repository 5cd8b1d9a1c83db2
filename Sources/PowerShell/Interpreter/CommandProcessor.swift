/// One command in a running pipeline: its cmdlet instance, binding and context.
final class CommandProcessor {
    let interpreter: Interpreter
    let cmdlet: Cmdlet
    let binder: ParameterBinder
    let binding: BindingResult
    let context: PipelineCommandContext
    let pipelineId: Int
    let index: Int
    let extent: SourceExtent?
    /// Compiled commands name themselves in their errors; script commands do not.
    let isCompiled: Bool
    /// Where `2>&1`, `2>$null`, `2> file` send this command's errors (nil: the error stream).
    var errorRedirect: ((ErrorRecord) throws -> Void)?

    init(interpreter: Interpreter, cmdlet: Cmdlet, binder: ParameterBinder, binding: BindingResult,
         pipelineId: Int, index: Int, extent: SourceExtent?, isCompiled: Bool) {
        self.interpreter = interpreter
        self.cmdlet = cmdlet
        self.binder = binder
        self.binding = binding
        self.pipelineId = pipelineId
        self.index = index
        self.extent = extent
        self.isCompiled = isCompiled
        context = PipelineCommandContext(interpreter: interpreter, declaration: binder.declaration, binding: binding)
        context.extent = extent
        directInput = binder.directInput(for: binding)
        if let directInput {
            directBinding = binding
            directBinding!.candidateSets = directInput.candidateSets
        }
    }

    /// Set when pipeline objects can be bound without the general binder (see `directInput`).
    private let directInput: DirectPipelineInput?
    /// The command-line binding with the set the direct input picks.
    private var directBinding: BindingResult?

    var downstream: Emit {
        get { context.downstream }
        set { context.downstream = newValue }
    }

    func begin() throws { try guarded { try cmdlet.begin(context) } }

    /// One pipeline object: bind it (a binding failure is a non-terminating error for this
    /// object), then run `process`.
    func receive(_ input: Value) throws {
        try interpreter.checkStop()
        if let direct = directInput, let base = directBinding, !(direct.mandatory && input.isNull) {
            // The same parameters for every object but one value: updated in place (no
            // dictionary copy per object); `end` puts the command-line binding back.
            if !directParametersInPlace {
                context.parameters = base.parameters
                context.parameterSetName = base.parameterSetName
                directParametersInPlace = true
            }
            context.parameters.setValue(input, lowercasedKey: direct.lowercasedName, name: direct.name)
            context.currentInput = input
            defer { context.currentInput = nil }
            try guarded { try cmdlet.process(context) }
            return
        }
        if directParametersInPlace { restoreCommandLineBinding() }
        var bound = binding
        if binder.takesPipelineInput {
            do { bound = try binder.bindPipelineInput(input, to: binding) } catch let e as ErrorRecord {
                var r = e
                if r.position == nil { r.position = extent }
                try guarded { context.writeError(r) }
                return
            }
        }
        context.parameters = bound.parameters
        context.parameterSetName = bound.parameterSetName
        context.currentInput = input
        defer {
            context.currentInput = nil
            context.parameters = binding.parameters
            context.parameterSetName = binding.parameterSetName
        }
        try guarded { try cmdlet.process(context) }
    }

    /// The first command of a pipeline without input runs `process` once.
    func processWithoutInput() throws { try guarded { try cmdlet.process(context) } }

    /// True while `context.parameters` holds the direct binding with the last object in it.
    private var directParametersInPlace = false

    private func restoreCommandLineBinding() {
        context.parameters = binding.parameters
        context.parameterSetName = binding.parameterSetName
        directParametersInPlace = false
    }

    func end() throws {
        if directParametersInPlace { restoreCommandLineBinding() }
        try guarded { try cmdlet.end(context) }
        if let name = context.common.outVariable {
            try interpreter.setVariable(name, .list(context.outVariableValues))
        }
    }

    /// Runs one phase: redirections in effect, stop requests turned into this pipeline's
    /// stop signal, the deferred error of a non-throwing write rethrown, errors located.
    private func guarded(_ body: () throws -> Void) throws {
        let savedRedirect = interpreter.errorRedirect
        if let errorRedirect { interpreter.errorRedirect = errorRedirect }
        defer { interpreter.errorRedirect = savedRedirect }
        do {
            try body()
            if let pending = context.pending { context.pending = nil; throw pending }
        } catch is StopUpstreamRequest {
            throw PipelineStopAt(pipeline: pipelineId, index: index)
        } catch var r as ErrorRecord {
            if isCompiled && r.commandName == nil { r.commandName = context.commandName }
            if r.position == nil { r.position = extent }
            throw r
        }
    }
}
