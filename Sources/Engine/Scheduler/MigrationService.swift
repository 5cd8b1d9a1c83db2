// The background migration service of one state directory: polls the shared store for requests and due
// work, runs users' syncs on worker threads within the endpoints' concurrency limits, and moves users and
// batches through Exchange's statuses. Every migsh process sees the progress through the same SQLite file.
import Foundation
import Migration

public final class MigrationService: @unchecked Sendable {
    public enum ServiceError: Error, Equatable { case alreadyRunning(String) }

    public let directory: StateDirectory
    public let settings: ServiceSettings
    let store: MigrationStore
    let log: ServiceLog
    let lock: ServiceLock

    let mutex = NSLock()
    var workers: [String: ServiceWorker] = [:]
    /// Start of the current incremental round of a batch: users last synced before it are due.
    var rounds: [UUID: Date] = [:]
    private var stopFlag = false
    private var running = 0
    private var peak = 0

    public init(stateDirectory: String, settings: ServiceSettings = .fromEnvironment()) {
        directory = StateDirectory(path: stateDirectory)
        self.settings = settings
        store = MigrationStore(directory: directory, connectionKind: .pool, busyTimeout: 30)
        lock = ServiceLock(directory: stateDirectory)
        _ = mkdir(stateDirectory, 0o700)
        log = ServiceLog(path: stateDirectory + "/service.log")
    }

    /// The most user syncs that ran at the same moment (tests check the concurrency limits).
    public var peakConcurrentSyncs: Int { mutex.withLock { peak } }
    public var activeSyncs: Int { mutex.withLock { workers.count } }

    public func requestStop() { mutex.withLock { stopFlag = true } }
    var stopRequested: Bool { mutex.withLock { stopFlag } }

    /// Runs until `requestStop()` or until idle for `settings.idleExit`. Throws when another service holds
    /// the state directory's lock. Cancels and waits for its workers before returning.
    public func run() throws {
        var acquired = false
        for _ in 0..<5 where !acquired {   // a launcher may be probing the lock at this very moment
            acquired = lock.tryAcquire()
            if !acquired { usleep(100_000) }
        }
        guard acquired else { throw ServiceError.alreadyRunning(directory.path) }
        defer { lock.release() }
        log.info("service started (pid \(getpid()), state \(directory.path), incremental every \(Int(settings.incrementalInterval))s, "
                 + "idle exit \(Int(settings.idleExit))s)")
        do {
            log.info("target: " + (try TargetSettings.load(stateDirectory: directory.path)).summary(stateDirectory: directory.path))
        } catch {
            log.error("target setting: \(error)")   // each user's sync fails with the same cause until it is fixed
        }
        var idleSince = Date()
        while !stopRequested {
            let busy: Bool
            do { busy = try tick() } catch {
                log.error("pass failed: \(error)")
                busy = true
            }
            if busy { idleSince = Date() }
            if settings.idleExit > 0 && Date().timeIntervalSince(idleSince) >= settings.idleExit {
                log.info("idle for \(Int(settings.idleExit))s with no active batch: exiting")
                break
            }
            usleep(useconds_t(settings.pollInterval * 1_000_000))
        }
        shutdown()
    }

    private func shutdown() {
        let all = mutex.withLock { Array(workers.values) }
        all.forEach { $0.cancel() }
        let deadline = Date().addingTimeInterval(30)
        while activeSyncs > 0 && Date() < deadline { usleep(20_000) }
        log.info("service stopped")
    }

    /// One pass: requests, then every batch. Returns whether the service has anything to look after.
    @discardableResult
    public func tick() throws -> Bool {
        try handleRequests()
        var busy = false
        for batch in try store.batches().sorted(by: { $0.creationDateTime < $1.creationDateTime }) {
            if try advance(batch) { busy = true }
        }
        return busy || activeSyncs > 0
    }

    private func handleRequests() throws {
        let requests = try store.pendingRequests()
        guard !requests.isEmpty else { return }
        for r in requests {
            log.info("request \(r.action.rawValue) for batch \(r.batchName)" + (r.userEmail.map { " user \($0)" } ?? ""))
            switch r.action {
            case .stop:
                // Stop-MigrationUser names its user: only that sync stops, the batch's others go on.
                if let email = r.userEmail?.lowercased() { cancelWorkers { $0.email == email } }
                else { cancelWorkers { $0.batchGuid == r.batchGuid } }
            case .remove: cancelWorkers { $0.batchGuid == r.batchGuid }
            case .removeUser: cancelWorkers { $0.email == r.userEmail?.lowercased() }
            case .syncNow:
                if let b = try? store.batch(r.batchGuid.uuidString), [.synced, .syncedWithErrors].contains(b.status) {
                    try startIncrementalRound(b)
                }
            case .start, .complete, .addUsers: break   // the batch scan picks the new statuses up
            }
        }
        try store.markRequestsHandled(requests.map(\.id))
    }

    func cancelWorkers(where match: (ServiceWorker) -> Bool) {
        for w in mutex.withLock({ workers.values.filter(match) }) {
            log.info("cancelling user \(w.email)")
            w.cancel()
        }
    }

    func hasWorkers(batch: UUID) -> Bool { mutex.withLock { workers.values.contains { $0.batchGuid == batch } } }
    func isRunning(_ email: String) -> Bool { mutex.withLock { workers[email.lowercased()] != nil } }

    /// Running syncs of one endpoint, initial and incremental.
    func load(endpoint: String) -> (initial: Int, incremental: Int) {
        mutex.withLock {
            let mine = workers.values.filter { $0.endpoint == endpoint }
            return (mine.filter { !$0.isIncremental }.count, mine.filter(\.isIncremental).count)
        }
    }

    /// Starts a worker thread for a user.
    func launch(_ w: ServiceWorker) {
        mutex.withLock {
            workers[w.email] = w
            running += 1
            peak = max(peak, running)
        }
        log.info("user \(w.email) of batch \(w.batchName): \(w.kind) sync starting")
        let thread = Thread { [self] in
            w.run(store: store, settings: settings, log: log)
            mutex.withLock {
                workers[w.email] = nil
                running -= 1
            }
        }
        thread.stackSize = 8 << 20
        thread.start()
    }
}
