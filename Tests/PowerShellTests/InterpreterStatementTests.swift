import Testing
@testable import PowerShell

/// Each case: a script and the exact string forms of what it outputs.
struct ScriptCase: CustomTestStringConvertible, Sendable {
    let script: String
    let expected: [String]
    init(_ script: String, _ expected: [String]) { self.script = script; self.expected = expected }
    var testDescription: String { script.replacingOccurrences(of: "\n", with: "⏎") }
}

@Suite struct InterpreterStatementTests {
    static let cases: [ScriptCase] = [
        ScriptCase("if ($false) { 'a' } elseif (1 -eq 1) { 'b' } else { 'c' }", ["b"]),
        ScriptCase("if ($x = 5) { \"x=$x\" }", ["x=5"]),
        ScriptCase("foreach ($i in 1..3) { $i }", ["1", "2", "3"]),
        ScriptCase("foreach ($i in @()) { 'never' }; 'done'", ["done"]),
        ScriptCase("for ($i = 0; $i -lt 3; $i++) { $i }", ["0", "1", "2"]),
        ScriptCase("$i = 0; while ($i -lt 3) { $i; $i++ }", ["0", "1", "2"]),
        ScriptCase("$i = 0; do { $i; $i++ } while ($i -lt 2)", ["0", "1"]),
        ScriptCase("$i = 0; do { $i; $i++ } until ($i -ge 2)", ["0", "1"]),
        ScriptCase("foreach ($i in 1..10) { if ($i -eq 3) { break }; $i }", ["1", "2"]),
        ScriptCase("foreach ($i in 1..4) { if ($i % 2) { continue }; $i }", ["2", "4"]),
        ScriptCase(":outer foreach ($a in 1..3) { foreach ($b in 1..3) { if ($b -eq 2) { continue outer }; \"$a$b\" } }", ["11", "21", "31"]),
        ScriptCase(":outer foreach ($a in 1..3) { foreach ($b in 1..3) { if ($a -eq 2) { break outer }; \"$a$b\" } }", ["11", "12", "13"]),
        ScriptCase("switch (2) { 1 { 'one' } 2 { 'two' } default { 'other' } }", ["two"]),
        ScriptCase("switch (5) { 1 { 'one' } default { 'other' } }", ["other"]),
        ScriptCase("switch ('abc') { 'ABC' { 'ci' } 'abc' { 'exact' } }", ["ci", "exact"]),
        ScriptCase("switch (1, 2, 3) { 2 { 'two'; continue } default { \"d$_\" } }", ["d1", "two", "d3"]),
        ScriptCase("switch (1, 2, 3) { 2 { 'two'; break } default { \"d$_\" } }", ["d1", "two"]),
        ScriptCase("switch -Wildcard ('batch01') { 'batch*' { 'w' } 'x*' { 'no' } }", ["w"]),
        ScriptCase("switch -Regex ('user@x.com') { '^(\\w+)@' { $Matches[1] } }", ["user"]),
        ScriptCase("switch (7) { { $_ -gt 5 } { 'big' } }", ["big"]),
        ScriptCase("try { throw 'boom' } catch { \"caught $_\" } finally { 'fin' }", ["caught boom", "fin"]),
        ScriptCase("try { 1/0 } catch [System.DivideByZeroException] { 'dz' } catch { 'other' }", ["dz"]),
        ScriptCase("try { throw 'x' } catch [System.IO.IOException] { 'io' } catch { 'any' }", ["any"]),
        ScriptCase("try { try { throw 'in' } finally { 'f1' } } catch { \"out $_\" }", ["f1", "out in"]),
        ScriptCase("try { $null.Foo() } catch { $_.Exception.Message }", ["You cannot call a method on a null-valued expression."]),
        ScriptCase("try { throw 'x' } catch { $_.FullyQualifiedErrorId }", ["x"]),
        ScriptCase("function f { 'a'; return 'b'; 'c' }; f", ["a", "b"]),
        ScriptCase("function f { param($a, $b = 'dflt') \"$a-$b\" }; f 1; f -b 2 -a 3", ["1-dflt", "3-2"]),
        ScriptCase("function f { param([int]$n) $n + 1 }; f '41'", ["42"]),
        ScriptCase("function f { \"$args\" }; f a b c", ["a b c"]),
        ScriptCase("function f([switch]$Force) { \"force=$Force\" }; f; f -Force", ["force=False", "force=True"]),
        ScriptCase("filter double { $_ * 2 }; 1..3 | double", ["2", "4", "6"]),
        ScriptCase("function f { begin { 'b' } process { \"p$_\" } end { 'e' } }; 1, 2 | f", ["b", "p1", "p2", "e"]),
        ScriptCase("function f { $input | ForEach-Object { $_ + 1 } }; 1, 2 | f", ["2", "3"]),
        ScriptCase("function f { [CmdletBinding()] param([Parameter(ValueFromPipeline)]$x) process { \"got $x\" } }; 'a', 'b' | f", ["got a", "got b"]),
        ScriptCase("function fact($n) { if ($n -le 1) { 1 } else { $n * (fact ($n - 1)) } }; fact 10", ["3628800"]),
        ScriptCase("$sb = { param($x) $x + 1 }; & $sb 4", ["5"]),
        ScriptCase("$sb = { \"args=$($args.Count)\" }; & $sb 1 2", ["args=2"]),
        ScriptCase("$x = 1; & { $x = 2 }; $x; . { $x = 3 }; $x", ["1", "3"]),
        ScriptCase("$x = 1; function f { $x = 5; $script:y = 6 }; f; $x; $y", ["1", "6"]),
        ScriptCase("function f { $global:g = 'G' }; f; $g", ["G"]),
        ScriptCase("$x = 'outer'; function f { $x }; f", ["outer"]),
        ScriptCase("$a, $b = 1, 2, 3; $a; $b.Count", ["1", "2"]),
        ScriptCase("[int]$n = '5'; $n += 1; $n; $n.GetType().Name", ["6", "Int32"]),
        ScriptCase("$h = @{}; $h.a = 1; $h['b'] = 2; $h.Count; $h.a + $h.b", ["2", "3"]),
        ScriptCase("$a = 1, 2, 3; $a[1] = 9; $a -join ','", ["1,9,3"]),
        ScriptCase("$o = [pscustomobject]@{ Name = 'n'; Count = 1 }; $o.Count = 5; $o.Count; $o.Name", ["5", "n"]),
        ScriptCase("$i = 5; $i++; ++$i; $i; $i--; $i", ["7", "6"]),
        ScriptCase("$null = 'discard'; [void]('discard'); 'kept'", ["kept"]),
        ScriptCase("$x = $(1; 2); $x.Count; @(1).Count; @().Count; $(1).GetType().Name", ["2", "1", "0", "Int32"]),
        ScriptCase("exit 3; 'not here'", []),
    ]

    @Test(arguments: cases)
    func script(_ c: ScriptCase) {
        let r = InterpreterHarness.run(c.script)
        #expect(r.output == c.expected, "errors: \(r.errors)")
    }

    @Test func exitCode() {
        #expect(InterpreterHarness.run("exit 3").code == 3)
        #expect(InterpreterHarness.run("'x'").code == 0)
        #expect(InterpreterHarness.run("throw 'bad'; 'after'").code == 1)
    }

    @Test func throwStopsScriptButStatementErrorsDoNot() {
        let r = InterpreterHarness.run("1/0; 'after div'; throw 'stop'; 'never'")
        #expect(r.output == ["after div"])
        #expect(r.errors == ["Attempted to divide by zero.", "stop"])
        #expect(r.code == 1)
    }
}
