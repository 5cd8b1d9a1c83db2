// migration-bench: drives the Migration module's API from outside a test process.
//   generate <rows> <file>          write a valid IMAP batch CSV of <rows> users
//   create <file> <batch>           create an endpoint (once) and a batch from the CSV; print seconds
//   list                            load every user; print seconds and the count
//   worker <id> <rounds>            one writer of the multi-process concurrency test
// The state directory comes from MIGSH_HOME like migsh's own.
import Foundation
import Migration

let args = CommandLine.arguments
func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data((message + "\n").utf8))
    exit(2)
}
/// CPU seconds (user + system) this process has used: the figure that stays meaningful when
/// other work shares the machine.
func cpuSeconds() -> Double {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    func s(_ t: timeval) -> Double { Double(t.tv_sec) + Double(t.tv_usec) / 1e6 }
    return s(usage.ru_utime) + s(usage.ru_stime)
}
func seconds(_ start: ContinuousClock.Instant) -> Double {
    let d = ContinuousClock.now - start
    return Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18
}

guard args.count >= 2 else { fail("usage: migration-bench generate|create|list|worker ...") }
do {
    switch args[1] {
    case "generate" where args.count == 4:
        guard let rows = Int(args[2]) else { fail("generate: rows must be a number") }
        var text = "EmailAddress,UserName,Password,UserRoot\r\n"
        text.reserveCapacity(rows * 80)
        for i in 1...rows { text += "user\(i)@bench.contoso.com,contoso\\user\(i),\"Pw,\(i)-\(i &* 7919)\",/users/user\(i)\r\n" }
        guard FileManager.default.createFile(atPath: args[3], contents: Data(text.utf8)) else { fail("generate: can't write \(args[3])") }
    case "create" where args.count == 4:
        guard let data = FileManager.default.contents(atPath: args[2]) else { fail("create: can't read \(args[2])") }
        let bytes = [UInt8](data)
        let store = MigrationStore()
        if (try? store.endpoint("BenchEndpoint")) == nil {
            try store.createEndpoint(MigrationEndpoint(name: "BenchEndpoint", remoteServer: "imap.bench.contoso.com"))
        }
        let start = ContinuousClock.now
        let csv = try ImapCsv.parse(bytes)
        let parsed = seconds(start)
        let batch = try store.createBatch(NewBatchOptions(name: args[3], sourceEndpoint: "BenchEndpoint"), csv: csv)
        print(String(format: "created %d users in %.3f s (CSV parse+validate %.3f s); process CPU %.3f s",
                     batch.counts.totalCount, seconds(start), parsed, cpuSeconds()))
    case "list" where args.count == 2:
        let start = ContinuousClock.now
        let users = try MigrationStore().users()
        print(String(format: "listed %d users in %.3f s; process CPU %.3f s", users.count, seconds(start), cpuSeconds()))
    case "worker" where args.count == 4:
        guard let id = Int(args[2]), let rounds = Int(args[3]) else { fail("worker: id and rounds must be numbers") }
        try StressWorker(id: id, store: MigrationStore()).run(rounds: rounds)
    default:
        fail("migration-bench: unknown command or wrong arguments: \(args.dropFirst().joined(separator: " "))")
    }
} catch let error as MigrationError {
    fail(error.message)
}
