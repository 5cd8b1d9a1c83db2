import Foundation
@testable import Migration

/// A fresh state directory under /tmp for one test, removed afterwards.
final class TemporaryState: Sendable {
    let root: String
    let directory: StateDirectory

    init() {
        root = NSTemporaryDirectory() + "migsh-test-" + UUID().uuidString
        directory = StateDirectory(path: root + "/home/migsh")
    }

    deinit { try? FileManager.default.removeItem(atPath: root) }

    func store(_ kind: MigrationStore.ConnectionKind = .queue) -> MigrationStore {
        MigrationStore(directory: directory, connectionKind: kind)
    }
}

/// CSV bytes from rows of fields, joined with commas and `newline`.
func csvBytes(_ rows: [[String]], newline: String = "\n") -> [UInt8] {
    Array(rows.map { $0.joined(separator: ",") }.joined(separator: newline).utf8)
}

/// A valid CSV of `count` users user<i>@<domain>, password "Secret-<i>-pw".
func usersCsv(_ count: Int, domain: String = "contoso.com", start: Int = 1) -> [UInt8] {
    var lines = ["EmailAddress,UserName,Password"]
    for i in start..<(start + count) { lines.append("user\(i)@\(domain),user\(i),Secret-\(i)-pw") }
    return Array(lines.joined(separator: "\n").utf8)
}

func parsedCsv(_ count: Int, domain: String = "contoso.com", start: Int = 1) throws -> ImapCsvFile {
    try ImapCsv.parse(usersCsv(count, domain: domain, start: start))
}

/// The CSV problems a throwing call reported, or [] if it did not fail that way.
func csvProblems(_ body: () throws -> Void) -> [CsvProblem] {
    do { try body() } catch let MigrationError.csvInvalid(problems) { return problems } catch {}
    return []
}

/// The MigrationError a call threw, or nil.
func migrationError(_ body: () throws -> Void) -> MigrationError? {
    do { try body() } catch let e as MigrationError { return e } catch { return .storage("unexpected \(error)") }
    return nil
}

extension MigrationStore {
    /// An endpoint plus a created batch of `users` users, for tests that need one.
    @discardableResult
    func seed(batch: String = "Batch1", endpoint: String = "IMAPEndpoint", users: Int = 3, domain: String = "contoso.com",
              autoStart: Bool = false) throws -> MigrationBatch {
        if (try? self.endpoint(endpoint)) == nil {
            try createEndpoint(MigrationEndpoint(name: endpoint, remoteServer: "imap.contoso.com"))
        }
        return try createBatch(NewBatchOptions(name: batch, sourceEndpoint: endpoint, autoStart: autoStart),
                               csv: try parsedCsv(users, domain: domain))
    }
}

/// Raw bytes of a file, or [] if absent.
func fileBytes(_ path: String) -> [UInt8] {
    (FileManager.default.contents(atPath: path)).map { [UInt8]($0) } ?? []
}

func contains(_ haystack: [UInt8], _ needle: String) -> Bool {
    let n = Array(needle.utf8)
    guard !n.isEmpty, haystack.count >= n.count else { return false }
    var i = 0
    while i <= haystack.count - n.count {
        if haystack[i] == n[0] && Array(haystack[i..<(i + n.count)]) == n { return true }
        i += 1
    }
    return false
}

func fileMode(_ path: String) -> Int? {
    (try? FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int) ?? nil
}
