import Testing
@testable import PowerShell

/// Every node carries the extent of its source text; expansions inside strings point into the script.
@Suite struct ParserExtentTests {
    private func firstPipelineExpression(_ r: ParseResult) -> Expression? {
        guard case .pipeline(let p)? = r.ast.statements.first else { return nil }
        return p.pureExpression
    }

    @Test func binaryAndOperandExtents() throws {
        let r = ParseCheck.parse("  $a + $b * 2")
        guard case .binary(let b)? = firstPipelineExpression(r), case .binary(let right) = b.right else {
            Issue.record("unexpected shape")
            return
        }
        #expect(b.extent.text == "$a + $b * 2")
        #expect(b.extent.startColumn == 3 && b.extent.endColumn == 14)
        #expect(b.operatorExtent.text == "+")
        #expect(right.extent.text == "$b * 2")
        #expect(b.left.extent.text == "$a")
    }

    @Test func commandAndArgumentExtents() {
        let r = ParseCheck.parse("Get-Item -Path:'x' C:\\a.csv 2>&1\nnext")
        guard case .pipeline(let p)? = r.ast.statements.first, case .command(let c) = p.elements[0] else {
            Issue.record("no command")
            return
        }
        #expect(c.extent.text == "Get-Item -Path:'x' C:\\a.csv 2>&1")
        #expect(c.name.extent.text == "Get-Item")
        #expect(c.elements.map(\.extent.text) == ["-Path:'x'", "C:\\a.csv"])
        #expect(c.redirections.map(\.extent.text) == ["2>&1"])
        #expect(r.ast.statements[1].extent.startLine == 2)
    }

    @Test func subexpressionInsideStringPointsIntoTheScript() {
        let text = "Write-Host \"Batch $($b.Name) on $env:COMPUTERNAME\""
        let r = ParseCheck.parse(text)
        guard case .pipeline(let p)? = r.ast.statements.first, case .command(let c) = p.elements[0],
              case .argument(.expandableString(let s)) = c.elements[0] else {
            Issue.record("no expandable string")
            return
        }
        let exprs = s.parts.compactMap { part -> Expression? in
            if case .expression(let e) = part { return e }
            return nil
        }
        #expect(exprs.map(\.extent.text) == ["$($b.Name)", "$env:COMPUTERNAME"])
        guard case .subExpression(let sub) = exprs[0], case .pipeline(let inner)? = sub.statements.first else {
            Issue.record("no subexpression")
            return
        }
        #expect(inner.extent.text == "$b.Name")
        #expect(inner.extent.startColumn == 21)
    }

    @Test func columnsCountCharactersNotBytes() {
        // 'é' is two UTF-8 bytes but one column
        let r = ParseCheck.parse("'é' + \"x")
        #expect(r.errors.first?.extent.startColumn == 7)
        #expect(r.errors.first?.extent.startOffset == 7)
    }

    @Test func multiLineExtents() {
        let r = ParseCheck.parse("if ($x) {\n  1\n}\n$y")
        let s = r.ast.statements[0]
        #expect(s.extent.startLine == 1 && s.extent.endLine == 3 && s.extent.endColumn == 2)
        #expect(r.ast.statements[1].extent.startLine == 4)
    }

    @Test func errorExtentsForMissingPieces() {
        let e = ParseCheck.parse("$x = (1 + 2").errors[0]
        #expect(e.id == "MissingEndParenthesisInExpression")
        // an empty extent right after the last thing that parsed
        #expect(e.extent.startOffset == e.extent.endOffset && e.extent.startOffset == 11)
    }
}
