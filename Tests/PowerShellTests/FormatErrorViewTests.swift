import Foundation
import Testing
@testable import PowerShell

@Suite struct FormatErrorViewTests {
    /// The extent of `needle` inside line `line` of `text`.
    private func extent(_ text: String, file: String?, line: Int, needle: String) -> SourceExtent {
        let source = SourceText(file: file, text: text)
        let lineText = source.line(line)
        let col = lineText.distance(from: lineText.startIndex, to: lineText.range(of: needle)!.lowerBound) + 1
        let offset = source.lineStarts[line - 1] + col - 1
        return SourceExtent(source: source, startOffset: offset, endOffset: offset + needle.utf8.count,
                            startLine: line, startColumn: col, endLine: line, endColumn: col + needle.count)
    }

    @Test func promptErrorsAreOneLine() {
        let r = ErrorRecord(message: "Can't find path 'C:\\x' because it doesn't exist.", category: .objectNotFound, commandName: "Get-ChildItem")
        #expect(ErrorView.render(r) == "Get-ChildItem: Can't find path 'C:\\x' because it doesn't exist.")
    }

    @Test func reasonFollowsPwshOrder() {
        #expect(ErrorView.reason(ErrorRecord(message: "x", category: .operationStopped)) == "Exception")
        #expect(ErrorView.reason(ErrorRecord(message: "x", category: .invalidArgument, exceptionType: "System.Management.Automation.PSInvalidCastException")) == "InvalidArgument")
        #expect(ErrorView.reason(ErrorRecord(message: "x", exceptionType: "System.DivideByZeroException")) == "RuntimeException")
        #expect(ErrorView.reason(ErrorRecord(message: "x", exceptionType: "System.Management.Automation.MethodInvocationException")) == "MethodInvocationException")
    }

    @Test func scriptErrorsPointIntoTheSource() {
        let text = "Write-Output 1\n\n\n\n\n\nthrow \"Batch not found\"\n"
        let r = ErrorRecord(message: "Batch not found", category: .operationStopped,
                            position: extent(text, file: "/home/admin/imap.ps1", line: 7, needle: "throw \"Batch not found\""))
        #expect(ErrorView.render(r) == """
            Exception: /home/admin/imap.ps1:7
            Line |
               7 |  throw "Batch not found"
                 |  ~~~~~~~~~~~~~~~~~~~~~~~
                 | Batch not found
            """)
    }

    @Test func multiLineInputErrorsPastLineOneGetTheBlock() {
        let text = "$x = 1\nthrow 'late'"
        let r = ErrorRecord(message: "late", category: .operationStopped, position: extent(text, file: nil, line: 2, needle: "throw 'late'"))
        #expect(ErrorView.render(r) == "Exception: \nLine |\n   2 |  throw 'late'\n     |  ~~~~~~~~~~~~\n     | late")
        let first = ErrorRecord(message: "early", category: .operationStopped, position: extent(text, file: nil, line: 1, needle: "$x"))
        #expect(ErrorView.render(first) == "Exception: early")
    }

    @Test func messageNewlinesBecomeSpacesInTheBlock() {
        let text = "foo"
        let r = ErrorRecord(message: "The term 'foo' is not recognized.\nCheck the spelling.", commandName: "foo",
                            position: extent(text, file: "/s.ps1", line: 1, needle: "foo"))
        #expect(ErrorView.render(r).hasSuffix("     | The term 'foo' is not recognized. Check the spelling."))
    }

    @Test func parseErrorsShowFileLineAndCaret() {
        let text = "Write-Output 1\nWrite-Output \"abc\n"
        let e = extent(text, file: "/home/admin/imap.ps1", line: 2, needle: "\"abc")
        #expect(ParseErrorView.render(extent: e, message: "The string is missing the terminator: \".") == """
            ParserError: /home/admin/imap.ps1:2
            Line |
               2 |  Write-Output "abc
                 |               ~~~~
                 | The string is missing the terminator: ".
            """)
    }

    @Test func emptyExtentsGetOneTilde() {
        let text = "if ($x) {"
        let source = SourceText(file: nil, text: text)
        let e = SourceExtent(source: source, startOffset: 9, endOffset: 9, startLine: 1, startColumn: 10, endLine: 1, endColumn: 10)
        let out = ParseErrorView.render(extent: e, message: "Missing closing '}' in statement block or type definition.")
        #expect(out.hasPrefix("ParserError: \nLine |\n   1 |  if ($x) {\n     |           ~\n"))
    }

    @Test func longMessagesWrapInsideTheBlock() {
        let text = "x"
        let r = ErrorRecord(message: String(repeating: "word ", count: 10).trimmingCharacters(in: .whitespaces), commandName: "x",
                            position: extent(text, file: "/s.ps1", line: 1, needle: "x"))
        let lines = ErrorView.render(r, width: 30).split(separator: "\n")
        #expect(lines.suffix(3) == ["     | word word word word", "     | word word word word", "     | word word"])
    }
}
