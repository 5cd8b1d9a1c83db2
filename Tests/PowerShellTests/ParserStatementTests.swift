import Testing
@testable import PowerShell

/// Control-flow statements, try/catch, flow statements, statement separators.
@Suite struct ParserStatementTests {
    @Test(arguments: [
        ("if ($x) { 1 }", "(if $x {1})"),
        ("if ($x -eq 5) { 'five' } elseif ($x -gt 5) { 'big' } else { 'small' }",
         "(if (-eq $x 5) {'five'} elseif (-gt $x 5) {'big'} else {'small'})"),
        ("if ($x)\n{\n 1\n}\nelse\n{\n 2\n}", "(if $x {1} else {2})"),
        ("IF ($x) { 1 } ELSE { 2 }", "(if $x {1} else {2})"),
        ("if (-not (Test-Path $f)) { exit 1 }", "(if (-not (paren (cmd Test-Path $f))) {(exit 1)})"),
        ("if ($x = Get-Foo) { $x }", "(if (= $x (cmd Get-Foo)) {$x})"),
        ("if ($a) { 1 }\n\n$b", "(if $a {1})\n$b"),
    ] as [(String, String)])
    func ifStatements(_ input: String, _ expected: String) {
        #expect(ParseCheck.tree(input) == expected)
    }

    @Test(arguments: [
        ("foreach ($u in $users) { $u.Name }", "(foreach $u $users {(. $u Name)})"),
        ("foreach ($i in 1..3) { }", "(foreach $i (.. 1 3) {})"),
        ("foreach ($f in Get-ChildItem) { $f }", "(foreach $f (cmd Get-ChildItem) {$f})"),
        (":outer foreach ($a in $b) { break outer }", "(foreach :outer $a $b {(break outer)})"),
        ("for ($i = 0; $i -lt 10; $i++) { $i }", "(for (= $i 0); (-lt $i 10); (post++ $i) {$i})"),
        ("for (;;) { break }", "(for ; ;  {(break)})"),
        ("while ($true) { continue }", "(while $true {(continue)})"),
        ("do { $i++ } while ($i -lt 10)", "(do {(post++ $i)} while (-lt $i 10))"),
        ("do { $i++ }\nuntil ($i -ge 10)", "(do {(post++ $i)} until (-ge $i 10))"),
    ] as [(String, String)])
    func loops(_ input: String, _ expected: String) {
        #expect(ParseCheck.tree(input) == expected)
    }

    @Test(arguments: [
        ("switch ($x) { 1 { 'one' } 'two' { 2 } default { 'other' } }",
         "(switch $x (1 {'one'}) ('two' {2}) (default {'other'}))"),
        ("switch -Wildcard ($s) { 'a*' { 'A' } }", "(switch -wildcard $s ('a*' {'A'}))"),
        ("switch -Regex -CaseSensitive ($s) {\n '^a' { 1; break }\n}", "(switch -regex -casesensitive $s ('^a' {1; (break)}))"),
        ("switch -Exact ($s) { Completed { 'done' } }", "(switch -exact $s (Completed {'done'}))"),
        ("switch -Regex -File C:\\logs\\a.txt { '^x' { 1 } }", "(switch -regex -file C:\\logs\\a.txt ('^x' {1}))"),
        ("switch -file $path {\n default { $_ }\n}", "(switch -file $path (default {$_}))"),
        ("switch ($n) { { $_ -gt 5 } { 'big' } }", "(switch $n ({(-gt $_ 5)} {'big'}))"),
    ] as [(String, String)])
    func switchStatements(_ input: String, _ expected: String) {
        #expect(ParseCheck.tree(input) == expected)
    }

    @Test(arguments: [
        ("try { throw 'x' } catch { $_ }", "(try {(throw 'x')} (catch {$_}))"),
        ("try { 1 } catch [System.Exception] { 2 } finally { 3 }",
         "(try {1} (catch [System.Exception] {2}) (finally {3}))"),
        ("try { 1 }\ncatch [System.IO.IOException], [System.Exception] { 2 }\ncatch { 3 }",
         "(try {1} (catch [System.IO.IOException] [System.Exception] {2}) (catch {3}))"),
        ("try { 1 } finally { 2 }", "(try {1} (finally {2}))"),
    ] as [(String, String)])
    func tryStatements(_ input: String, _ expected: String) {
        #expect(ParseCheck.tree(input) == expected)
    }

    @Test(arguments: [
        ("return", "(return)"),
        ("return $x", "(return $x)"),
        ("return Get-Item x | Select -First 1", "(return (pipe (cmd Get-Item x) (cmd Select -First 1)))"),
        ("exit", "(exit)"),
        ("exit 3", "(exit 3)"),
        ("throw", "(throw)"),
        ("throw \"bad $x\"", "(throw (expand \"bad \" $x))"),
        ("break", "(break)"),
        ("continue outer", "(continue outer)"),
    ] as [(String, String)])
    func flowStatements(_ input: String, _ expected: String) {
        #expect(ParseCheck.tree(input) == expected)
    }

    @Test func separators() {
        #expect(ParseCheck.tree("a; b\nc\r\nd\re") == "(cmd a)\n(cmd b)\n(cmd c)\n(cmd d)\n(cmd e)")
        #expect(ParseCheck.tree(";;\n\n  # just a comment\n<# block #>") == "")
        #expect(ParseCheck.tree("\u{FEFF}Get-Item x") == "(cmd Get-Item x)")
    }

    @Test func ifAstShape() {
        let r = ParseCheck.parse("if ($a) { 1 } elseif ($b) { 2 }")
        guard case .ifStatement(let i)? = r.ast.statements.first else {
            Issue.record("not an if")
            return
        }
        #expect(i.clauses.count == 2 && i.elseBody == nil)
        #expect(i.extent.text == "if ($a) { 1 } elseif ($b) { 2 }")
    }
}
