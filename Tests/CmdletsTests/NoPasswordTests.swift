import Foundation
import Testing
@testable import Cmdlets
import PowerShell

/// Passwords from the CSV appear in no object any cmdlet writes, nor in its errors.
@Suite struct NoPasswordTests {
    static let secret = "Sup3r$ecretPW"

    static func text(_ v: Value, depth: Int = 0) -> String {
        guard depth < 6 else { return "" }
        switch v {
        case .string(let s): return s
        case .array(let a): return a.items.map { text($0, depth: depth + 1) }.joined(separator: " ")
        case .object(let o):
            return o.properties.map { "\($0.name)=\(text($0.value, depth: depth + 1))" }.joined(separator: " ")
                + (o.toStringValue ?? "")
        default: return "\(v)"
        }
    }

    @Test func noOutputOrErrorCarriesThePassword() throws {
        let h = try BatchCmdletTests.harness()
        let csv = "EmailAddress,UserName,Password\na@contoso.edu,a,\(Self.secret)\nb@contoso.edu,b,\(Self.secret)"
        var runs = [try BatchCmdletTests.newBatch(h, csv: csvBytes(csv), extra: [arg("AutoStart")])]
        runs.append(try BatchCmdletTests.newBatch(h, "Dup", csv: csvBytes(csv)))   // fails: users in another batch
        runs.append(try h.run("Get-MigrationBatch", [arg("IncludeReport")]))
        let users = try h.run("Get-MigrationUser")
        runs.append(users)
        runs.append(try h.run("Get-MigrationUserStatistics", [arg("IncludeReport")], input: users.output))
        runs.append(try h.run("Get-MigrationStatistics"))
        let written = runs.flatMap { $0.output.map { Self.text($0) } + $0.errors.map(\.message) }.joined(separator: "\n")
        #expect(!written.isEmpty)
        #expect(!written.contains(Self.secret))
        #expect(!written.lowercased().contains("password="))
    }

    @Test func databaseFileHoldsNoClearPassword() throws {
        let h = try BatchCmdletTests.harness()
        try BatchCmdletTests.newBatch(h, csv: csvBytes("EmailAddress,UserName,Password\na@contoso.edu,a,\(Self.secret)"))
        let files = try FileManager.default.contentsOfDirectory(atPath: h.home)
        #expect(!files.isEmpty)
        for f in files {
            let data = try Data(contentsOf: URL(fileURLWithPath: h.home + "/" + f))
            #expect(data.range(of: Data(Self.secret.utf8)) == nil, "\(f) holds the password in clear")
        }
    }

    /// New passwords given with Set-MigrationBatch -CSVData, and users moved into a new batch, stay sealed too.
    @Test func updatedAndMovedCredentialsStaySealed() throws {
        let h = try BatchCmdletTests.harness()
        try BatchCmdletTests.newBatch(h, csv: csvBytes("EmailAddress,UserName,Password\na@contoso.edu,a,old-pw"))
        let update = try h.run("Set-MigrationBatch", [pos(str("IMAPBatch1")),
                                                      arg("CSVData", csvBytes("EmailAddress,UserName,Password\na@contoso.edu,a,\(Self.secret)"))])
        let moved = try h.run("New-MigrationBatch", [arg("Name", str("Moved")), arg("UserIds", .list([str("a@contoso.edu")]))])
        let stats = try h.run("Get-MigrationUserStatistics", [pos(str("a@contoso.edu")), arg("IncludeReport"), arg("IncludeSkippedItems")])
        let written = [update, moved, stats].flatMap { $0.output.map { Self.text($0) } + $0.errors.map(\.message) }.joined(separator: "\n")
        #expect(written.contains("a@contoso.edu") && !written.contains(Self.secret))
        #expect(try UserLifecycleCmdletTests.store(h).credential(for: "a@contoso.edu").password == Self.secret)
        for f in try FileManager.default.contentsOfDirectory(atPath: h.home) {
            let data = try Data(contentsOf: URL(fileURLWithPath: h.home + "/" + f))
            #expect(data.range(of: Data(Self.secret.utf8)) == nil, "\(f) holds the password in clear")
        }
    }
}
