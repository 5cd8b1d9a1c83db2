import Testing
@testable import PowerShell

/// Pathological and random input: the parser must end with errors, never crash, hang or overflow.
@Suite struct ParserRobustnessTests {
    @Test func tenThousandNestedParentheses() {
        let n = 10_000
        let r = ParseCheck.parse(String(repeating: "(", count: n) + "1" + String(repeating: ")", count: n))
        #expect(r.errors.map(\.id) == ["ScriptNestingTooDeep"])
        #expect(r.errors[0].message.contains("nested too deeply"))
    }

    @Test(arguments: [
        String(repeating: "{", count: 10_000),
        String(repeating: "@(", count: 10_000),
        String(repeating: "$(", count: 10_000),
        String(repeating: "@{a=", count: 10_000),
        String(repeating: "if (1) {", count: 10_000),
        String(repeating: "-not ", count: 10_000) + "1",
        String(repeating: ",", count: 10_000) + "1",
        String(repeating: "[int]", count: 10_000) + "1",
        String(repeating: "& { ", count: 10_000),
        String(repeating: "\"$(", count: 10_000),
        "1" + String(repeating: " + (2", count: 10_000),
    ])
    func deepNestingEndsWithAnError(_ text: String) {
        let r = ParseCheck.parse(text)
        #expect(!r.errors.isEmpty)
        #expect(r.errors.count < 50)
    }

    @Test func longFlatInputIsFine() {
        let sum = (0..<5_000).map(String.init).joined(separator: " + ")
        #expect(ParseCheck.parse(sum).errors.isEmpty)
        let members = "$a" + String(repeating: ".b", count: 5_000)
        #expect(ParseCheck.parse(members).errors.isEmpty)
        let pipeline = (0..<2_000).map { "Cmd\($0) -X $_" }.joined(separator: " | ")
        #expect(ParseCheck.parse(pipeline).errors.isEmpty)
    }

    @Test func tenMegabyteStringLiteral() {
        let body = String(repeating: "abcdefghij", count: 1_000_000)
        let r = ParseCheck.parse("$x = '" + body + "'")
        #expect(r.errors.isEmpty)
        guard case .assignment(let a)? = r.ast.statements.first, case .pipeline(let p) = a.right,
              case .string(let s)? = p.pureExpression else {
            Issue.record("unexpected shape")
            return
        }
        #expect(s.value.utf8.count == 10_000_000)
    }

    @Test func tenMegabyteDoubleQuotedStringWithExpansions() {
        let body = String(repeating: "abcd $x ", count: 10_000) + String(repeating: "z", count: 9_920_000)
        let r = ParseCheck.parse("$y = \"" + body + "\"")
        #expect(r.errors.isEmpty)
    }
}

/// Random and mutated scripts (fixed seed, bounded count): no crash, and every error has a valid extent.
@Suite struct ParserFuzzTests {
    /// A small deterministic generator (SplitMix64) so failures reproduce.
    struct SplitMix {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        mutating func below(_ n: Int) -> Int { Int(next() % UInt64(n)) }
    }

    static let corpus = [
        "New-MigrationBatch -Name b1 -CSVData ([System.IO.File]::ReadAllBytes('C:\\x.csv')) -AutoStart -Confirm:$false",
        "if ($x -eq 5) { 'five' } elseif ($x -gt 5) { \"big $($x * 2)\" } else { @{ a = 1; b = @(1,2) } }",
        "function Get-Foo { [CmdletBinding()] param([Parameter(Mandatory)][string[]]$Name = 'x') process { $_ | % { $_ } } }",
        "try { throw 'x' } catch [System.Exception] { $_.Exception.Message } finally { $i++ }",
        "switch -Regex ($s) { '^a' { 1 } default { 2 } }\nforeach ($u in $users) { Write-Host \"${u}: $env:HOME\" }",
        "$h = [ordered]@{ n = 'MB'; e = { $_.Size / 1MB } }; $h.Keys[0].Length 2>&1 > out.txt",
        "@'\nhere $x\n'@\n@\"\nhere $($y)\n\"@\n<# block #> # line\nfor ($i = 0; $i -lt 10; $i++) { continue }",
        "do { $a, $b = $b, $a } until ($a -band 0x10 -shl 2)",
    ]

    static let fragments = [
        "(", ")", "{", "}", "[", "]", "@(", "@{", "$(", "\"", "'", "@'", "@\"", "`", "|", "||", "&", "&&", ",", ";",
        "\n", " ", "-", "–", "“", "$", "${", "#", "<#", "#>", "=", "+=", "++", "..", "::", ".", "-eq", "-f", "if",
        "else", "function", "param", "begin", "try", "catch", "switch", "default", "1KB", "0x", "$x", "@x", ">",
        "2>&1", "<", "[int]", "\u{00A0}", "é", "😀", "\r", "\0",
    ]

    /// Checks the invariants of one parse result.
    static func check(_ text: String) {
        let r = Parser.parse(text, file: "fuzz.ps1")
        let count = text.utf8.count
        let lines = r.ast.extent.source.lineStarts.count
        for e in r.errors {
            let x = e.extent
            #expect(x.startOffset >= 0 && x.startOffset <= x.endOffset && x.endOffset <= count, "\(text.debugDescription)")
            #expect(x.startLine >= 1 && x.startLine <= x.endLine && x.endLine <= lines, "\(text.debugDescription)")
            #expect(x.startColumn >= 1 && x.endColumn >= 1, "\(text.debugDescription)")
            #expect(!e.id.isEmpty && !e.message.isEmpty)
        }
        _ = r.ast.debugDescription
    }

    @Test func mutatedScripts() {
        var rng = SplitMix(state: 0x5EED)
        for _ in 0..<1_500 {
            var chars = Array(Self.corpus[rng.below(Self.corpus.count)])
            for _ in 0..<(1 + rng.below(4)) {
                let at = rng.below(chars.count + 1)
                switch rng.below(3) {
                case 0: chars.insert(contentsOf: Self.fragments[rng.below(Self.fragments.count)], at: at)
                case 1: if at < chars.count { chars.remove(at: at) }
                default:
                    let len = rng.below(8)
                    if at + len <= chars.count { chars.removeSubrange(at..<(at + len)) }
                }
            }
            Self.check(String(chars))
        }
    }

    @Test func randomFragmentSoup() {
        var rng = SplitMix(state: 42)
        for _ in 0..<1_500 {
            var text = ""
            for _ in 0..<(1 + rng.below(30)) { text += Self.fragments[rng.below(Self.fragments.count)] }
            Self.check(text)
        }
    }

    @Test func randomBytes() {
        var rng = SplitMix(state: 7)
        for _ in 0..<500 {
            let bytes = (0..<rng.below(80)).map { _ in UInt8(truncatingIfNeeded: rng.next()) }
            Self.check(String(decoding: bytes, as: UTF8.self))
        }
    }

    @Test func everyPrefixOfTheCorpus() {
        // what the REPL sees while a statement is being typed
        for script in Self.corpus {
            let chars = Array(script)
            for n in stride(from: 0, through: chars.count, by: 3) { Self.check(String(chars[..<n])) }
        }
    }
}
