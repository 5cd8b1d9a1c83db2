import Foundation

extension Interpreter {
    // MARK: - switch

    /// Every matching clause runs (unless `break`); `continue` moves to the next input item;
    /// an array input is matched element by element with `$_` set.
    func executeSwitch(_ s: SwitchStatementAst, _ emit: Emit) throws {
        let saved = currentScope.local("_")
        defer {
            if let saved { currentScope.setLocal("_", saved) } else { _ = currentScope.removeLocal("_") }
        }
        let caseSensitive = s.flags.contains(.caseSensitive)
        var stop = false
        let input: ((Value) throws -> Bool) throws -> Void = s.flags.contains(.file)
            ? { body in try self.forEachLineOfSwitchFile(s, body) }
            : { body in try self.forEachValue(of: s.condition, body) }
        try input { item in
            try checkStop()
            currentScope.setLocal("_", PSVariable(item))
            var matched = false
            do {
                for clause in s.clauses where try switchMatches(clause.pattern, item, s.flags, caseSensitive) {
                    matched = true
                    try executeStatements(clause.body.statements, emit)
                }
                if !matched, let d = s.defaultBody { try executeStatements(d.statements, emit) }
            } catch let b as BreakSignal where targets(b.label, s.label) {
                stop = true
            } catch let c as ContinueSignal where targets(c.label, s.label) {
                return true
            }
            return !stop
        }
    }

    /// `switch -File path`: each line of the file (drive mapping applies), read as it goes.
    func forEachLineOfSwitchFile(_ s: SwitchStatementAst, _ body: (Value) throws -> Bool) throws {
        let raw = toString(scalarize(try collect { try execute(s.condition, $0) }))
        let extent = s.condition.node.extent
        if raw.isEmpty {
            throw runtimeError("The file name argument to -file in the switch statement is not valid.",
                               id: "InvalidFilenameOption", extent: extent)
        }
        let path: String
        do { path = try session.resolvePath(raw) } catch { throw located(error, extent) }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue else {
            throw runtimeError("Cannot find path '\(raw)' because it does not exist.", id: "PathNotFound",
                               category: .objectNotFound, extent: extent, target: .string(raw))
        }
        guard let reader = LineReader(path: path) else {
            throw runtimeError("The file could not be read: \(raw).", id: "FileReadError", category: .readError, extent: extent)
        }
        while let line = reader.next() {
            if try !body(.string(line)) { return }
        }
    }

    func switchMatches(_ pattern: Expression, _ item: Value, _ flags: SwitchFlags, _ caseSensitive: Bool) throws -> Bool {
        if case .scriptBlock(let sb) = pattern {
            let result = try invokeScriptBlock(ScriptBlock(ast: sb.scriptBlock), dollarUnder: item, arguments: [], newScope: false)
            return Conversion.toBool(scalarize(result))
        }
        let p = try evaluate(pattern)
        if flags.contains(.regex) {
            guard let m = try StringOperators.match(toString(item), pattern: toString(p), caseSensitive: caseSensitive) else { return false }
            try setVariable("Matches", .hashtable(m))
            return true
        }
        if flags.contains(.wildcard) {
            return StringOperators.like(toString(item), pattern: toString(p), caseSensitive: caseSensitive)
        }
        if case .string = item { return Comparison.equals(item, p, caseSensitive: caseSensitive) }
        if case .string = p, !Conversion.isNumeric(item) { return Comparison.equals(.string(toString(item)), p, caseSensitive: caseSensitive) }
        return Comparison.equals(item, p, caseSensitive: caseSensitive)
    }

    // MARK: - try / catch / finally

    func executeTry(_ s: TryStatementAst, _ emit: Emit) throws {
        var pending: Error?
        do {
            tryDepth += 1
            defer { tryDepth -= 1 }
            try executeStatements(s.body.statements, emit)
        } catch {
            if let record = error.errorRecord {
                recordError(record)
                if let clause = try s.catches.first(where: { try catches($0, record) }) {
                    do { try runCatch(clause, record, emit) } catch { pending = error }
                } else {
                    pending = error
                }
            } else {
                pending = error
            }
        }
        if let f = s.finallyBody { try executeStatements(f.statements, emit) }
        if let pending { throw pending }
    }

    func runCatch(_ clause: CatchClauseAst, _ record: ErrorRecord, _ emit: Emit) throws {
        let saved = currentScope.local("_")
        currentScope.setLocal("_", PSVariable(ErrorRecordValue.make(record)))
        defer {
            if let saved { currentScope.setLocal("_", saved) } else { _ = currentScope.removeLocal("_") }
        }
        try executeStatements(clause.body.statements, emit)
    }

    /// Whether `catch [T1], [T2]` takes an error: by exception type name, with the few base
    /// classes scripts catch (System.Exception takes everything).
    func catches(_ clause: CatchClauseAst, _ record: ErrorRecord) throws -> Bool {
        if clause.types.isEmpty { return true }
        let actual = normalized(record.exceptionType)
        for t in clause.types {
            let wanted = normalized(t.fullName)
            if wanted == actual || wanted == "exception" || wanted == "systemexception" { return true }
            if wanted == "management.automation.runtimeexception" && actual.hasPrefix("management.automation.") { return true }
            if wanted == "io.ioexception" && actual.hasPrefix("io.") { return true }
            if wanted == "argumentexception" && (actual.hasPrefix("argument") || actual.hasSuffix("argumentexception")) { return true }
            if wanted == "management.automation.parameterbindingexception" && actual.hasSuffix("parameterbindingexception") { return true }
            if TypeResolver.resolve(t.fullName) == nil && !DotNet.isKnownType(t.fullName) && !t.fullName.lowercased().hasSuffix("exception") {
                throw TypeResolver.notFound(t.fullName)
            }
        }
        return false
    }

    private func normalized(_ name: String) -> String {
        let lower = name.lowercased()
        return lower.hasPrefix("system.") ? String(lower.dropFirst(7)) : lower
    }
}
