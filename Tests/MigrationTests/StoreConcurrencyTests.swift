import Foundation
import GRDB
import Synchronization
import Testing
@testable import Migration

/// Several writers on one state directory at once: nothing lost, nothing corrupted, busy waited for.
@Suite struct StoreConcurrencyTests {
    @Test func threadsWithTheirOwnConnectionsShareOneState() throws {
        let state = TemporaryState()
        try state.store().createEndpoint(MigrationEndpoint(name: "E", remoteServer: "h"))
        let workers = 4, rounds = 6
        let failures = Mutex<[String]>([])
        let winners = Mutex(0)
        DispatchQueue.concurrentPerform(iterations: workers) { w in
            let store = state.store(w % 2 == 0 ? .queue : .pool)
            do {
                do {
                    try store.createBatch(NewBatchOptions(name: "Contested", sourceEndpoint: "E"), csv: try parsedCsv(1, domain: "contested\(w).com"))
                    winners.withLock { $0 += 1 }
                } catch MigrationError.batchAlreadyExists {}
                for r in 0..<rounds {
                    let name = "T\(w)-\(r)"
                    try store.createBatch(NewBatchOptions(name: name, sourceEndpoint: "e"), csv: try parsedCsv(25, domain: "t\(w)r\(r).com"))
                    try store.startBatch(name)
                    _ = try store.batches()
                    try store.setUserStatus("user3@t\(w)r\(r).com", .synced)
                    try store.stopBatch(name)
                    if r % 2 == 1 { try store.removeBatch(name) }
                }
            } catch {
                failures.withLock { $0.append("worker \(w): \(error)") }
            }
        }
        #expect(failures.withLock { $0 } == [])
        #expect(winners.withLock { $0 } == 1)
        let store = state.store()
        let names = Set(try store.batches().map(\.name))
        let expected = Set((0..<workers).flatMap { w in (0..<rounds).filter { $0 % 2 == 0 }.map { "T\(w)-\($0)" } } + ["Contested"])
        #expect(names == expected)
        #expect(try store.userCount() == 1 + workers * (rounds / 2) * 25)
        for b in try store.batches() where b.name != "Contested" {
            // Stop halts the 24 queued users and the synced one's incremental syncs.
            #expect(b.status == .stopped && b.counts.stoppedCount == 25 && b.counts.totalCount == 25)
            #expect(try store.users(batch: b.name, status: .incrementalStopped).map(\.emailAddress).count == 1)
        }
        #expect(try store.read { try String.fetchOne($0, sql: "PRAGMA integrity_check") } == "ok")
        #expect(try store.read { try Row.fetchAll($0, sql: "PRAGMA foreign_key_check") }.isEmpty)
    }

    @Test func separateProcessesShareOneState() throws {
        let helper = URL(fileURLWithPath: Self.selfPath).deletingLastPathComponent().appendingPathComponent("migration-bench").path
        try #require(FileManager.default.isExecutableFile(atPath: helper), "build the migration-bench target (swift build --build-tests does)")
        let state = TemporaryState()
        let workers = 4, rounds = 5
        var processes: [(Process, Pipe, Pipe)] = []
        for w in 0..<workers {
            let p = Process()
            p.executableURL = URL(fileURLWithPath: helper)
            p.arguments = ["worker", "\(w)", "\(rounds)"]
            var env = ProcessInfo.processInfo.environment
            env["MIGSH_HOME"] = state.directory.path
            p.environment = env
            let out = Pipe(), err = Pipe()
            p.standardOutput = out
            p.standardError = err
            try p.run()
            processes.append((p, out, err))
        }
        var outputs: [String] = []
        for (p, out, err) in processes {
            let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            let errors = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            p.waitUntilExit()
            #expect(p.terminationStatus == 0, "\(errors)")
            outputs.append(text)
        }
        let all = outputs.joined()
        #expect(all.components(separatedBy: "won endpoint").count - 1 == 1)
        #expect(all.components(separatedBy: "won batch").count - 1 == 1)
        #expect(outputs.allSatisfy { $0.contains("done") })

        let store = state.store()
        let kept = (0..<rounds).filter { $0 % 3 != 2 }
        let expected = Set((0..<workers).flatMap { w in kept.map { "W\(w)-R\($0)" } } + ["Contested"])
        #expect(Set(try store.batches().map(\.name)) == expected)
        #expect(try store.userCount() == 1 + workers * kept.count * 20)
        for b in try store.batches() where b.name != "Contested" {
            #expect(b.status == .stopped && b.counts.stoppedCount == 20 && b.notificationEmails.count == 1)
        }
        let credentials = try store.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM credential") }
        #expect(credentials == 1 + workers * kept.count * 20)
        #expect(try store.read { try String.fetchOne($0, sql: "PRAGMA integrity_check") } == "ok")
        #expect(try store.credential(for: "u19@w3r0.contoso.com").password == "pw-3-0-19")
    }

