import Testing
@testable import PowerShell

/// Parse errors: pwsh's error id and position (line:column of the error extent's start), as
/// pwsh's own `ShouldBeParseError` tests check them; plus incompleteInput for the REPL.
@Suite struct ParserErrorTests {
    @Test(arguments: [
        ("Write-Output \"abc", ["TerminatorExpectedAtEndOfString@1:14"]),
        ("'abc", ["TerminatorExpectedAtEndOfString@1:1"]),
        ("@'\nabc", ["TerminatorExpectedAtEndOfString@1:1"]),
        ("if ($x) {", ["MissingEndCurlyBrace@1:9"]),
        ("(1 + 2", ["MissingEndParenthesisInExpression@1:7"]),
        ("[IO.File]::ReadAllBytes('x'", ["MissingEndParenthesisInMethodCall@1:28"]),
        ("$( 1", ["MissingEndParenthesisInSubexpression@1:5"]),
        ("\"$($u.Identity\"", ["IncompleteDollarSubexpressionReference@1:2"]),
        ("1 +", ["ExpectedValueExpression@1:4"]),
        ("$a =", ["ExpectedValueExpression@1:5"]),
        ("-not", ["MissingExpressionAfterOperator@1:5"]),
        ("gcm ,", ["MissingArgument@1:5"]),
        ("Cmd -Name:", ["ParameterRequiresArgument@1:11"]),
        ("Get-X |", ["EmptyPipeElement@1:8"]),
        ("Get-X | 1", ["ExpressionsMustBeFirstInPipeline@1:9"]),
        ("Get-X < in.txt", ["RedirectionNotSupported@1:7"]),
        ("@{ a }", ["MissingEqualsInHashLiteral@1:5"]),
        ("@{a=1;A=2}", ["DuplicateKeyInHashLiteral@1:7"]),
        ("@{ a = 1", ["MissingEndCurlyBrace@1:3"]),
        ("1 = 2", ["InvalidLeftHandSide@1:1"]),
        ("if ($x)", ["MissingStatementBlock@1:7"]),
        ("if $x {}", ["MissingOpenParenthesisInIfStatement@1:3", "UnexpectedToken@1:7"]),
        ("if () {}", ["IfStatementMissingCondition@1:5"]),
        ("if ($x) {} else", ["MissingStatementBlockAfterElse@1:16"]),
        // pwsh stops the foreach at the error and parses the rest as new statements
        ("foreach ($a $b) {}", ["MissingInInForeach@1:12", "UnexpectedToken@1:15"]),
        ("foreach (1 in $b) {}", ["MissingVariableNameAfterForeach@1:10", "UnexpectedToken@1:12", "UnexpectedToken@1:17"]),
        ("foreach ($a in $b) ", ["MissingForeachStatement@1:19"]),
        ("while ($x)", ["MissingLoopStatement@1:11"]),
        ("while $x {}", ["MissingOpenParenthesisAfterKeyword@1:6", "UnexpectedToken@1:10"]),
        ("do { }", ["MissingWhileOrUntilInDoWhile@1:7"]),
        ("try {}", ["MissingCatchOrFinally@1:7"]),
        ("try", ["MissingTryStatementBlock@1:4"]),
        ("switch ($x) 1", ["MissingCurlyBraceInSwitchStatement@1:12"]),
        ("switch -Foo ($x) {}", ["InvalidSwitchFlag@1:8"]),
        ("function foo", ["MissingFunctionBody@1:13"]),
        ("function", ["MissingNameAfterKeyword@1:9"]),
        ("function f($a) { param($b) }", ["OnlyOneParameterListAllowed@1:18"]),
        ("function f { param($a, $A) }", ["DuplicateFormalParameter@1:24"]),
        ("<# abc", ["MissingTerminatorMultiLineComment@1:1"]),
        ("Get-X -Name a `", ["IncompleteString@1:16"]),
        ("@\" text\n\"@", ["UnexpectedCharactersAfterHereStringHeader@1:4"]),
        ("$x = @\"\nabc\n  \"@", ["WhitespaceBeforeHereStringFooter@3:3"]),
        ("${}", ["EmptyVariableReference@1:1"]),
        ("\"$user: failed\"", ["InvalidVariableReferenceWithDrive@1:2"]),
        ("$x = @h", ["SplattingNotPermitted@1:6"]),
        ("[", ["MissingTypename@1:2"]),
        ("[int", ["EndSquareBracketExpectedAtEndOfType@1:5"]),
        ("$a[0", ["MissingEndSquareBracket@1:5"]),
        ("$a[]", ["MissingArrayIndexExpression@1:4"]),
        ("$x.", ["MissingPropertyName@1:4"]),
        ("1 2", ["UnexpectedToken@1:3"]),
        (")", ["UnexpectedToken@1:1"]),
        ("}", ["UnexpectedToken@1:1"]),
        ("$x = ()", ["ExpectedExpression@1:7"]),
        ("Get-X 1>&2", ["RedirectionNotSupported@1:7"]),
        ("@(MBXDB01,MBXDB02)", ["MissingArgument@1:10"]),
    ] as [(String, [String])])
    func errorIdAndPosition(_ input: String, _ expected: [String]) {
        #expect(ParseCheck.errors(input) == expected)
    }

