/// Control transfers the interpreter implements with Swift errors. They pass through
/// commands and script blocks untouched; only the construct they target catches them.

struct BreakSignal: Error { let label: String? }
struct ContinueSignal: Error { let label: String? }
/// `return`: the values were already written; the current block ends.
struct ReturnSignal: Error {}
/// `exit N`: leaves the script (or the `.ps1` file run with `&`).
struct ExitSignal: Error { let code: Int32 }
/// An error that stops the whole script unless a `try` catches it: `throw`, `-ErrorAction Stop`,
/// or any error while `$ErrorActionPreference` is `Stop`.
struct ScriptTerminatingError: Error { var record: ErrorRecord }
/// A command in pipeline `pipeline` asked for no more input; commands from `index` on still end.
struct PipelineStopAt: Error { let pipeline: Int; let index: Int }

extension Error {
    /// The error record of a terminating error, nil for control flow.
    var errorRecord: ErrorRecord? {
        if let e = self as? ErrorRecord { return e }
        if let e = self as? ScriptTerminatingError { return e.record }
        return nil
    }
}
