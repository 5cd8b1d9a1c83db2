import Testing
@testable import PowerShell

/// Expressions: precedence, literals, members, indexes, casts, collections, strings.
@Suite struct ParserExpressionTests {
    @Test(arguments: [
        ("1 + 2 * 3", "(+ 1 (* 2 3))"),
        ("1 - 2 - 3", "(- (- 1 2) 3)"),
        ("-not $a -eq $b", "(-eq (-not $a) $b)"),
        ("!$a", "(-not $a)"),
        ("$a -and $b -or $c", "(-or (-and $a $b) $c)"),
        ("$a -eq 1 -and $b -band 2", "(-and (-eq $a 1) (-band $b 2))"),
        ("1..5", "(.. 1 5)"),
        ("-1..5", "(.. -1 5)"),
        ("'{0} {1}' -f 1, 2", "(-f '{0} {1}' (, 1 2))"),
        ("'{0}' -f $a + 1", "(+ (-f '{0}' $a) 1)"),
        ("$a -join ', '", "(-join $a ', ')"),
        ("-join $a", "(-join $a)"),
        ("-split 'a b'", "(-split 'a b')"),
        ("'a,b' -split ','", "(-split 'a,b' ',')"),
        ("$s -replace 'a', 'b'", "(-replace $s (, 'a' 'b'))"),
        ("$s -creplace 'a'", "(-creplace $s 'a')"),
        ("$a -CEQ $b", "(-ceq $a $b)"),
        ("$a -ieq $b", "(-eq $a $b)"),
        ("$x -is [string]", "(-is $x [string])"),
        ("$x -as [int]", "(-as $x [int])"),
        ("1, 2 + 3", "(+ (, 1 2) 3)"),
        (",1", "(, 1)"),
        ("$a -notin 1, 2", "(-notin $a (, 1 2))"),
        ("5 % 3 / 2", "(/ (% 5 3) 2)"),
        ("1 -shl 2 -bxor 3", "(-bxor (-shl 1 2) 3)"),
        ("- $x", "(- $x)"),
        ("-bnot 5", "(-bnot 5)"),
        ("$a -contains 'x' -xor $b", "(-xor (-contains $a 'x') $b)"),
    ] as [(String, String)])
    func operatorsAndPrecedence(_ input: String, _ expected: String) {
        #expect(ParseCheck.tree(input) == expected)
    }

    @Test(arguments: [
        ("1KB", "1024"), ("0x10", "16"), ("5L", "5L"), ("1.5d", "1.5d"), ("1.5", "1.5"), ("2GB", "2147483648L"),
        ("'it''s'", "'it's'"), ("\"plain\"", "\"plain\""), ("$true", "$true"), ("$null", "$null"),
        ("$env:HOME", "$env:HOME"), ("$script:count", "$script:count"), ("${a b}", "$a b"),
        ("\"a $b c\"", "(expand \"a \" $b \" c\")"),
        ("\"$($u.Name) x\"", "(expand ($ (. $u Name)) \" x\")"),
        ("\"${user}: failed\"", "(expand $user \": failed\")"),
        ("\"a `$b\"", "\"a $b\""),
        ("“smart $x”", "(expand \"smart \" $x)"),
        ("‘single’", "'single'"),
        ("@'\nraw $x\n'@", "@'raw $x'@"),
        ("@\"\nhi $x\n\"@", "(expand \"hi \" $x)"),
    ] as [(String, String)])
    func literals(_ input: String, _ expected: String) {
        #expect(ParseCheck.tree(input) == expected)
    }

    @Test(arguments: [
        ("$a[0]", "([] $a 0)"),
        ("$a[1..2]", "([] $a (.. 1 2))"),
        ("$a[-1]", "([] $a -1)"),
        ("$a[0, 2]", "([] $a (, 0 2))"),
        ("$x.Prop", "(. $x Prop)"),
        ("$x.Method(1, 'a')", "(.() $x Method 1 'a')"),
        ("$x.Trim().ToUpper()", "(.() (.() $x Trim) ToUpper)"),
        ("$x.$name", "(. $x $name)"),
        ("$x.'odd name'", "(. $x 'odd name')"),
        ("[System.IO.File]::ReadAllBytes(\"C:\\x.csv\")", "(::() [System.IO.File] ReadAllBytes \"C:\\x.csv\")"),
        ("[datetime]::Now", "(:: [datetime] Now)"),
        ("[System.Text.Encoding]::UTF8.GetBytes($s)", "(.() (:: [System.Text.Encoding] UTF8) GetBytes $s)"),
        ("[Math]::Round(\n  1.5,\n  0\n)", "(::() [Math] Round 1.5 0)"),
        ("$h.Keys[0].Length", "(. ([] (. $h Keys) 0) Length)"),
        ("$i++", "(post++ $i)"),
        ("++$i", "(++ $i)"),
        ("$i--", "(post-- $i)"),
    ] as [(String, String)])
    func postfix(_ input: String, _ expected: String) {
        #expect(ParseCheck.tree(input) == expected)
    }

