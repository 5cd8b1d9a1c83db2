/// How errors travel: non-terminating errors follow -ErrorAction/$ErrorActionPreference,
/// statement-terminating errors are reported where the statement failed (unless a `try`
/// is active or the preference is Stop), script-terminating ones end the script.
extension Interpreter {
    static let maximumErrorCount = 256

    /// Adds the record to `$Error` (newest first) and clears `$?`.
    func recordError(_ r: ErrorRecord) {
        lastSucceeded = false
        errorSerial += 1
        guard case .array(let list)? = global.local("Error")?.value else { return }
        list.items.insert(ErrorRecordValue.make(r), at: 0)
        if list.items.count > Self.maximumErrorCount { list.items.removeLast() }
    }

    /// Shows an error on the error stream (or where a redirection sends it).
    func emitError(_ r: ErrorRecord) throws {
        if let redirect = errorRedirect { try redirect(r) } else { errorPrinter(r) }
    }

    /// A non-terminating error written by a command.
    func writeNonTerminating(_ r: ErrorRecord, action: ActionPreference?, errorVariable: String?) throws {
        let effective = action ?? preference("ErrorActionPreference", default: .continue)
        if effective == .ignore { errorSerial += 1; lastSucceeded = false; return }
        appendErrorVariable(errorVariable, r)
        switch effective {
        case .stop:
            throw ScriptTerminatingError(record: r)
        case .silentlyContinue:
            recordError(r)
        default:
            recordError(r)
            try emitError(r)
        }
    }

    func appendErrorVariable(_ name: String?, _ r: ErrorRecord) {
        guard var name, !name.isEmpty else { return }
        let append = name.hasPrefix("+")
        if append { name.removeFirst() }
        let value = ErrorRecordValue.make(r)
        if append, case .array(let a)? = variable(name) { a.items.append(value) }
        else { try? setVariable(name, .list([value])) }
    }

    /// A terminating error reached a statement boundary: inside a `try` (or with
    /// `$ErrorActionPreference = 'Stop'`) it keeps going up; otherwise it is reported
    /// and the next statement runs, as in pwsh.
    func reportStatementError(_ error: Error) throws {
        guard let r = error as? ErrorRecord else { throw error }
        if tryDepth > 0 { throw r }
        let pref = preference("ErrorActionPreference", default: .continue)
        switch pref {
        case .stop: throw ScriptTerminatingError(record: r)
        case .ignore: errorSerial += 1; lastSucceeded = false
        case .silentlyContinue: recordError(r)
        default:
            recordError(r)
            try emitError(r)
        }
    }

    /// Adds the position of `extent` to an error that has none.
    func located(_ error: Error, _ extent: SourceExtent) -> Error {
        if var r = error as? ErrorRecord, r.position == nil { r.position = extent; return r }
        if var s = error as? ScriptTerminatingError, s.record.position == nil { s.record.position = extent; return s }
        return error
    }

    func runtimeError(_ message: String, id: String, category: ErrorCategory = .invalidOperation,
                      extent: SourceExtent? = nil, target: Value? = nil) -> ErrorRecord {
        ErrorRecord(message: message, errorId: id, category: category, targetObject: target, position: extent)
    }
}
