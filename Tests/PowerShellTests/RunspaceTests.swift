import Foundation
import Testing
@testable import PowerShell

@Suite struct RunspaceTests {
    @Test func pipelinesStreamAndStopUpstream() {
        let counter = ProducedCounter()
        let r = InterpreterHarness.run("Test-Produce 100000000 | Test-TakeFirst -First 3", registry: InterpreterHarness.registry(counter: counter))
        #expect(r.output == ["1", "2", "3", "end:3"], "\(r.errors)")
        #expect(counter.value <= 4)
    }

    @Test func rangesAreLazyInPipelines() {
        let start = Date()
        let r = InterpreterHarness.run("1..100000000 | Test-TakeFirst -First 3; foreach ($i in 1..100000000) { if ($i -gt 2) { break }; $i }")
        #expect(r.output == ["1", "2", "3", "end:3", "1", "2"], "\(r.errors)")
        #expect(Date().timeIntervalSince(start) < 5)
    }

    @Test func stopInsideNestedScriptBlockPipeline() {
        let r = InterpreterHarness.run("1..100000000 | ForEach-Object { $_ * 2 } | Test-TakeFirst -First 2")
        #expect(r.output == ["2", "4", "end:2"], "\(r.errors)")
    }

    @Test func unboundedRecursionEndsWithCallDepthError() {
        let r = InterpreterHarness.run("function f($n) { f ($n + 1) }; f 0; 'not reached'")
        #expect(r.errors == ["The script failed due to call depth overflow."])
        #expect(r.output.isEmpty)
        #expect(r.code == 1)
    }

    @Test func stopEndsARunningLoop() async throws {
        let host = MemoryHost()
        let rs = Runspace(host: host, registry: InterpreterHarness.registry())
        let done = ProducedCounter()
        let thread = Thread {
            _ = rs.execute("while ($true) { $i++ }")
            done.increment()
        }
        thread.start()
        try await Task.sleep(nanoseconds: 200_000_000)
        rs.stop()
        for _ in 0..<100 where done.value == 0 { try await Task.sleep(nanoseconds: 50_000_000) }
        #expect(done.value == 1)
        // The runspace is usable again afterwards.
        #expect(rs.execute("'again'") == 0)
        #expect(host.output.last == "again")
    }

    @Test func errorVariableAndDollarQuestion() {
        let r = InterpreterHarness.run("""
        Write-Error 'first'
        $?
        'ok'
        $?
        $Error.Count
        $Error[0].Exception.Message
        "$($Error[0])"
        """)
        #expect(r.output == ["False", "ok", "True", "1", "first", "first"], "\(r.errors)")
        #expect(r.errors == ["Write-Error: first"])
    }

    @Test func errorActionStopMakesNonTerminatingCatchable() {
        let r = InterpreterHarness.run("""
        try { Write-Error 'soft' -ErrorAction Stop; 'not here' } catch { "caught: $_" }
        Write-Error 'quiet' -ErrorAction SilentlyContinue
        Write-Error 'ignored' -ea Ignore
        $Error.Count
        $ErrorActionPreference = 'Stop'
        try { Write-Error 'pref' } catch { 'pref caught' }
        """)
        #expect(r.output == ["caught: soft", "2", "pref caught"], "\(r.errors)")
        #expect(r.errors.isEmpty)
    }

    @Test func uncaughtStopEndsScriptWithExitOne() {
        let r = InterpreterHarness.run("Write-Error 'fatal' -ErrorAction Stop; 'never'")
        #expect(r.output.isEmpty)
        #expect(r.errors == ["Write-Error: fatal"])
        #expect(r.code == 1)
    }

    @Test func errorVariableCollects() {
        let r = InterpreterHarness.run("Write-Error 'e1' -ErrorVariable ev -ea SilentlyContinue; $ev.Count; \"$($ev[0])\"")
        #expect(r.output == ["1", "e1"])
    }

    @Test func environmentVariables() {
        let r = InterpreterHarness.run("$env:MIGSH_TEST_VAR = 'v1'; $env:MIGSH_TEST_VAR; $env:MIGSH_TEST_VAR = $null; $env:MIGSH_TEST_VAR -eq $null")
        #expect(r.output == ["v1", "True"])
    }

    @Test func splattingHashtableAndArray() {
        let r = InterpreterHarness.run("""
        function f { param($Name, [switch]$Force, $Other) "$Name/$Force/$Other" }
        $p = @{ Name = 'n'; Force = $true }
        f @p -Other o
        $a = 'x', 'y'
        function g($first, $second) { "$first+$second" }
        g @a
        """)
        #expect(r.output == ["n/True/o", "x+y"], "\(r.errors)")
    }

    @Test func invokeExpressionRunsInCurrentScope() {
        let r = InterpreterHarness.run("$v = 2; iex '$v * 21'; Invoke-Expression '$w = 5'; $w")
        #expect(r.output == ["42", "5"], "\(r.errors)")
    }

