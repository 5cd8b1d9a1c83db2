import Testing
@testable import PowerShell

/// Functions, filters, param blocks, attributes, named blocks, script-level param().
@Suite struct ParserFunctionTests {
    @Test(arguments: [
        ("function Get-Foo { 'x' }", "(function Get-Foo {'x'})"),
        ("function f($a, [int]$b = 2) { $a + $b }", "(function f (($a) ([int]$b = 2)) {(+ $a $b)})"),
        ("filter Double { $_ * 2 }", "(filter Double {(process* (* $_ 2))})"),
        ("function f { param([Parameter(Mandatory)][string]$Name) $Name }",
         "(function f {(param ([Parameter(Mandatory)][string]$Name)); $Name})"),
        ("function f {\n [CmdletBinding()]\n param(\n  [Parameter(Mandatory=$true, Position=0, ValueFromPipeline)]\n  [string[]]$Name,\n  [ValidateSet('a','b')]$Mode = 'a',\n  [switch]$Force\n )\n process { $Name }\n}",
         "(function f {(param [CmdletBinding()] ([Parameter(Mandatory=$true, Position=0, ValueFromPipeline)][string[]]$Name) ([ValidateSet('a', 'b')]$Mode = 'a') ([switch]$Force)); (process $Name)})"),
        ("function f { begin { 1 } process { 2 } end { 3 } }", "(function f {(begin 1); (process 2); (end 3)})"),
        ("function f { param([ValidateRange(1, 10)][int]$n, [Alias('cn')]$x) }",
         "(function f {(param ([ValidateRange(1, 10)][int]$n) ([Alias('cn')]$x))})"),
    ] as [(String, String)])
    func functions(_ input: String, _ expected: String) {
        #expect(ParseCheck.tree(input) == expected)
    }

    @Test func scriptParamBlock() {
        #expect(ParseCheck.tree("[CmdletBinding()]\nparam([string]$Path = 'C:\\x.csv')\nImport-Csv $Path")
                == "(param [CmdletBinding()] ([string]$Path = 'C:\\x.csv'))\n(cmd Import-Csv $Path)")
        // a script starting with a cast is not a param block
        #expect(ParseCheck.tree("[int]$x = 5") == "(= ([int] $x) 5)")
    }

    @Test func parameterAstShape() {
        let r = ParseCheck.parse("function f { param([Parameter(Mandatory, Position=0)][ValidateSet('A','B')][string]$Mode = 'A') }")
        guard case .functionDefinition(let f)? = r.ast.statements.first, let pb = f.body.paramBlock else {
            Issue.record("no function/param block")
            return
        }
        #expect(r.errors.isEmpty)
        let p = pb.parameters[0]
        #expect(p.name.path.name == "Mode")
        #expect(p.typeConstraint?.fullName == "string")
        #expect(p.attributes.map(\.typeName.name) == ["Parameter", "ValidateSet"])
        #expect(p.attributes[0].namedArguments.map(\.name) == ["Mandatory", "Position"])
        #expect(p.attributes[0].namedArguments[0].value == nil)
        #expect(p.attributes[1].positionalArguments.count == 2)
        if case .string(let s)? = p.defaultValue { #expect(s.value == "A") } else { Issue.record("no default") }
    }

    @Test func scriptBlockBodyText() {
        let r = ParseCheck.parse("$sb = { Get-Item x }")
        guard case .assignment(let a)? = r.ast.statements.first, case .pipeline(let p) = a.right,
              case .scriptBlock(let sb)? = p.pureExpression else {
            Issue.record("unexpected shape")
            return
        }
        #expect(sb.scriptBlock.bodyText == " Get-Item x ")
        #expect(sb.extent.text == "{ Get-Item x }")
        #expect(r.ast.bodyText == "$sb = { Get-Item x }")
    }

    @Test func functionAstShape() {
        let r = ParseCheck.parse("function Remove-It($Name) { $Name }")
        guard case .functionDefinition(let f)? = r.ast.statements.first else {
            Issue.record("no function")
            return
        }
        #expect(f.name == "Remove-It" && !f.isFilter)
        #expect(f.parameters?.map(\.name.path.name) == ["Name"])
        #expect(f.body.statements.count == 1)
    }
}
