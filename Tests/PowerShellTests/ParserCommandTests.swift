import Testing
@testable import PowerShell

/// Commands in argument mode, pipelines, invocation operators, redirections, splatting.
@Suite struct ParserCommandTests {
    @Test(arguments: [
        ("Get-Item -Path C:\\Users\\x.csv -Force", "(cmd Get-Item -Path C:\\Users\\x.csv -Force)"),
        ("Get-Item C:\\\\Users\\\\x.csv", "(cmd Get-Item C:\\\\Users\\\\x.csv)"),
        ("Set-X -Confirm:$false -Name:'a'", "(cmd Set-X -Confirm:$false -Name:'a')"),
        ("Set-X -Name: value", "(cmd Set-X -Name:value)"),
        ("Write-Output 2+2 a$x '$y' (2+2)", "(cmd Write-Output 2+2 (expand \"a\" $x) '$y' (paren (+ 2 2)))"),
        ("Write-Output !1 -1 1..5", "(cmd Write-Output !1 -1 1..5)"),
        ("Send -To a@x.com,b@x.com", "(cmd Send -To (, a@x.com b@x.com))"),
        ("New-X -Folders 'Deleted Items','Junk Email'", "(cmd New-X -Folders (, 'Deleted Items' 'Junk Email'))"),
        ("New-X -Data ([System.IO.File]::ReadAllBytes('x'))", "(cmd New-X -Data (paren (::() [System.IO.File] ReadAllBytes 'x')))"),
        ("Write-Host $u.Name $x[0] $HOME/x", "(cmd Write-Host (. $u Name) ([] $x 0) (expand $HOME \"/x\"))"),
        ("Write-Host $x .Name", "(cmd Write-Host $x .Name)"),
        ("Invoke-Thing @params -Extra 1", "(cmd Invoke-Thing @params -Extra 1)"),
        ("Write-Host “IMAPBatch1” –Name ‘x’", "(cmd Write-Host \"IMAPBatch1\" -Name 'x')"),
        ("Write-Host a\"b c\"d", "(cmd Write-Host ab cd)"),
        ("Write-Host a`tb", "(cmd Write-Host a\tb)"),
        ("cmd -- -notaparam", "(cmd cmd -notaparam)"),
        ("Where-Object Status -eq 'Failed'", "(cmd Where-Object Status -eq 'Failed')"),
        ("Get-Thing { $_ } @{ a = 1 } @(1)", "(cmd Get-Thing {$_} (@{} (a 1)) (@ 1))"),
        ("if.ps1", "(cmd if.ps1)"),
        ("foreach-object { $_ }", "(cmd foreach-object {$_})"),
    ] as [(String, String)])
    func arguments(_ input: String, _ expected: String) {
        #expect(ParseCheck.tree(input) == expected)
    }

    @Test(arguments: [
        ("& $sb 1 2", "(cmd& $sb 1 2)"),
        ("& 'C:\\my script.ps1' -X", "(cmd& 'C:\\my script.ps1' -X)"),
        ("& { param($a) $a } 5", "(cmd& {(param ($a)); $a} 5)"),
        (". .\\lib.ps1", "(cmd. .\\lib.ps1)"),
        (". $path", "(cmd. $path)"),
        (".\\script.ps1 -Arg 1", "(cmd .\\script.ps1 -Arg 1)"),
    ] as [(String, String)])
    func invocationOperators(_ input: String, _ expected: String) {
        #expect(ParseCheck.tree(input) == expected)
    }

    @Test(arguments: [
        ("Get-A | Select-Object -First 3", "(pipe (cmd Get-A) (cmd Select-Object -First 3))"),
        ("Get-A |\n  Sort-Object\n", "(pipe (cmd Get-A) (cmd Sort-Object))"),
        ("Get-A\n| Sort-Object", "(pipe (cmd Get-A) (cmd Sort-Object))"),
        ("Get-A `\n  -Name x", "(cmd Get-A -Name x)"),
        ("$list | ForEach-Object { $_ * 2 }", "(pipe $list (cmd ForEach-Object {(* $_ 2)}))"),
        ("1..10 | ? { $_ % 2 } | % { $_ }", "(pipe (.. 1 10) (cmd ? {(% $_ 2)}) (cmd % {$_}))"),
    ] as [(String, String)])
    func pipelines(_ input: String, _ expected: String) {
        #expect(ParseCheck.tree(input) == expected)
    }

    @Test(arguments: [
        ("Get-A > out.txt", "(cmd Get-A (> out.txt))"),
        ("Get-A >> out.txt", "(cmd Get-A (>> out.txt))"),
        ("Get-A 2>&1", "(cmd Get-A (2>&1))"),
        ("Get-A 2>$null", "(cmd Get-A (2> $null))"),
        ("Get-A *> all.txt", "(cmd Get-A (*> all.txt))"),
        ("Get-A 2>> err.txt 3>&1", "(cmd Get-A (2>> err.txt) (3>&1))"),
        ("$x > out.txt", "(expr $x (> out.txt))"),
    ] as [(String, String)])
    func redirections(_ input: String, _ expected: String) {
        #expect(ParseCheck.tree(input) == expected)
    }

    @Test func commandAstShape() throws {
        let r = ParseCheck.parse("Get-Item -Path:'x' a -Force @rest")
        guard case .pipeline(let p)? = r.ast.statements.first, case .command(let c) = p.elements[0] else {
            Issue.record("not a command")
            return
        }
        #expect(c.literalName == "Get-Item")
        #expect(c.invocationOperator == .none)
        #expect(c.elements.count == 4)
        if case .parameter(let param) = c.elements[0] {
            #expect(param.name == "Path" && param.hasColon)
            if case .string(let s)? = param.argument { #expect(s.value == "x") } else { Issue.record("no argument") }
        } else { Issue.record("not a parameter") }
        if case .splat(let v) = c.elements[3] { #expect(v.path.name == "rest" && v.isSplatted) } else { Issue.record("no splat") }
    }

    @Test func barewordArgumentIsStringConstant() {
        let r = ParseCheck.parse("Get-MigrationBatch IMAPBatch1")
        guard case .pipeline(let p)? = r.ast.statements.first, case .command(let c) = p.elements[0],
              case .argument(.string(let s)) = c.elements[0] else {
            Issue.record("unexpected shape")
            return
        }
        #expect(s.value == "IMAPBatch1" && s.kind == .bareword)
    }
}
