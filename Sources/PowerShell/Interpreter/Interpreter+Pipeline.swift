import Foundation

extension Interpreter {
    /// Runs `a | b | c`, push-based: each object flows through every command before the
    /// next is produced, so a command that has enough (Select-Object -First) stops the
    /// commands before it and the rest of the pipeline ends normally.
    func runPipeline(_ p: PipelineAst, _ emit: Emit) throws {
        try withoutActuallyEscaping(emit) { try runPipeline(p, escaping: $0) }
    }

    private func runPipeline(_ p: PipelineAst, escaping emit: @escaping Emit) throws {
        let errorsBefore = errorCount
        let id = newPipelineId()
        // A program that exits with a non-zero code leaves `$?` false, as in pwsh.
        defer { if errorCount == errorsBefore { lastSucceeded = failedNativePipeline != id } }
        if let e = p.pureExpression {
            try at(e.extent) { try emitExpression(e, emit) }
            return
        }
        if p.elements.count == 1, case .expression(let e) = p.elements[0] {
            try emitRedirected(e, emit)
            return
        }
        var head: CommandExpressionAst?
        var processors: [CommandProcessor] = []
        for (i, element) in p.elements.enumerated() {
            switch element {
            case .expression(let e): head = e
            case .command(let c):
                processors.append(try makeProcessor(c, pipelineId: id, index: processors.count, expectingInput: i > 0))
            }
        }
        var outputs: [Emit] = []
        for (k, processor) in processors.enumerated() {
            let next: Emit = k + 1 < processors.count ? processors[k + 1].receive : emit
            outputs.append(next)
            processor.downstream = next
        }
        var fileSinks: [() throws -> Void] = []
        for (k, element) in p.elements.enumerated() {
            guard case .command(let c) = element else { continue }
            let offset = head == nil ? k : k - 1
            if let finish = try applyRedirections(c.redirections, to: processors[offset]) { fileSinks.append(finish) }
        }
        try runProcessors(processors, pipelineId: id) {
            if let head {
                try at(head.extent) { try emitExpression(head.expression, processors[0].receive) }
            } else if let first = processors.first {
                try first.processWithoutInput()
            }
        }
        for finish in fileSinks { try finish() }
    }

    var errorCount: Int { errorSerial }

    /// `expr > file`, `expr >> file`, `expr > $null`: the expression's output goes to the file.
    private func emitRedirected(_ e: CommandExpressionAst, _ emit: @escaping Emit) throws {
        let values = try collect { out in try at(e.extent) { try emitExpression(e.expression, out) } }
        for r in e.redirections {
            guard r.from == .output || r.from == .all, case .file(let target, let append) = r.target else { continue }
            let path = try evaluate(target)
            if !path.isNull { try writeFile(values, path: toString(path), append: append) }
            return
        }
        for v in values { try emit(v) }
    }

    /// begin all, feed, end all; a stop request from command k ends commands k... only.
    func runProcessors(_ processors: [CommandProcessor], pipelineId: Int, feed: () throws -> Void) throws {
        var next = 0
        do {
            for p in processors { try p.begin() }
            try feed()
        } catch let s as PipelineStopAt where s.pipeline == pipelineId {
            next = s.index
        }
        while next < processors.count {
            do {
                try processors[next].end()
                next += 1
            } catch let s as PipelineStopAt where s.pipeline == pipelineId {
                next = max(next + 1, s.index)
            }
        }
    }
}
