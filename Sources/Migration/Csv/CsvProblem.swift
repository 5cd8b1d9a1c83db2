/// One thing wrong with an IMAP batch CSV. `row` is the 1-based user row (the header is row 0),
/// `line` the file line where that row starts; both are nil for problems with the whole file.
public struct CsvProblem: Sendable, Equatable, CustomStringConvertible {
    public enum Reason: Sendable, Equatable {
        case tooLarge(bytes: Int, limit: Int)
        case notText
        case empty
        case noUsers
        case missingColumn(String)
        case unknownColumn(String)
        case duplicateColumn(String)
        case wrongFieldCount(found: Int, expected: Int)
        case unterminatedQuote
        case emptyValue(column: String)
        case malformedAddress(String)
        case duplicateAddress(String, firstRow: Int)
        case alreadyInBatch(String, batch: String)
        case tooManyRows(limit: Int)
    }

    public var row: Int?
    public var line: Int?
    public var reason: Reason

    public init(row: Int? = nil, line: Int? = nil, reason: Reason) {
        self.row = row
        self.line = line
        self.reason = reason
    }

    public var description: String {
        let text = reasonText
        guard let row else { return line.map { "Line \($0): \(text)" } ?? text }
        if row == 0 { return "Header row: \(text)" }
        return "Row \(row)\(line.map { " (line \($0))" } ?? ""): \(text)"
    }

    public var reasonText: String {
        switch reason {
        case .tooLarge(let bytes, let limit):
            "The CSV file is \(bytes) bytes; the limit is \(limit) bytes (10 MB). Split the users into smaller batches."
        case .notText: "The CSV file isn't valid UTF-8 or UTF-16 text. Save it as UTF-8 (in Excel: \"CSV UTF-8\")."
        case .empty: "The CSV file is empty. The first row must name the columns EmailAddress, UserName and Password."
        case .noUsers: "The CSV file contains no users."
        case .missingColumn(let c): "The CSV file is missing the required column \"\(c)\"."
        case .unknownColumn(let c):
            "The column \"\(c)\" in the CSV file isn't recognized. Remove it, or set AllowUnknownColumnsInCsv to $true to ignore it."
        case .duplicateColumn(let c): "The column \"\(c)\" appears more than once in the CSV header."
        case .wrongFieldCount(let found, let expected): "The row has \(found) values, but the header has \(expected) columns."
        case .unterminatedQuote: "A quoted value isn't closed before the end of the file."
        case .emptyValue(let c): "The value in column \"\(c)\" is empty."
        case .malformedAddress(let a): "The EmailAddress \"\(a)\" isn't a valid SMTP address."
        case .duplicateAddress(let a, let first): "The EmailAddress \"\(a)\" already appears on row \(first) of this CSV file."
        case .alreadyInBatch(let a, let batch): "The user \"\(a)\" already exists in migration batch \"\(batch)\"."
        case .tooManyRows(let limit): "The CSV file has more than \(limit) rows. Split the users into smaller batches."
        }
    }

    /// The error text for a whole list: a headline, then one line per problem (capped so a
    /// 50,000-row mistake does not flood the console; the full list stays in the error value).
    static func summary(of problems: [CsvProblem], shown: Int = 20) -> String {
        var lines = ["The CSV data has \(problems.count) error\(problems.count == 1 ? "" : "s"); no batch was created."]
        lines += problems.prefix(shown).map(\.description)
        if problems.count > shown { lines.append("... and \(problems.count - shown) more.") }
        return lines.joined(separator: "\n")
    }
}