    @Test(arguments: [
        ("trap { 'x' }", "trap"),
        ("class Foo { }", "class"),
        ("enum Color { Red }", "enum"),
        ("using namespace System", "using"),
        ("workflow W { }", "workflow"),
        ("Get-A && Get-B", "&&"),
        ("Get-A || Get-B", "||"),
        ("Get-A &", "&"),
        ("foreach -Parallel ($a in $b) { }", "foreach -Parallel"),
        ("$x = $a ? 1 : 2", "ternary"),
        ("$x = $a ?? 'default'", "null-coalescing"),
        ("icacls x --% /grant a:(F)", "--%"),
    ] as [(String, String)])
    func outsideTheSubsetNamesTheConstruct(_ input: String, _ construct: String) {
        let errors = ParseCheck.parse(input).errors
        #expect(errors.first?.id == "UnsupportedConstruct")
        #expect(errors.first?.message.contains(construct) == true)
        #expect(errors.first?.message.hasSuffix("is not supported by migsh.") == true)
    }

    @Test func switchFileAndStrayAttributesHavePwshErrors() {
        #expect(ParseCheck.errors("switch -File") == ["MissingFilenameOption@1:13"])
        #expect(ParseCheck.parse("switch -File").errors[0].message
                == "Cannot process the 'switch' statement because of a missing file name argument to the -file option.")
        #expect(ParseCheck.errors("switch -File a.txt\n'x'") == ["MissingCurlyBraceInSwitchStatement@1:19"])
        let e = ParseCheck.parse("[CmdletBinding()]\n'x'").errors
        #expect(e.map(\.id) == ["UnexpectedAttribute"])
        #expect(e.first?.message == "Unexpected attribute 'CmdletBinding'.")
    }

    @Test func loneCarriageReturnsEndLines() {
        #expect(ParseCheck.errors("'a'\r'b'\r$x = (1 +\r").first == "ExpectedValueExpression@3:10")
        #expect(ParseCheck.errors("'a'\r\n\r\n$x = (1 +\r\n").first == "ExpectedValueExpression@3:10")
        #expect(ParseCheck.errors("'a'\r\r$x = (1 +\n").first == "ExpectedValueExpression@3:10")
        let source = SourceText(file: nil, text: "a\rb\r\nc\nd\r")
        #expect(source.lineStarts == [0, 2, 5, 7, 9])
        #expect((1...4).map(source.line) == ["a", "b", "c", "d"])
    }

    @Test func messagesAreExactPwshTexts() {
        let e = ParseCheck.parse("Get-X |").errors[0]
        #expect(e.message == "An empty pipe element is not allowed.")
        let f = ParseCheck.parse("foreach ($a $b) {}").errors[0]
        #expect(f.message == "Missing 'in' after variable in foreach loop.\nThe correct form is: foreach ($a in $b) {...}")
        let g = ParseCheck.parse("Cmd -Name:").errors[0]
        #expect(g.message == "Parameter -Name: requires an argument.")
        let h = ParseCheck.parse("1 +").errors[0]
        #expect(h.message == "You must provide a value expression following the '+' operator.")
    }

    @Test(arguments: [
        ("if ($x) {", true), ("Get-X |", true), ("\"abc", true), ("(1 +", true), ("$a = @{", true),
        ("function f {", true), ("foreach ($a in $b)", true), ("1 2", false), ("@{ a }", false), ("<# x", true),
        ("try { }", true), ("Get-X | 1", false), ("New-MigrationBatch -Name X `", true),
    ] as [(String, Bool)])
    func incompleteInputForTheRepl(_ input: String, _ incomplete: Bool) {
        let errors = ParseCheck.parse(input).errors
        #expect(!errors.isEmpty)
        #expect(errors.contains { $0.incompleteInput } == incomplete)
    }

    @Test func reportsSeveralErrorsInOneScript() {
        let ids = ParseCheck.parse("$a = (1 +\n$b = @{ x }\nGet-X | 2").errors.map(\.id)
        #expect(ids.contains("MissingEqualsInHashLiteral"))
        #expect(ids.contains("ExpressionsMustBeFirstInPipeline"))
        #expect(ids.count >= 3)
    }

    @Test func errorExtentsCarryFileAndText() {
        let r = Parser.parse("Get-X\n  Get-Y \"oops", file: "/tmp/x.ps1")
        let e = r.errors[0]
        #expect(e.extent.file == "/tmp/x.ps1")
        #expect(e.extent.startLine == 2 && e.extent.startColumn == 9)
        #expect(e.extent.source.line(2) == "  Get-Y \"oops")
        #expect(e.extent.text == "\"oops")
    }
}