    @Test(arguments: [
        ("[int]$x", "([int] $x)"),
        ("[int] '5'", "([int] '5')"),
        ("[string[]]$list", "([string[]] $list)"),
        ("[byte[]]$b", "([byte[]] $b)"),
        ("[int][string]1.5", "([int] ([string] 1.5))"),
        ("[void]$list.Add(1)", "([void] (.() $list Add 1))"),
        ("[ordered]@{ b = 1; a = 2 }", "([ordered] (@{} (b 1) (a 2)))"),
        ("[pscustomobject]@{ Name = 'x' }", "([pscustomobject] (@{} (Name 'x')))"),
        ("[System.IO.File]", "[System.IO.File]"),
        ("[System.Collections.Generic.List[string]]::new()", "(::() [System.Collections.Generic.List[string]] new)"),
    ] as [(String, String)])
    func typesAndCasts(_ input: String, _ expected: String) {
        #expect(ParseCheck.tree(input) == expected)
    }

    @Test(arguments: [
        ("@()", "(@)"),
        ("@(1, 2)", "(@ (, 1 2))"),
        ("@(Get-Item a; 'b')", "(@ (cmd Get-Item a) 'b')"),
        ("$(1; 2)", "($ 1 2)"),
        ("(1 + 2) * 3", "(* (paren (+ 1 2)) 3)"),
        ("($x = 5)", "(paren (= $x 5))"),
        ("@{}", "(@{})"),
        ("@{ a = 1; 'b c' = 2\n d = Get-Item x\n 5 = 'five' }", "(@{} (a 1) ('b c' 2) (d (cmd Get-Item x)) (5 'five'))"),
        ("@{ n = 'MB'; e = { $_.Size / 1MB } }", "(@{} (n 'MB') (e {(/ (. $_ Size) 1048576)}))"),
        ("{ param($a) $a * 2 }", "{(param ($a)); (* $a 2)}"),
        ("{}", "{}"),
    ] as [(String, String)])
    func collectionsAndBlocks(_ input: String, _ expected: String) {
        #expect(ParseCheck.tree(input) == expected)
    }

    @Test func caseInsensitiveOperators() {
        #expect(ParseCheck.tree("$a -EQ 1 -AND $b -Like 'x*'") == "(-and (-eq $a 1) (-like $b 'x*'))")
    }

    @Test func continuationAfterOperatorAndComma() {
        #expect(ParseCheck.tree("$x = 1 +\n 2") == "(= $x (+ 1 2))")
        #expect(ParseCheck.tree("$x = 1,\n 2") == "(= $x (, 1 2))")
        #expect(ParseCheck.tree("$x = 1 `\n + 2") == "(= $x (+ 1 2))")
    }

    @Test func assignments() {
        #expect(ParseCheck.tree("$x = 1") == "(= $x 1)")
        #expect(ParseCheck.tree("$x += 1; $x -= 1; $x *= 2; $x /= 2; $x %= 2") == "(+= $x 1)\n(-= $x 1)\n(*= $x 2)\n(/= $x 2)\n(%= $x 2)")
        #expect(ParseCheck.tree("$a, $b = 1, 2") == "(= (, $a $b) (, 1 2))")
        #expect(ParseCheck.tree("[int]$n = '5'") == "(= ([int] $n) '5')")
        #expect(ParseCheck.tree("$h.Key = 1") == "(= (. $h Key) 1)")
        #expect(ParseCheck.tree("$a[0] += 1") == "(+= ([] $a 0) 1)")
        #expect(ParseCheck.tree("$null = Get-Item x") == "(= $null (cmd Get-Item x))")
        #expect(ParseCheck.tree("$x = $y = 2") == "(= $x (= $y 2))")
        #expect(ParseCheck.tree("$r = if ($a) { 1 } else { 2 }") == "(= $r (if $a {1} else {2}))")
        #expect(ParseCheck.tree("$x = Get-Item a | Select -First 1") == "(= $x (pipe (cmd Get-Item a) (cmd Select -First 1)))")
    }
}
