// Crashes of a real process: a worker (this test binary, re-run with a filter) syncs a fixture prepared
// by the test and is killed with SIGKILL at a random moment, or ends itself right after state write k
// (MIGSH_TEST_CRASH_AFTER / _BEFORE). The test then resumes in-process and expects an exact copy.
import Testing
@preconcurrency import Glibc
@testable import Engine

/// Runs this test binary again as a worker for `KillWorker`, with extra environment variables.
func spawnWorker(fixture: String, environment: [String: String]) -> pid_t {
    var env = ["MIGSH_KILL_WORKER_DIR=\(fixture)"] + environment.map { "\($0.key)=\($0.value)" }
    var i = 0
    while let e = environ[i] { env.append(String(cString: e)); i += 1 }
    let exe = "/proc/self/exe"
    let args = [exe, "--testing-library", "swift-testing", "--filter", "KillWorker"]
    var fileActions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&fileActions)
    posix_spawn_file_actions_addopen(&fileActions, 1, "/dev/null", O_WRONLY, 0)
    posix_spawn_file_actions_addopen(&fileActions, 2, "/dev/null", O_WRONLY, 0)
    defer { posix_spawn_file_actions_destroy(&fileActions) }
    var pid: pid_t = 0
    let cArgs = args.map { strdup($0) } + [nil]
    let cEnv = env.map { strdup($0) } + [nil]
    defer { cArgs.forEach { free($0) }; cEnv.forEach { free($0) } }
    let rc = posix_spawn(&pid, exe, &fileActions, nil, cArgs, cEnv)
    return rc == 0 ? pid : -1
}

/// Waits for `pid`; returns (exit status or nil, signal or nil).
func waitWorker(_ pid: pid_t) -> (Int32?, Int32?) {
    var status: Int32 = 0
    while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
    let sig = status & 0x7F
    return sig == 0 ? ((status >> 8) & 0xFF, nil) : (nil, sig)
}

/// The worker: syncs the fixture named by MIGSH_KILL_WORKER_DIR with the environment's crash hooks.
/// Run directly (no worker variable), it syncs a small fixture of its own and checks the copy.
@Suite struct KillWorker {
    @Test func syncFixtureFromEnvironment() throws {
        if let dir = getenv("MIGSH_KILL_WORKER_DIR").map({ String(cString: $0) }) {
            let fx = SyncFixture(existing: dir)
            fx.options.batchMessages = Int(getenv("MIGSH_KILL_BATCH").map { String(cString: $0) } ?? "") ?? 4
            try fx.sync(hooks: .fromEnvironment())
            return
        }
        let fx = SyncFixture()
        try ProcessKillTests.buildCorpus(fx, messages: 20)
        try fx.sync(hooks: .fromEnvironment())
        #expect(try fx.mismatches(mapping: ProcessKillTests.mapping) == [])
    }
}

@Suite(.serialized) struct ProcessKillTests {
    static let mapping: [(FolderPath, FolderPath)] = [(.inbox, .inbox), (FolderPath(["Sent Items"]), FolderPath(["Sent"])),
                                                      (FolderPath(["Ablage", "Straße"]), FolderPath(["Ablage", "Straße"]))]

    static func buildCorpus(_ fx: SyncFixture, messages: Int) throws {
        let source = try MaildirStore(root: fx.sourceRoot)
        let keywords = ["$Forwarded", "Work", "Later"]
        var inbox: [CorpusMessage] = []
        for n in 0..<messages {
            inbox.append(CorpusMessage(body: message(n, messageID: n % 7 != 0, extra: String(repeating: "z", count: n * 37 % 3000)),
                                       flags: MessageFlags(system: n % 2 == 0 ? [.seen] : [], keywords: n % 3 == 0 ? [keywords[n % 3]] : []),
                                       date: 788_918_400 + Int64(n) * 86_400))
        }
        inbox.append(inbox[3])   // a duplicate
        try fill(source, .inbox, inbox)
        try fill(source, FolderPath(["Sent Items"]), (0..<messages / 4).map { CorpusMessage(body: message($0, subject: "Sent")) })
        try fill(source, FolderPath(["Ablage", "Straße"]), (0..<messages / 4).map { CorpusMessage(body: message($0, subject: "Ablage")) })
    }

