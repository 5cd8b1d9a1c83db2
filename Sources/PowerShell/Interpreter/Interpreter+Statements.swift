/// Where a statement's output goes.
typealias Emit = (Value) throws -> Void

extension Interpreter {
    /// Runs statements in order. A statement that fails with a (statement-)terminating error is
    /// reported and the next one runs, unless a `try` or the Stop preference wants the error.
    func executeStatements(_ statements: [Statement], _ emit: Emit) throws {
        for statement in statements {
            try checkStop()
            do { try execute(statement, emit) } catch {
                try reportStatementError(located(error, statement.extent))
            }
        }
    }

    func execute(_ statement: Statement, _ emit: Emit) throws {
        switch statement {
        case .pipeline(let p): try runPipeline(p, emit)
        case .assignment(let a):
            _ = try assign(a)
            lastSucceeded = true
        case .ifStatement(let s): try executeIf(s, emit)
        case .foreachStatement(let s): try executeForeach(s, emit)
        case .forStatement(let s): try executeFor(s, emit)
        case .whileStatement(let s):
            loop: while try condition(s.condition) {
                switch try runLoopBody(s.body, label: s.label, emit) {
                case .breakLoop: break loop
                case .next: continue
                }
            }
        case .doLoop(let s):
            loop: repeat {
                if case .breakLoop = try runLoopBody(s.body, label: s.label, emit) { break loop }
            } while try condition(s.condition) != s.isUntil
        case .switchStatement(let s): try executeSwitch(s, emit)
        case .tryStatement(let s): try executeTry(s, emit)
        case .functionDefinition(let f):
            currentScope.defineFunction(FunctionInfo(name: f.name, kind: f.isFilter ? .filter : .function,
                                                     body: f.body, parameters: f.parameters))
        case .flow(let f): try executeFlow(f, emit)
        case .error(let e):
            throw runtimeError("The statement could not be parsed.", id: "ParseError", category: .parserError, extent: e.extent)
        }
    }

    /// A condition's truth: `if ($x = Get-Foo)` assigns and tests.
    func condition(_ s: Statement) throws -> Bool { Conversion.toBool(try evaluateStatementValue(s)) }

    /// The value of a statement used as an expression: a lone expression keeps its value
    /// (an array stays one array); anything else collects its output (none → $null, one → it).
    func evaluateStatementValue(_ s: Statement) throws -> Value {
        switch s {
        case .pipeline(let p):
            if let e = p.pureExpression {
                do { return try evaluate(e) } catch { throw located(error, e.extent) }
            }
        case .assignment(let a): return try assign(a)
        default: break
        }
        return scalarize(try collect { try execute(s, $0) })
    }

    func collect(_ body: (Emit) throws -> Void) throws -> [Value] {
        var out: [Value] = []
        try body { out.append($0) }
        return out
    }

    func scalarize(_ values: [Value]) -> Value {
        switch values.count {
        case 0: return .null
        case 1: return values[0]
        default: return .list(values)
        }
    }

    // MARK: - if / loops

    func executeIf(_ s: IfStatementAst, _ emit: Emit) throws {
        for clause in s.clauses where try condition(clause.condition) {
            try executeStatements(clause.body.statements, emit)
            return
        }
        if let e = s.elseBody { try executeStatements(e.statements, emit) }
    }

    enum LoopOutcome { case next, breakLoop }

    /// Runs a loop body; `break`/`continue` without a label, or with this loop's label, end here.
    func runLoopBody(_ body: StatementBlockAst, label: String?, _ emit: Emit) throws -> LoopOutcome {
        do {
            try executeStatements(body.statements, emit)
            return .next
        } catch let b as BreakSignal where targets(b.label, label) {
            return .breakLoop
        } catch let c as ContinueSignal where targets(c.label, label) {
            return .next
        }
    }

    func targets(_ signal: String?, _ loop: String?) -> Bool {
        guard let signal else { return true }
        guard let loop else { return false }
        return signal.caseInsensitiveCompare(loop) == .orderedSame
    }

    func executeForeach(_ s: ForEachStatementAst, _ emit: Emit) throws {
        var stop = false
        try forEachValue(of: s.collection) { item in
            try checkStop()
            try assignVariable(s.variable.path, item)
            if case .breakLoop = try runLoopBody(s.body, label: s.label, emit) { stop = true }
            return !stop
        }
    }

    /// Iterates what a statement yields, lazily for ranges (`foreach ($i in 1..1e9)`).
    /// `body` returns false to stop.
    func forEachValue(of s: Statement, _ body: (Value) throws -> Bool) throws {
        if case .pipeline(let p) = s, let e = p.pureExpression {
            if case .binary(let b) = e, b.op == .range {
                try forEachInRange(b, body)
                return
            }
            let v = try evaluate(e)
            for item in Conversion.enumerate(v) ?? (v.isNull ? [] : [v]) where try !body(item) { return }
            return
        }
        for item in try collect({ try execute(s, $0) }) where try !body(item) { return }
    }

    func forEachInRange(_ b: BinaryExpressionAst, _ body: (Value) throws -> Bool) throws {
        let (from, to, isChar) = try Arithmetic.rangeBounds(try evaluate(b.left), try evaluate(b.right))
        let step = from <= to ? 1 : -1
        var i = from
        while true {
            let v: Value = isChar ? .string(String(Character(UnicodeScalar(UInt32(i)) ?? " "))) : .int(i)
            if try !body(v) { return }
            if i == to { return }
            i += step
        }
    }

    func executeFor(_ s: ForStatementAst, _ emit: Emit) throws {
        if let i = s.initializer { try execute(i, emit) }
        while true {
            try checkStop()
            if let c = s.condition, !(try condition(c)) { break }
            if case .breakLoop = try runLoopBody(s.body, label: s.label, emit) { break }
            if let it = s.iterator { try execute(it, { _ in }) }
        }
    }

    // MARK: - flow

    func executeFlow(_ f: FlowStatementAst, _ emit: Emit) throws {
        switch f.kind {
        case .return:
            if let p = f.pipeline { try execute(p, emit) }
            throw ReturnSignal()
        case .exit:
            let code = try f.pipeline.map { try Conversion.toInt(try evaluateStatementValue($0)) } ?? 0
            throw ExitSignal(code: Int32(truncatingIfNeeded: code))
        case .throw:
            let value = try f.pipeline.map { try evaluateStatementValue($0) }
            throw ScriptTerminatingError(record: thrownRecord(value, f.extent))
        case .break: throw BreakSignal(label: f.label)
        case .continue: throw ContinueSignal(label: f.label)
        }
    }

    /// The record `throw x` raises: an error value rethrows its record; anything else becomes its text.
    func thrownRecord(_ value: Value?, _ extent: SourceExtent) -> ErrorRecord {
        guard let value, !value.isNull else {
            return ErrorRecord(message: "ScriptHalted", errorId: "ScriptHalted", category: .operationStopped, position: extent)
        }
        if var r = ErrorRecordValue.record(from: value) {
            if r.position == nil { r.position = extent }
            return r
        }
        let text = toString(value)
        return ErrorRecord(message: text, errorId: text, category: .operationStopped, targetObject: value, position: extent)
    }
}
