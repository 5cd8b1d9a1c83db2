import Foundation

/// pwsh 7's default error display (ConciseView).
///
/// At the prompt or for `-Command` text: one line, `<reason>: <message>`.
/// For an error raised in a script file (and for any parse error, or an error past the first
/// line of multi-line input), a block that points into the source:
///
///     Exception: /home/admin/imap.ps1:7
///     Line |
///        7 |  throw "Batch not found"
///          |  ~~~~~~~~~~~~~~~~~~~~~~~
///          | Batch not found
///
/// The reason is the record's `commandName` when set; `ParserError` for parse errors;
/// `Exception` for `throw` (category OperationStopped or a plain System.Exception); the
/// category name when it is not NotSpecified; else the exception's short type name
/// (engine exceptions) or `RuntimeException` (.NET exceptions, which pwsh wraps).
public enum ErrorView {
    static let red = "\u{1B}[31;1m", reset = "\u{1B}[0m"

    public static func reason(_ record: ErrorRecord) -> String {
        if let c = record.commandName, !c.isEmpty { return c }
        if record.category == .parserError { return "ParserError" }
        if record.category == .operationStopped || record.exceptionType == "System.Exception" { return "Exception" }
        if record.category != .notSpecified { return record.category.rawValue }
        let type = record.exceptionType
        if type.hasPrefix("System.Management.Automation."), let short = type.split(separator: ".").last { return String(short) }
        return "RuntimeException"
    }

    /// The error as pwsh prints it. `width` is the window width (messages wrap in the block view);
    /// `color` adds the red VT colouring used on a terminal; `vscode` adds the column to the header.
    public static func render(_ record: ErrorRecord, width: Int = 120, color: Bool = false, vscode: Bool = false) -> String {
        let text: String
        if let position = record.position,
           position.file != nil || record.category == .parserError || position.startLine > 1 {
            // Script errors, parse errors and errors past the first line of multi-line input point into the source.
            text = SourceBlock.render(reason: reason(record), file: position.file, extent: position, message: record.message,
                                      width: width, vscode: vscode)
        } else {
            text = reason(record) + ": " + record.message
        }
        return color ? red + text + reset : text
    }
}

/// The `Line |` block shared by runtime errors from scripts and parse errors.
enum SourceBlock {
    static func render(reason: String, file: String?, extent: SourceExtent, message: String,
                       width: Int, vscode: Bool) -> String {
        var header = reason + ": "
        if let file {
            header += "\(file):\(extent.startLine)"
            if vscode { header += ":\(extent.startColumn)" }
        }
        let number = String(extent.startLine)
        // Line numbers wider than 4 digits push the whole gutter right.
        let shift = String(repeating: " ", count: max(0, number.count - 4))
        let prefix = shift + "     | "
        let shown = PositionLine(source: extent.source.line(extent.startLine), startColumn: extent.startColumn,
                                 endColumn: extent.endLine == extent.startLine ? extent.endColumn : nil)
        var lines = [header, shift + "Line |",
                     String(repeating: " ", count: max(0, 4 - number.count)) + number + " |  " + shown.text,
                     prefix + " " + String(repeating: " ", count: shown.offset) + String(repeating: "~", count: shown.length)]
        let flat = message.replacingOccurrences(of: "\r\n", with: " ")
            .replacingOccurrences(of: "\n", with: " ").replacingOccurrences(of: "\t", with: " ")
        lines += PositionLine.wrap(flat, prefix: prefix, width: width)
        return lines.joined(separator: "\n")
    }
}

/// Parse errors as pwsh prints them: only the first error, always as a source block
/// (`ParserError: <path>:<line>`; no path for `-Command` text or the prompt).
public enum ParseErrorView {
    public static func render(extent: SourceExtent, message: String, width: Int = 120, color: Bool = false,
                              vscode: Bool = false) -> String {
        let text = SourceBlock.render(reason: "ParserError", file: extent.file, extent: extent, message: message,
                                      width: width, vscode: vscode)
        return color ? ErrorView.red + text + ErrorView.reset : text
    }
}