    @Test func processEndsRightAfterEachStateWriteThenResumes() throws {
        var k = 1
        while k < 100 {
            let fx = SyncFixture()
            try Self.buildCorpus(fx, messages: 10)
            let pid = spawnWorker(fixture: fx.dir.path, environment: ["MIGSH_TEST_CRASH_AFTER": "\(k)", "MIGSH_KILL_BATCH": "4"])
            #expect(pid > 0)
            let (status, _) = waitWorker(pid)
            if status == 0 { break }           // the sync has fewer than k state writes
            #expect(status == 75, "worker for write \(k) ended with \(String(describing: status))")
            try fx.sync()
            #expect(try fx.mismatches(mapping: Self.mapping) == [], "crash after write \(k)")
            k += 1
        }
        #expect(k > 5, "the worker's sync must have several state writes")
    }

    /// Target copies beyond the source's (duplicates) and source messages without an exact copy (losses),
    /// counted over the mapped folders by (hash of bytes, flags, date).
    static func copyDifferences(_ fx: SyncFixture) throws -> (duplicates: Int, losses: Int) {
        let source = try MaildirStore(root: fx.sourceRoot, create: false)
        let target = try MaildirStore(root: fx.targetRoot, create: false)
        var duplicates = 0, losses = 0
        for (s, t) in mapping {
            var want: [String: Int] = [:], got: [String: Int] = [:]
            for p in try fingerprints(source, s) { want[p, default: 0] += 1 }
            for p in (try? fingerprints(target, t)) ?? [] { got[p, default: 0] += 1 }
            for (p, n) in got { duplicates += max(0, n - want[p, default: 0]) }
            for (p, n) in want { losses += max(0, n - got[p, default: 0]) }
        }
        return (duplicates, losses)
    }

    /// MIGSH_KILL_ITERATIONS rounds (default 10; `Scripts/bench kill-resume` runs 100): kill -9 at a random
    /// moment. Prints one summary line with the figures.
    @Test func killNineAtRandomMomentsThenResume() throws {
        let rounds = environmentInt("MIGSH_KILL_ITERATIONS") ?? 10
        let started = monotonicMicroseconds()
        var duplicates = 0, losses = 0
        // Measure one uninterrupted worker run to spread the kills over a whole sync.
        let probe = SyncFixture()
        try Self.buildCorpus(probe, messages: 120)
        let t0 = monotonicMicroseconds()
        let (s0, _) = waitWorker(spawnWorker(fixture: probe.dir.path, environment: [:]))
        #expect(s0 == 0)
        let duration = max(monotonicMicroseconds() - t0, 20_000)
        var killedMidway = 0
        for round in 0..<rounds {
            let fx = SyncFixture()
            try Self.buildCorpus(fx, messages: 120)
            let pid = spawnWorker(fixture: fx.dir.path, environment: [:])
            usleep(UInt32(Int.random(in: 0...Int(duration))))
            kill(pid, SIGKILL)
            let (_, signal) = waitWorker(pid)
            if signal == SIGKILL { killedMidway += 1 }
            let report = try fx.sync()
            let found = try Self.copyDifferences(fx)
            duplicates += found.duplicates; losses += found.losses
            #expect(try fx.mismatches(mapping: Self.mapping) == [], "round \(round)")
            #expect(report.verification?.score == .perfect, "round \(round)")
        }
        #expect(killedMidway > 0 || rounds == 0)
        #expect(duplicates == 0 && losses == 0)
        let seconds = Double(monotonicMicroseconds() - started) / 1e6
        print("kill-resume: \(rounds) iterations, \(killedMidway) killed mid-sync, \(duplicates) duplicates, \(losses) losses, "
              + String(format: "%.1f s", seconds))
    }
}

func monotonicMicroseconds() -> Int {
    var t = timespec()
    clock_gettime(CLOCK_MONOTONIC, &t)
    return t.tv_sec * 1_000_000 + t.tv_nsec / 1000
}
