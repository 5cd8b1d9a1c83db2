import Testing
@testable import PowerShell

@Suite struct RunspaceStreamTests {
    @Test func warningVerboseDebugFollowPreferences() {
        let r = InterpreterHarness.run("Test-Streams", registry: InterpreterHarness.streamsRegistry())
        #expect(r.host.hostText == "WARNING: careful\n")
        #expect(r.output == ["done"])
        let loud = InterpreterHarness.run("Test-Streams -Verbose -Debug", registry: InterpreterHarness.streamsRegistry())
        #expect(loud.host.hostText == "WARNING: careful\nVERBOSE: details\nDEBUG: internals\n")
        let quiet = InterpreterHarness.run("$WarningPreference = 'SilentlyContinue'; $VerbosePreference = 'Continue'; Test-Streams",
                                           registry: InterpreterHarness.streamsRegistry())
        #expect(quiet.host.hostText == "VERBOSE: details\n")
    }

    @Test func warningActionStopTerminates() {
        let r = InterpreterHarness.run("try { Test-Streams -WarningAction Stop } catch { 'caught' }", registry: InterpreterHarness.streamsRegistry())
        #expect(r.output == ["caught"], "\(r.errors)")
    }

    @Test func progressGoesToTheHandlerUnlessSilenced() {
        let host = MemoryHost()
        let rs = Runspace(host: host, registry: InterpreterHarness.streamsRegistry())
        let seen = ProducedCounter()
        rs.progressHandler = { record in if record.percentComplete == 50 { seen.increment() } }
        _ = rs.execute("Test-Streams")
        _ = rs.execute("$ProgressPreference = 'SilentlyContinue'; Test-Streams")
        #expect(seen.value == 1)
    }
}
