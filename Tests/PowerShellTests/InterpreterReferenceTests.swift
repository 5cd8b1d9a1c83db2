import Foundation
import Testing
@testable import PowerShell

/// `[ref]`, ArrayList / List[T] and `switch -File`.
@Suite struct InterpreterReferenceTests {
    let sh = BuiltinShell()

    @Test func refParametersUpdateTheCallersVariable() {
        #expect(sh.strings("function Inc([ref]$c) { $c.Value++; $c.Value += 10 }; $n = 1; Inc ([ref]$n); $n") == ["12"])
        #expect(sh.strings("function Set-It { param([ref]$t) $t.Value = 'set' }; Set-It -t ([ref]$fresh); $fresh") == ["set"])
        #expect(sh.strings("$x = 1; $r = [ref]$x; $x = 2; $r.Value") == ["2"])
        #expect(sh.strings("$i = 0; [int]::TryParse('77', [ref]$i); $i; [double]::TryParse('x', [ref]$null)") == ["True", "77", "False"])
        let r = sh.run("function Inc([ref]$c) { }; Inc 5")
        #expect(r.err.contains("Cannot process argument transformation on parameter 'c'. Reference type is expected in argument."))
    }

    @Test func arrayListsAreSharedGrowableLists() {
        #expect(sh.strings("$l = New-Object System.Collections.ArrayList; $l.Add('a'); $l.Add('b'); $m = $l; [void]$m.Add('c'); $l.Count") == ["0", "1", "3"])
        #expect(sh.strings("$l = [System.Collections.ArrayList]@(3, 1); $l.Insert(1, 2); $l.Remove(3); $l -join ','; $l.Contains(2); $l.GetType().FullName")
                == ["2,1", "True", "System.Collections.ArrayList"])
        #expect(sh.strings("$l = [System.Collections.ArrayList]::new(); $l.Add(1) | Out-Null; $l | ForEach-Object { $_ * 10 }") == ["10"])
        #expect(sh.run("$a = @(1); $a.Add(2)").err.contains("Collection was of a fixed size."))
    }

    @Test func genericListsConvertTheirItemsAndAddReturnsNothing() {
        #expect(sh.strings("$l = [System.Collections.Generic.List[string]]::new(); $l.Add(5); $l[0].GetType().Name; $l.Remove('5'); $l.Count")
                == ["String", "True", "0"])
        #expect(sh.strings("$l = New-Object 'System.Collections.Generic.List[int]'; $l.Add('4'); $l[0] + 1") == ["5"])
        #expect(sh.strings("([System.Collections.Generic.List[int]]@(1, 2)).GetType().FullName") == ["System.Collections.Generic.List[System.Int32]"])
    }

    @Test func switchFileReadsLinesThroughTheDriveMapping() throws {
        let dir = makeTempDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try "one\r\ntwo\rthree\n".write(toFile: dir + "/in.txt", atomically: true, encoding: .utf8)
        let s = BuiltinShell(directory: dir)
        #expect(s.strings("switch -File in.txt { 'two' { 'TWO' } default { $_ } }") == ["one", "TWO", "three"])
        #expect(s.strings("switch -Wildcard -File ./IN.TXT { 't*' { $_; break } }") == ["two"])
        #expect(s.run("switch -File nothere.txt { default { 1 } }").err.contains("Cannot find path 'nothere.txt' because it does not exist."))
    }
}

/// Programs outside PowerShell, run as pwsh runs native commands.
@Suite struct InterpreterExternalProgramTests {
    let sh = BuiltinShell()

    @Test func argumentsStdoutAndExitCode() {
        #expect(sh.strings("/bin/echo a 'b c' -x -y:z 1,2") == ["a b c -x -y:z 1 2"])
        #expect(sh.strings("printf '%s\\n' one two | ForEach-Object { $_.ToUpper() }") == ["ONE", "TWO"])
        #expect(sh.strings("/bin/sh -c 'exit 3'; \"$LASTEXITCODE $?\"") == ["3 False"])
        #expect(sh.strings("/bin/sh -c 'exit 0'; \"$LASTEXITCODE $?\"") == ["0 True"])
    }

    @Test func pipelineInputGoesToStdinAsLines() {
        #expect(sh.strings("'b', 'a', 1 | /bin/cat") == ["b", "a", "1"])
        #expect(sh.strings("@() | /bin/cat; 'after'") == ["after"])
        #expect(sh.strings("(/usr/bin/seq 1 1000000 | Select-Object -First 2) -join ','") == ["1,2"])
    }

    @Test func unknownNamesStillFail() {
        let r = sh.run("no-such-program-xyz-123")
        #expect(r.err.contains("The term 'no-such-program-xyz-123' is not recognized as a name of a cmdlet, function, script file, or executable program."))
        #expect(sh.run("./no/such/path/tool").err.contains("is not recognized"))
    }
}

/// Per-object binding that skips the general binder keeps every command's semantics.
@Suite struct DirectPipelineBindingTests {
    let sh = BuiltinShell()

    @Test func multiSetCommandsStillSeeTheirParametersInEveryPhase() {
        #expect(sh.strings("(1..5 | Select-Object -Last 2) -join ','") == ["4,5"])
        #expect(sh.strings("(1..5 | Select-Object -SkipLast 2) -join ','") == ["1,2,3"])
        #expect(sh.strings("1..4 | ForEach-Object { [pscustomobject]@{ Id = $_ } } | Where-Object Id -gt 2 | Select-Object -Property Id | ForEach-Object Id")
                == ["3", "4"])
        #expect(sh.strings("@($null, 1 | Select-Object -First 5).Count") == ["2"])
    }
}
