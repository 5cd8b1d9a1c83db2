import Testing
@testable import PowerShell

/// Token families in each lexer mode (the parser picks the mode).
@Suite struct LexerTests {
    @Test func argumentModeBarewords() {
        #expect(ParseCheck.tokens(#"Get-Item C:\Users\x.csv imap.contoso.com user@contoso.com a#b Batch-01"#) == [
            "generic:Get-Item", #"generic:C:\Users\x.csv"#, "generic:imap.contoso.com",
            "generic:user@contoso.com", "generic:a#b", "generic:Batch-01",
        ])
    }

    @Test func argumentModeParameters() {
        #expect(ParseCheck.tokens("-Name x -Confirm:$false -AutoStart") == [
            "parameter:-Name", "generic:x", "parameter:-Confirm:", "variable:$false", "parameter:-AutoStart",
        ])
        // en dash and em dash count as '-'
        #expect(ParseCheck.tokens("\u{2013}Name \u{2014}Force") == ["parameter:\u{2013}Name", "parameter:\u{2014}Force"])
        // a quote inside makes it a bareword; `--` alone ends parameters
        #expect(ParseCheck.tokens(#"-"x" -- -y"#) == [#"generic:-"x""#, "minusMinus:--", "parameter:-y"])
    }

    @Test func argumentModeNumbersAndWords() {
        #expect(ParseCheck.tokens("993 0x10 1KB -1 993x 2+2 1..5") == [
            "number:993", "number:0x10", "number:1KB", "number:-1", "generic:993x", "generic:2+2", "generic:1..5",
        ])
    }

    @Test func argumentModeVariables() {
        #expect(ParseCheck.tokens("$x $env:HOME ${a b} $HOME/x a$b $_.Name @params") == [
            "variable:$x", "variable:$env:HOME", "variable:${a b}", "generic:$HOME/x", "generic:a$b",
            "variable:$_", "generic:.Name", "splattedVariable:@params",
        ])
        let lexer = Lexer("a$b")
        #expect(lexer.next(at: 0, mode: .command).flags.contains(.expandable))
    }

    @Test func punctuationAndRedirections() {
        #expect(ParseCheck.tokens("a | b; (c) {d} , & 2>&1 > f >> g 2>$null *> h <x") == [
            "generic:a", "pipe:|", "generic:b", "semicolon:;", "lParen:(", "generic:c", "rParen:)", "lCurly:{",
            "generic:d", "rCurly:}", "comma:,", "ampersand:&", "redirection:2>&1", "redirection:>", "generic:f",
            "redirection:>>", "generic:g", "redirection:2>", "variable:$null", "redirection:*>", "generic:h",
            "lessThan:<", "generic:x",
        ])
        let lexer = Lexer("2>&1")
        let code = RedirectionCode(aux: lexer.next(at: 0, mode: .command).aux)
        #expect(code.from == .error && code.mergeTo == .output && !code.append)
    }

    @Test func expressionModeOperators() {
        #expect(ParseCheck.tokens("1 + 2 -eq 3 -CEQ 4 -iLike 'a' -f -not ! .. :: += ++ -- -Foo", mode: .expression) == [
            "number:1", "plus:+", "number:2", "dashOperator:-eq", "number:3", "dashOperator:-CEQ", "number:4",
            "dashOperator:-iLike", "stringLiteral:'a'", "dashOperator:-f", "dashOperator:-not", "exclaim:!",
            "dotDot:..", "colonColon:::", "plusEquals:+=", "plusPlus:++", "minusMinus:--", "parameter:-Foo",
        ])
        let lexer = Lexer("-CEQ")
        let t = lexer.next(at: 0, mode: .expression)
        #expect(DashOperator.all[Int(t.aux)].binary == .eq && DashOperator.all[Int(t.aux)].caseSensitive)
    }

    @Test func statementStartMode() {
        #expect(ParseCheck.tokens("Get-Item", mode: .statementStart) == ["generic:Get-Item"])
        #expect(ParseCheck.tokens("16p", mode: .statementStart) == ["generic:16p"])
        #expect(ParseCheck.tokens(":outer", mode: .statementStart) == ["label::outer"])
        #expect(ParseCheck.tokens(". .\\x.ps1", mode: .statementStart) == ["dot:.", "generic:.\\x.ps1"])
        #expect(ParseCheck.tokens("-not", mode: .statementStart) == ["dashOperator:-not"])
        #expect(ParseCheck.tokens("-foo", mode: .statementStart) == ["generic:-foo"])
    }

    @Test func memberMode() {
        #expect(ParseCheck.tokens("Length", mode: .member) == ["identifier:Length"])
    }

    @Test func strings() {
        #expect(ParseCheck.tokens(#"'it''s' "say ""hi"" `"x`"" “smart” ‘single’"#, mode: .expression) == [
            "stringLiteral:'it''s'", #"stringExpandable:"say ""hi"" `"x`"""#, "stringExpandable:“smart”",
            "stringLiteral:‘single’",
        ])
        let lexer = Lexer(#"'it''s'"#)
        #expect(lexer.singleQuotedValue(lexer.next(at: 0, mode: .expression)) == "it's")
    }

    @Test func hereStrings() {
        let text = "@'\nline1\n'quoted' $x\n'@ after"
        let lexer = Lexer(text)
        let t = lexer.next(at: 0, mode: .expression)
        #expect(t.kind == .hereStringLiteral)
        #expect(lexer.singleQuotedValue(t) == "line1\n'quoted' $x")
        #expect(lexer.text(t.end, text.utf8.count) == " after")
    }

    @Test func expandableParts() {
        let lexer = Lexer(#""Hi $name, `t$($u.Id) ${a b} $env:X $ and 5$""#)
        var errors: [(Int, LexError)] = []
        let parts = lexer.expandableParts(lexer.next(at: 0, mode: .expression), errors: &errors)
        #expect(errors.isEmpty)
        let rendered = parts.map { p -> String in
            switch p {
            case .text(let s): return "T(\(s))"
            case .variable(let s, let e): return "V(\(lexer.text(s, e)))"
            case .subexpression(let s, let e, _): return "S(\(lexer.text(s, e)))"
            }
        }
        #expect(rendered == ["T(Hi )", "V($name)", "T(, \t)", "S($($u.Id))", "T( )", "V(${a b})", "T( )",
                             "V($env:X)", "T( $ and 5$)"])
    }

    @Test func backtickEscapes() {
        let lexer = Lexer(#""`0`a`b`e`f`n`r`t`v`u{1F600}`$`q""#)
        var errors: [(Int, LexError)] = []
        let parts = lexer.expandableParts(lexer.next(at: 0, mode: .expression), errors: &errors)
        #expect(parts == [.text("\u{0}\u{7}\u{8}\u{1B}\u{C}\n\r\t\u{B}😀$q")])
    }

    @Test func numbers() {
        func value(_ s: String) -> NumberValue? {
            let lexer = Lexer(s)
            return lexer.numberValue(lexer.next(at: 0, mode: .command))
        }
        #expect(value("993") == .int(993))
        #expect(value("0x3E8") == .int(1000))
        #expect(value("0xFFFFFFFF") == .int(-1))
        #expect(value("1KB") == .int(1024))
        #expect(value("45GB") == .long(48_318_382_080))
        #expect(value("5L") == .long(5))
        #expect(value("3000000000") == .long(3_000_000_000))
        #expect(value("1.5") == .double(1.5))
        #expect(value("1e3") == .double(1000))
        #expect(value("1.5d") == .decimal(1.5, text: "1.5d"))
        #expect(value("1.5MB") == .double(1_572_864))
        #expect(value("0b1010") == .int(10))
        #expect(value("-7") == .int(-7))
    }

    @Test func triviaAndContinuations() {
        #expect(ParseCheck.tokens("a `\n b <# c\n d #> e # f\ng") == [
            "generic:a", "generic:b", "generic:e", "newline:\n", "generic:g",
        ])
        #expect(ParseCheck.tokens("a\u{00A0}b\r\nc") == ["generic:a", "generic:b", "newline:\r\n", "generic:c"])
        // a backtick followed by a space is whitespace, so the newline after it still ends the line
        #expect(ParseCheck.tokens("a ` \nb") == ["generic:a", "newline:\n", "generic:b"])
        // inside a bareword it escapes the space
        #expect(ParseCheck.tokens("a` b") == ["generic:a` b"])
    }

    @Test func variableNames() {
        let lexer = Lexer("")
        let l2 = Lexer("$env:PATH ${a`}b} $script:count $_ $?")
        #expect(lexer.count == 0)
        var pos = 0
        var names: [String] = []
        while true {
            let t = l2.next(at: pos, mode: .expression)
            if t.kind == .endOfInput { break }
            let p = l2.variablePath(t.start, t.end)
            names.append((p.qualifier.map { $0 + "|" } ?? "") + p.name)
            pos = t.end
        }
        #expect(names == ["env|PATH", "a}b", "script|count", "_", "?"])
    }

    @Test func lexErrorsAreCarriedOnTokens() {
        let lexer = Lexer("'abc")
        let t = lexer.next(at: 0, mode: .expression)
        #expect(t.error == .unterminatedSingle && t.errorOffset == 0 && t.end == 4)
        let l2 = Lexer("x\"abc")
        let g = l2.next(at: 0, mode: .command)
        #expect(g.kind == .generic && g.error == .unterminatedDouble && g.errorOffset == 1)
    }
}
