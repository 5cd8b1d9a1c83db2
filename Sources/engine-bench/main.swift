// engine-bench: drives the sync engine's real path (Migration store -> UserMigration -> IMAP source ->
// Maildir target) for every user of one batch, N users at a time on threads, for Scripts/bench.d/engine.
//
//   engine-bench setup <home> <host> <port> <csv> [max concurrent]
//                                                   create the endpoint (SSL; MaxConcurrentMigrations and
//                                                   MaxConcurrentIncrementalSyncs, default 100/20) and
//                                                   batch "Bench" from the CSV
//   engine-bench start <home>                       start batch "Bench" (for a `migsh --service` to run)
//   engine-bench progress <home>                    print "<users done> <users> <failed users> <status>" of
//                                                   batch "Bench" (done: Synced or failed)
//   engine-bench sync <home> <concurrency>          run every user of batch "Bench" once (initial sync the
//                                                   first time, incremental after); print one line:
//                                                   "users failed messages bytes seconds peak_rss_mb
//                                                    messages_per_s mb_per_s"
// ENGINE_BENCH_VERIFY=none|copied|all sets the post-sync byte check (default: the engine's, copied).
// TLS trust comes from SSL_CERT_FILE, as in production. The Maildirs land under <home>/mailboxes.
import Foundation
import Engine
import Migration

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data(("engine-bench: " + message + "\n").utf8))
    exit(2)
}

/// Peak resident set of this process so far, in MB (Linux reports ru_maxrss in KB).
func peakRSSMegabytes() -> Double {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    return Double(usage.ru_maxrss) / 1024
}

func seconds(since start: ContinuousClock.Instant) -> Double {
    let d = ContinuousClock.now - start
    return Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18
}

let batchName = "Bench", endpointName = "BenchDovecot"

func openStore(_ home: String) -> MigrationStore {
    // The service's connection kind: a WAL pool, so the users' threads read concurrently.
    MigrationStore(directory: StateDirectory(path: home), connectionKind: .pool, busyTimeout: 60)
}

func setup(home: String, host: String, port: Int, csvPath: String, concurrency: Int?) throws {
    guard let data = FileManager.default.contents(atPath: csvPath) else { fail("can't read \(csvPath)") }
    let store = openStore(home)
    var endpoint = MigrationEndpoint(name: endpointName, remoteServer: host, port: port, security: .ssl)
    if let n = concurrency { endpoint.maxConcurrentMigrations = n; endpoint.maxConcurrentIncrementalSyncs = n }
    try store.createEndpoint(endpoint)
    let batch = try store.createBatch(NewBatchOptions(name: batchName, sourceEndpoint: endpointName),
                                      csv: try ImapCsv.parse([UInt8](data)))
    print("created batch \(batch.name) with \(batch.counts.totalCount) users")
}

/// Totals shared by the worker threads.
final class Tally: @unchecked Sendable {
    private let lock = NSLock()
    private var next = 0
    private(set) var messages = 0, bytes = 0, failed = 0
    var errors: [String] = []
    let identities: [String]
    init(_ identities: [String]) { self.identities = identities }

    func take() -> String? {
        lock.withLock {
            guard next < identities.count else { return nil }
            defer { next += 1 }
            return identities[next]
        }
    }

    func add(_ outcome: UserMigrationOutcome?, _ identity: String, error: String? = nil) {
        lock.withLock {
            if let report = outcome?.report { messages += report.copied; bytes += report.copiedBytes }
            if let text = error ?? outcome?.error { failed += 1; errors.append("\(identity): \(text)") }
        }
    }
}

/// The byte check named by ENGINE_BENCH_VERIFY, to show what verification costs; nil keeps the default.
let byteCheck: SyncOptions.ByteCheck? = switch ProcessInfo.processInfo.environment["ENGINE_BENCH_VERIFY"] {
case "none": SyncOptions.ByteCheck.none
case "copied": .copiedThisSync
case "all": .all
default: nil
}

func sync(home: String, concurrency: Int) throws {
    let store = openStore(home)
    let identities = try store.users(batch: batchName).map(\.emailAddress)
    guard !identities.isEmpty else { fail("batch \(batchName) has no users (run setup first)") }
    let tally = Tally(identities)
    let done = DispatchGroup()
    let start = ContinuousClock.now
    for _ in 0..<max(1, min(concurrency, identities.count)) {
        done.enter()
        // One runner per thread, as each of the service's migration slots has its own.
        let thread = Thread {
            let runner = UserMigration(store: store)
            if let check = byteCheck { runner.options.verifyTargetBytes = check }
            while let identity = tally.take() {
                do { tally.add(try runner.run(identity), identity) }
                catch { tally.add(nil, identity, error: "\(error)") }
            }
            done.leave()
        }
        thread.stackSize = 8 << 20
        thread.start()
    }
    done.wait()
    let wall = seconds(since: start)
    for e in tally.errors.prefix(5) { FileHandle.standardError.write(Data(("engine-bench: " + e + "\n").utf8)) }
    print(String(format: "%d %d %d %d %.3f %.1f %.1f %.2f", identities.count, tally.failed, tally.messages, tally.bytes,
                 wall, peakRSSMegabytes(), Double(tally.messages) / wall, Double(tally.bytes) / wall / 1_048_576))
}

func progress(home: String) throws {
    let store = openStore(home)
    let users = try store.users(batch: batchName)
    let failed = users.filter { $0.status.summary == .failed }.count
    let done = users.filter { $0.status.summary == .synced }.count + failed
    print("\(done) \(users.count) \(failed) \(try store.batch(batchName).status.rawValue)")
}

let args = CommandLine.arguments
do {
    switch args.count > 1 ? args[1] : "" {
    case "setup" where args.count == 6 || args.count == 7:
        guard let port = Int(args[4]) else { fail("setup: port must be a number") }
        try setup(home: args[2], host: args[3], port: port, csvPath: args[5], concurrency: args.count == 7 ? Int(args[6]) : nil)
    case "start" where args.count == 3:
        _ = try openStore(args[2]).startBatch(batchName)
    case "progress" where args.count == 3:
        try progress(home: args[2])
    case "sync" where args.count == 4:
        guard let n = Int(args[3]), n > 0 else { fail("sync: concurrency must be a positive number") }
        try sync(home: args[2], concurrency: n)
    default:
        fail("usage: engine-bench setup <home> <host> <port> <csv> [max concurrent] | sync <home> <concurrency>"
             + " | start <home> | progress <home>")
    }
} catch {
    fail("\(error)")
}
