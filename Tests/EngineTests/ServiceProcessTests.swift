// The service as real processes: a migsh script starts a batch with -AutoStart and exits, the service it
// spawned finishes the sync, a later migsh process sees Synced, and `migsh --service-stop` ends it.
import Foundation
import Testing
import Migration
@testable import Engine

extension EngineDovecotSuites {
    @Suite struct ServiceProcessTests {
        static var migshBinary: String {
            if let b = ProcessInfo.processInfo.environment["MIGSH_BIN"], !b.isEmpty { return b }
            return TestDovecot.repoRoot + "/.build/debug/migsh"
        }

        /// Runs migsh with `arguments` in the given environment; returns exit status and standard output.
        static func migsh(_ arguments: [String], _ env: [String: String]) throws -> (Int32, String) {
            let p = Process()
            p.executableURL = URL(fileURLWithPath: migshBinary)
            p.arguments = arguments
            p.environment = env
            // A file, not a pipe: a reader of a pipe would also wait for every process that inherited it.
            let path = NSTemporaryDirectory() + "/migsh-service-test-\(UUID().uuidString).out"
            FileManager.default.createFile(atPath: path, contents: nil)
            defer { try? FileManager.default.removeItem(atPath: path) }
            let out = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
            p.standardOutput = out
            p.standardError = out
            p.standardInput = FileHandle.nullDevice
            try p.run()
            p.waitUntilExit()
            try out.close()
            return (p.terminationStatus, (try? String(contentsOfFile: path, encoding: .utf8)) ?? "")
        }

        @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: migshBinary)))
        func autoStartedServiceSyncsAfterTheScriptExits() throws {
            let f = try ServiceFixture()
            try f.addAccounts([1, 3, 4], fill: true)
            let csvPath = f.fx.dir.path + "/users.csv"
            var csv = "EmailAddress,UserName,Password\n"
            for a in f.accounts { csv += "\(f.email(a.user)),\(a.user),\"\(a.password.replacingOccurrences(of: "\"", with: "\"\""))\"\n" }
            try csv.write(toFile: csvPath, atomically: true, encoding: .utf8)
            var env = ProcessInfo.processInfo.environment
            env["MIGSH_HOME"] = f.home
            env["SSL_CERT_FILE"] = f.dovecot.env["IMAP_CA_FILE"]
            env["MIGSH_SERVICE_IDLE_EXIT"] = "30"
            env["MIGSH_NO_SERVICE"] = nil
            env["MIGSH_SERVICE_EXECUTABLE"] = Self.migshBinary
            let script = "New-MigrationEndpoint -IMAP -Name TestDovecot -RemoteServer 127.0.0.1 -Port \(f.dovecot.port) -Security Ssl | Out-Null; "
                + "New-MigrationBatch -Name Batch1 -SourceEndpoint TestDovecot -CSVData ([System.IO.File]::ReadAllBytes('\(csvPath)')) -AutoStart | Out-Null"
            let started = Date()
            let (status, output) = try Self.migsh(["-NoProfile", "-NonInteractive", "-Command", script], env)
            #expect(status == 0, "\(output)")
            defer { _ = try? Self.migsh(["--service-stop"], env) }

            var last = ""
            let synced = eventually(timeout: 90) {
                last = (try? Self.migsh(["-NoProfile", "-Command", "Get-MigrationBatch | Format-List Status"], env).1) ?? ""
                return last.contains("Status : Synced")
            }
            #expect(synced, "last output: \(last)")
            print("service: 3-user batch through migsh -AutoStart reached Synced in \(String(format: "%.2f", Date().timeIntervalSince(started))) s")
            #expect(ServiceLock.isHeld(in: f.home))
            for a in f.accounts { #expect(try f.mailVerifiedExact(a.user), "\(a.user)") }
            let log = (try? String(contentsOfFile: f.home + "/service.log", encoding: .utf8)) ?? ""
            #expect(log.contains("batch Batch1: Synced"))
            for a in f.accounts { #expect(!log.contains(a.password)) }

            let (stopStatus, stopOutput) = try Self.migsh(["--service-stop"], env)
            #expect(stopStatus == 0 && stopOutput.contains("stopped"), "\(stopOutput)")
            #expect(!ServiceLock.isHeld(in: f.home))
        }
    }
}
