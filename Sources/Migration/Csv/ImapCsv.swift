import Foundation

/// The CSV rules of an IMAP batch (reference §7.1, issue 4): EmailAddress, UserName and Password
/// required, UserRoot optional, headers in any order and any case, at most 50,000 rows and 10 MB,
/// unknown columns refused unless allowed. Validation collects every problem before failing,
/// so an admin fixes the file in one pass. 'Already in another batch' needs the store and is
/// checked there, inside the transaction that creates the batch.
public enum ImapCsv {
    public static let maxRows = 50_000
    public static let maxBytes = 10 * 1024 * 1024
    public static let requiredColumns = ["EmailAddress", "UserName", "Password"]
    public static let optionalColumns = ["UserRoot"]

    /// Parses and validates `data` (the raw bytes -CSVData carries). Throws
    /// `MigrationError.csvInvalid` listing every problem.
    public static func parse(_ data: [UInt8], allowUnknownColumns: Bool = false) throws -> ImapCsvFile {
        if data.count > maxBytes { throw fail(.init(reason: .tooLarge(bytes: data.count, limit: maxBytes))) }
        guard let text = CsvReader.utf8Text(data) else { throw fail(.init(reason: .notText)) }
        let records: [CsvReader.Record]
        do {
            // Header + maxRows users + one more to detect the limit without reading the rest.
            records = try CsvReader.read(text, maxRecords: maxRows + 2)
        } catch .unterminatedQuote(let line) {
            throw fail(.init(line: line, reason: .unterminatedQuote))
        }
        guard let header = records.first else { throw fail(.init(reason: .empty)) }

        var problems: [CsvProblem] = []
        let layout = columnLayout(header.fields, allowUnknown: allowUnknownColumns, problems: &problems)
        if !problems.isEmpty { throw MigrationError.csvInvalid(problems) }
        guard let layout else { throw fail(.init(reason: .empty)) }
        if records.count == 1 { throw fail(.init(reason: .noUsers)) }

        var rows: [ImapCsvRow] = []
        rows.reserveCapacity(records.count - 1)
        var firstRowOf: [String: Int] = [:]
        firstRowOf.reserveCapacity(records.count)
        for (index, record) in records.dropFirst().enumerated() {
            let rowNumber = index + 1
            if rowNumber > maxRows {
                problems.append(.init(row: rowNumber, line: record.line, reason: .tooManyRows(limit: maxRows)))
                break
            }
            guard let row = validate(record, rowNumber: rowNumber, layout: layout, problems: &problems) else { continue }
            let key = row.emailAddress.lowercased()
            if let first = firstRowOf[key] {
                problems.append(.init(row: rowNumber, line: record.line, reason: .duplicateAddress(row.emailAddress, firstRow: first)))
                continue
            }
            firstRowOf[key] = rowNumber
            rows.append(row)
        }
        if !problems.isEmpty { throw MigrationError.csvInvalid(problems) }
        return ImapCsvFile(rows: rows, columns: header.fields.map(trimmed), byteCount: data.count)
    }

    private static func fail(_ problem: CsvProblem) -> MigrationError { .csvInvalid([problem]) }

    struct Layout {
        var count: Int
        var email: Int, userName: Int, password: Int
        var userRoot: Int?
    }

    private static func columnLayout(_ names: [String], allowUnknown: Bool, problems: inout [CsvProblem]) -> Layout? {
        var position: [String: Int] = [:]
        let known = requiredColumns + optionalColumns
        for (i, raw) in names.enumerated() {
            let name = trimmed(raw)
            guard let canonical = known.first(where: { $0.lowercased() == name.lowercased() }) else {
                if !allowUnknown { problems.append(.init(row: 0, line: 1, reason: .unknownColumn(name))) }
                continue
            }
            if position[canonical] != nil {
                problems.append(.init(row: 0, line: 1, reason: .duplicateColumn(canonical)))
            } else {
                position[canonical] = i
            }
        }
        for column in requiredColumns where position[column] == nil {
            problems.append(.init(row: 0, line: 1, reason: .missingColumn(column)))
        }
        guard let e = position["EmailAddress"], let u = position["UserName"], let p = position["Password"] else { return nil }
        return Layout(count: names.count, email: e, userName: u, password: p, userRoot: position["UserRoot"])
    }

    private static func validate(_ record: CsvReader.Record, rowNumber: Int, layout: Layout,
                                 problems: inout [CsvProblem]) -> ImapCsvRow? {
        let f = record.fields
        guard f.count == layout.count else {
            problems.append(.init(row: rowNumber, line: record.line, reason: .wrongFieldCount(found: f.count, expected: layout.count)))
            return nil
        }
        let email = trimmed(f[layout.email]), userName = trimmed(f[layout.userName]), password = f[layout.password]
        let before = problems.count
        for (column, value) in [("EmailAddress", email), ("UserName", userName), ("Password", password)] where value.isEmpty {
            problems.append(.init(row: rowNumber, line: record.line, reason: .emptyValue(column: column)))
        }
        if !email.isEmpty && !SmtpAddress.isValid(email) {
            problems.append(.init(row: rowNumber, line: record.line, reason: .malformedAddress(email)))
        }
        guard problems.count == before else { return nil }
        let root = layout.userRoot.map { trimmed(f[$0]) }
        return ImapCsvRow(row: rowNumber, line: record.line, emailAddress: email, userName: userName,
                          password: password, userRoot: root?.isEmpty == false ? root : nil)
    }

    /// Strips spaces and tabs at both ends; the common untrimmed case costs two byte checks.
    static func trimmed(_ s: String) -> String {
        let u = s.utf8
        func blank(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 }
        guard let first = u.first, let last = u.last, blank(first) || blank(last) else { return s }
        guard let start = u.firstIndex(where: { !blank($0) }), let end = u.lastIndex(where: { !blank($0) }) else { return "" }
        return String(s[start...end])
    }
}

/// A validated CSV: one row per user, in file order.
public struct ImapCsvFile: Sendable, Equatable {
    public var rows: [ImapCsvRow]
    /// Header names as written, in file order.
    public var columns: [String]
    public var byteCount: Int

    public var metadata: CsvMetadata { CsvMetadata(rowCount: rows.count, byteCount: byteCount, columns: columns) }
}

/// One validated user row. Holds the password in clear until the store encrypts it,
/// so its descriptions hide it.
public struct ImapCsvRow: Sendable, Equatable, CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    public var row: Int
    public var line: Int
    public var emailAddress: String
    public var userName: String
    public var password: String
    public var userRoot: String?

    public var description: String { "ImapCsvRow(row \(row): \(emailAddress), userName: \(userName), password: ********)" }
    public var debugDescription: String { description }
    public var customMirror: Mirror {
        Mirror(self, children: ["row": row, "emailAddress": emailAddress, "userName": userName], displayStyle: .struct)
    }
}
