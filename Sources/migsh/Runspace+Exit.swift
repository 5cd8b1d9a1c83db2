import PowerShell

extension Runspace {
    /// Runs text and also tells whether it ran `exit` (the REPL and `-Command -` then end).
    /// The runtime reports `exit N` only by setting `$LASTEXITCODE`, so a marker value is
    /// placed there first; if the marker survives, the text did not exit and the old value
    /// comes back.
    func executeNoticingExit(_ text: String) -> (code: Int32, exited: Bool) {
        let marker = Int32.min + 7
        let saved = lastExitCode
        lastExitCode = marker
        let code = execute(text)
        if lastExitCode == marker {
            lastExitCode = saved
            return (code, false)
        }
        return (code, true)
    }
}