    /// kill -9 in the middle of creating a big batch: afterwards the batch is either complete or
    /// absent, never partial, and the database is intact.
    @Test func aKilledCreationLeavesAllOrNothing() throws {
        let helper = URL(fileURLWithPath: Self.selfPath).deletingLastPathComponent().appendingPathComponent("migration-bench").path
        try #require(FileManager.default.isExecutableFile(atPath: helper))
        let state = TemporaryState()
        try state.store().createEndpoint(MigrationEndpoint(name: "BenchEndpoint", remoteServer: "h"))
        let csvPath = state.root + "/users.csv"
        for (delay, rows) in [(0.5, 40_000), (0.9, 40_000), (1.3, 40_000)] {
            try run(helper, ["generate", "\(rows)", csvPath], home: state.directory.path).waitUntilExit()
            let p = try run(helper, ["create", csvPath, "Killed"], home: state.directory.path)
            Thread.sleep(forTimeInterval: delay)
            kill(p.processIdentifier, SIGKILL)
            p.waitUntilExit()
            let store = state.store()
            let users = try store.userCount()
            let credentials = try store.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM credential") }
            if let b = try? store.batch("Killed") {
                #expect(b.counts.totalCount == rows && users == rows && credentials == rows)
                try store.removeBatch("Killed")
            } else {
                #expect(users == 0 && credentials == 0)
            }
            #expect(try store.read { try String.fetchOne($0, sql: "PRAGMA integrity_check") } == "ok")
        }
    }

    private func run(_ path: String, _ arguments: [String], home: String) throws -> Process {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: path)
        p.arguments = arguments
        p.environment = ProcessInfo.processInfo.environment.merging(["MIGSH_HOME": home]) { $1 }
        p.standardOutput = FileHandle.nullDevice
        try p.run()
        return p
    }

    @Test func aBusyDatabaseIsWaitedForThenReported() throws {
        let state = TemporaryState()
        let holder = state.store()
        try holder.createEndpoint(MigrationEndpoint(name: "E", remoteServer: "h"))
        let patient = MigrationStore(directory: state.directory, busyTimeout: 10)
        let impatient = MigrationStore(directory: state.directory, busyTimeout: 0.2)
        _ = try patient.endpoints(); _ = try impatient.endpoints()
        let held = DispatchSemaphore(value: 0)
        let waited = Mutex<Double>(0)
        let done = DispatchSemaphore(value: 0)
        // Another connection holds the write lock for 0.8 s.
        Thread.detachNewThread {
            try? holder.write { db in
                try db.execute(sql: "UPDATE endpoint SET port = 994")
                held.signal()
                Thread.sleep(forTimeInterval: 0.8)
            }
        }
        held.wait()
        #expect(migrationError { try impatient.setEndpoint("E", EndpointChanges(port: 995)) }?.message.contains("locked") == true)
        Thread.detachNewThread {
            let start = Date()
            try? patient.setEndpoint("E", EndpointChanges(port: 996))
            waited.withLock { $0 = Date().timeIntervalSince(start) }
            done.signal()
        }
        done.wait()
        #expect(waited.withLock { $0 } > 0.3)
        #expect(try patient.endpoint("E").port == 996)
    }

    static var selfPath: String {
        (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
    }
}
