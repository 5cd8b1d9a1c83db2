import Foundation
import Testing
@testable import Migration

@Suite struct ImapCsvTests {
    @Test func parsesRequiredAndOptionalColumnsInAnyOrderAndCase() throws {
        let f = try ImapCsv.parse(csvBytes([["password", "USERROOT", "emailaddress", "UserName"],
                                            ["pw1", "/users/terry", "terrya@contoso.edu", "contoso\\terry.adams"]]))
        #expect(f.rows.count == 1)
        let r = f.rows[0]
        #expect(r.emailAddress == "terrya@contoso.edu" && r.userName == "contoso\\terry.adams")
        #expect(r.password == "pw1" && r.userRoot == "/users/terry" && r.row == 1 && r.line == 2)
        #expect(f.columns == ["password", "USERROOT", "emailaddress", "UserName"])
    }

    @Test func acceptsBomAndUtf16() throws {
        let plain = Array("EmailAddress,UserName,Password\nä@contoso.com,jürgen,pässwort".utf8)
        let withBom = [0xEF, 0xBB, 0xBF] + plain
        #expect(try ImapCsv.parse(withBom).rows.first?.userName == "jürgen")
        let text = "EmailAddress,UserName,Password\r\nb@contoso.com,bob,p\u{e4}ss"
        let le: [UInt8] = [0xFF, 0xFE] + text.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        let be: [UInt8] = [0xFE, 0xFF] + text.utf16.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }
        #expect(try ImapCsv.parse(le).rows.first?.password == "päss")
        #expect(try ImapCsv.parse(be).rows.first?.password == "päss")
        #expect(try ImapCsv.parse(withBom).byteCount == plain.count + 3)
    }

    @Test func quotedFieldsHoldCommasQuotesAndNewlines() throws {
        let text = "EmailAddress,UserName,Password\n\"a@contoso.com\",\"Doe, John\",\"pa\"\"ss,\nword\"\nb@contoso.com,b,x\n"
        let f = try ImapCsv.parse(Array(text.utf8))
        #expect(f.rows.count == 2)
        #expect(f.rows[0].userName == "Doe, John")
        #expect(f.rows[0].password == "pa\"ss,\nword")
        #expect(f.rows[1].row == 2 && f.rows[1].line == 4)
    }

    @Test(arguments: ["\n", "\r\n", "\r"])
    func lineEndings(_ newline: String) throws {
        let f = try ImapCsv.parse(csvBytes([["EmailAddress", "UserName", "Password"], ["a@x.com", "a", "1"], ["b@x.com", "b", "2"], []],
                                           newline: newline))
        #expect(f.rows.map(\.emailAddress) == ["a@x.com", "b@x.com"])
        #expect(f.rows.map(\.password) == ["1", "2"])
    }

    @Test func blankLinesAreSkippedButCounted() throws {
        let f = try ImapCsv.parse(Array("EmailAddress,UserName,Password\n\na@x.com,a,1\n\n".utf8))
        #expect(f.rows.count == 1 && f.rows[0].line == 3 && f.rows[0].row == 1)
    }

    @Test func missingRequiredColumnsAreAllReported() {
        let problems = csvProblems { _ = try ImapCsv.parse(csvBytes([["EmailAddress"], ["a@x.com"]])) }
        #expect(problems.map(\.reason) == [.missingColumn("UserName"), .missingColumn("Password")])
        #expect(problems.first?.description == "Header row: The CSV file is missing the required column \"UserName\".")
    }

    @Test func unknownColumnsRefusedUnlessAllowed() throws {
        let bytes = csvBytes([["EmailAddress", "UserName", "Password", "Department"], ["a@x.com", "a", "p", "Sales"]])
        #expect(csvProblems { _ = try ImapCsv.parse(bytes) }.map(\.reason) == [.unknownColumn("Department")])
        let f = try ImapCsv.parse(bytes, allowUnknownColumns: true)
        #expect(f.rows.count == 1 && f.rows[0].password == "p")
        #expect(csvProblems { _ = try ImapCsv.parse(csvBytes([["Email Address", "UserName", "Password"]])) }
                    .map(\.reason).contains(.unknownColumn("Email Address")))
    }

    @Test func duplicateHeaderColumn() {
        let problems = csvProblems { _ = try ImapCsv.parse(csvBytes([["EmailAddress", "UserName", "Password", "emailaddress"], ["a@x.com", "a", "p", "b@x.com"]])) }
        #expect(problems.map(\.reason) == [.duplicateColumn("EmailAddress")])
    }

    @Test func everyBadRowIsReportedWithItsNumberAndNothingElseSlipsThrough() {
        let bytes = csvBytes([
            ["EmailAddress", "UserName", "Password"],
            ["ok1@contoso.com", "ok1", "p"],          // row 1 fine
            ["", "u2", "p"],                          // row 2 empty address
            ["u3@contoso.com", "", ""],               // row 3 empty user name and password
            ["not-an-address", "u4", "p"],            // row 4 malformed
            ["OK1@Contoso.com", "u5", "p"],           // row 5 duplicate of row 1 (case-insensitive)
            ["u6@contoso.com", "u6"],                 // row 6 missing value
            ["u7@contoso..com", "u7", "p"],           // row 7 malformed domain
        ])
        let problems = csvProblems { _ = try ImapCsv.parse(bytes) }
        #expect(problems.map(\.row) == [2, 3, 3, 4, 5, 6, 7])
        #expect(problems.map(\.reason) == [
            .emptyValue(column: "EmailAddress"), .emptyValue(column: "UserName"), .emptyValue(column: "Password"),
            .malformedAddress("not-an-address"), .duplicateAddress("OK1@Contoso.com", firstRow: 1),
            .wrongFieldCount(found: 2, expected: 3), .malformedAddress("u7@contoso..com"),
        ])
        #expect(problems[4].description == "Row 5 (line 6): The EmailAddress \"OK1@Contoso.com\" already appears on row 1 of this CSV file.")
        let message = MigrationError.csvInvalid(problems).message
        #expect(message.hasPrefix("The CSV data has 7 errors; no batch was created.\nRow 2 (line 3): The value in column \"EmailAddress\" is empty."))
    }

    @Test func addressRules() {
        for good in ["a@b.co", "first.last+tag@sub.example.org", "jürgen@bücher.de", "x_y-z@a-b.com"] {
            #expect(SmtpAddress.isValid(good), "\(good)")
        }
        for bad in ["a", "a@b", "@b.com", "a@.com", "a@b..com", "a b@c.com", "a@@b.com", ".a@b.com", "a.@b.com", "a@-b.com", "a@b.com."] {
            #expect(!SmtpAddress.isValid(bad), "\(bad)")
        }
    }

    @Test func fiftyThousandRowsAccepted() throws {
        #expect(try ImapCsv.parse(usersCsv(50_000)).rows.count == 50_000)
    }

    @Test func rowFiftyThousandAndOneIsRefused() {
        let problems = csvProblems { _ = try ImapCsv.parse(usersCsv(50_001)) }
        #expect(problems == [CsvProblem(row: 50_001, line: 50_002, reason: .tooManyRows(limit: 50_000))])
        #expect(problems[0].description.contains("more than 50000 rows"))
    }

    @Test func overTenMegabytesIsRefusedBeforeParsing() {
        var bytes = usersCsv(1)
        bytes += Array(repeating: UInt8(ascii: " "), count: 10 * 1024 * 1024 - bytes.count + 1)
        let problems = csvProblems { _ = try ImapCsv.parse(bytes) }
        #expect(problems.map(\.reason) == [.tooLarge(bytes: 10 * 1024 * 1024 + 1, limit: 10 * 1024 * 1024)])
        #expect(problems[0].row == nil)
    }

    @Test func wholeFileProblems() {
        #expect(csvProblems { _ = try ImapCsv.parse([]) }.map(\.reason) == [.empty])
        #expect(csvProblems { _ = try ImapCsv.parse(Array("EmailAddress,UserName,Password\n".utf8)) }.map(\.reason) == [.noUsers])
        #expect(csvProblems { _ = try ImapCsv.parse([0x45, 0xFF, 0xFE, 0x00, 0xC3]) }.map(\.reason) == [.notText])
        let open = csvProblems { _ = try ImapCsv.parse(Array("EmailAddress,UserName,Password\na@x.com,a,\"unclosed\n".utf8)) }
        #expect(open == [CsvProblem(line: 2, reason: .unterminatedQuote)])
        #expect(open.first?.description == "Line 2: A quoted value isn't closed before the end of the file.")
    }

    @Test func valuesAreTrimmedButPasswordsAreNot() throws {
        let f = try ImapCsv.parse(Array("EmailAddress , UserName,Password\n a@x.com , bob , p w \n".utf8))
        #expect(f.rows[0].emailAddress == "a@x.com" && f.rows[0].userName == "bob" && f.rows[0].password == " p w ")
    }

    @Test func passwordNeverInDescriptions() throws {
        let f = try ImapCsv.parse(csvBytes([["EmailAddress", "UserName", "Password"], ["a@x.com", "a", "TopSecret99"]]))
        var dumped = ""
        dump(f, to: &dumped)
        for text in ["\(f)", String(reflecting: f), "\(f.rows)", dumped] {
            #expect(!text.contains("TopSecret99"), "\(text)")
        }
        let cred = ImapCredential(emailAddress: "a@x.com", userName: "a", userRoot: nil, password: "TopSecret99")
        var dumpedCred = ""
        dump(cred, to: &dumpedCred)
        #expect(!"\(cred)".contains("TopSecret99") && !String(reflecting: cred).contains("TopSecret99") && !dumpedCred.contains("TopSecret99"))
    }
}