    @Test func redirection() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("migsh-redir-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let r = InterpreterHarness.run("""
        Set-Location '\(dir)'
        Write-Output 'a' > out.txt
        Write-Output 'b' >> out.txt
        Write-Error 'hidden' 2>$null
        $merged = Write-Error 'merged' 2>&1
        $merged.GetType().Name
        "$merged"
        Write-Error 'to file' 2> err.txt
        """, registry: {
            let reg = InterpreterHarness.registry()
            reg.register(CommandDeclaration(name: "Set-Location", synopsis: "", parameters: [
                ParameterDeclaration("Path", .string, sets: [.all(position: 0)])], make: { SetLocationForTest() }))
            return reg
        }())
        #expect(try String(contentsOfFile: dir + "/out.txt", encoding: .utf8) == "a\nb\n")
        #expect(try String(contentsOfFile: dir + "/err.txt", encoding: .utf8) == "to file\n")
        #expect(r.output == ["PSObject", "merged"] || r.output == ["ErrorRecord", "merged"], "\(r.output) \(r.errors)")
        #expect(r.errors.isEmpty)
    }

    @Test func scriptFilesByPathWithScriptRootAndExit() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("migsh-scripts-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try "param($Name = 'none') \"child $Name $(Split-Path -Leaf $PSScriptRoot)\"; $shared = 'set'; exit 7".write(toFile: dir + "/Child.ps1", atomically: true, encoding: .utf8)
        try "function Lib-Fn { 'from lib' }".write(toFile: dir + "/lib.ps1", atomically: true, encoding: .utf8)
        let main = """
        & '\(dir)/child.ps1' -Name x
        $LASTEXITCODE
        $shared -eq $null
        . '\(dir)/lib.ps1'
        Lib-Fn
        '\(dir)/Child.ps1' | Out-Null
        """
        let host = MemoryHost()
        let reg = InterpreterHarness.registry()
        reg.register(CommandDeclaration(name: "Split-Path", synopsis: "", parameters: [
            ParameterDeclaration("Path", .string, sets: [.all(position: 0)]), ParameterDeclaration("Leaf", .switchParameter)],
                                        make: { SplitLeafForTest() }))
        reg.register(CommandDeclaration(name: "Out-Null", synopsis: "", parameters: [
            ParameterDeclaration("InputObject", .object, sets: [.all(valueFromPipeline: true)])], make: { NoopCmdlet() }))
        let rs = Runspace(host: host, registry: reg)
        rs.errorPrinter = { host.writeErrorText($0.message) }
        try main.write(toFile: dir + "/main.ps1", atomically: true, encoding: .utf8)
        let code = rs.runFile(path: dir + "/main.ps1", arguments: [])
        let leaf = (dir as NSString).lastPathComponent
        #expect(host.output == ["child x \(leaf)", "7", "True", "from lib"], "\(host.errors)")
        #expect(code == 0)
    }

    @Test func scriptParametersFromCommandLine() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("migsh-params-\(UUID().uuidString).ps1").path
        try "param([int]$Count, [switch]$Loud) \"count=$Count loud=$Loud args=$args\"".write(toFile: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: file) }
        let host = MemoryHost()
        let rs = Runspace(host: host, registry: InterpreterHarness.registry())
        #expect(rs.runFile(path: file, arguments: [.string("-Count"), .string("4"), .string("-Loud")]) == 0)
        #expect(host.output == ["count=4 loud=True args="], "\(host.errors)")
    }

    @Test func parseErrorsRunNothing() {
        let host = MemoryHost()
        let rs = Runspace(host: host, registry: InterpreterHarness.registry())
        #expect(rs.execute("'first'\n'unterminated") == 1)
        #expect(host.output.isEmpty)
        #expect(host.errors.first?.contains("The string is missing the terminator") == true)
    }
}

final class SetLocationForTest: Cmdlet {
    func process(_ context: CommandContext) throws {
        context.session.currentDirectory = try context.session.resolvePath(context.parameters.string("Path") ?? ".")
    }
}

final class SplitLeafForTest: Cmdlet {
    func process(_ context: CommandContext) throws {
        context.write(.string(((context.parameters.string("Path") ?? "") as NSString).lastPathComponent))
    }
}

@Suite struct RunspaceScopeTests {
    @Test func forEachObjectBlocksShareTheCallersScope() {
        let r = InterpreterHarness.run("$sum = 0; 1..4 | ForEach-Object { $sum += $_ }; $sum; $_ -eq $null")
        #expect(r.output == ["10", "True"], "\(r.errors)")
    }

    @Test func exitIsReported() {
        let host = MemoryHost()
        let rs = Runspace(host: host, registry: InterpreterHarness.registry())
        #expect(rs.execute("exit 4") == 4)
        #expect(rs.lastRunExited)
        #expect(rs.lastExitCode == 4)
        #expect(rs.execute("'x'") == 0)
        #expect(!rs.lastRunExited)
    }

    @Test func variablesPersistAcrossExecuteCalls() {
        let host = MemoryHost()
        let rs = Runspace(host: host, registry: InterpreterHarness.registry())
        _ = rs.execute("$kept = 'v'; function Get-Kept { $kept }")
        _ = rs.execute("Get-Kept")
        #expect(host.output == ["v"])
        #expect(rs.variable("kept")?.stringValue == "v")
    }
}

@Suite struct RunspaceSessionStateTests {
    @Test func variableNamesAndRemoval() {
        let host = MemoryHost()
        let rs = Runspace(host: host, registry: InterpreterHarness.registry())
        _ = rs.execute("$MyThing = 1")
        #expect(rs.session.variableNames.contains("MyThing"))
        #expect(rs.session.variableNames.contains("ErrorActionPreference"))
        #expect(rs.session.removeVariable("mything"))
        #expect(!rs.session.variableNames.contains("MyThing"))
        #expect(!rs.session.removeVariable("mything"))
    }
}

@Suite struct RunspaceExitTests {
    @Test func exitInDotSourcedFileEndsTheCaller() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("migsh-exit-\(UUID().uuidString).ps1").path
        try "'in file'; exit 5".write(toFile: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: file) }
        let called = InterpreterHarness.run("& '\(file)'; \"after $LASTEXITCODE\"")
        #expect(called.output == ["in file", "after 5"])
        #expect(called.code == 0)
        let dotted = InterpreterHarness.run(". '\(file)'; 'never'")
        #expect(dotted.output == ["in file"])
        #expect(dotted.code == 5)
    }
}
