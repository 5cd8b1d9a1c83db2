// One user's sync on its own thread, cancellable: the sync core calls the hook at every message and
// state write, and a cancelled worker throws from there (the core is built to stop at any such point
// as if the process had died, and resumes exactly from its state).
import Foundation
import Migration

struct ServiceCancellation: Error {}

final class ServiceWorker: @unchecked Sendable {
    enum Kind: Sendable { case initial, incremental, completing }

    let email: String
    let batchName: String
    let batchGuid: UUID
    let endpoint: String
    let kind: Kind
    private let lock = NSLock()
    private var cancelledFlag = false

    init(email: String, batchName: String, batchGuid: UUID, endpoint: String, kind: Kind) {
        self.email = email
        self.batchName = batchName
        self.batchGuid = batchGuid
        self.endpoint = endpoint
        self.kind = kind
    }

    var isCancelled: Bool { lock.withLock { cancelledFlag } }
    func cancel() { lock.withLock { cancelledFlag = true } }

    /// Counts against MaxConcurrentIncrementalSyncs rather than MaxConcurrentMigrations.
    var isIncremental: Bool { kind != .initial }

    /// Hooks for the sync core: the environment's crash hooks (process tests), then the cancel check.
    func hooks(observer: (@Sendable (String, SyncEvent) -> Void)?) -> SyncHooks {
        let crash = SyncHooks.fromEnvironment()
        return SyncHooks { [self] event in
            try crash.onEvent?(event)
            observer?(email, event)
            if isCancelled { throw ServiceCancellation() }
        }
    }

    /// Runs the sync and settles the user's status. Never throws.
    func run(store: MigrationStore, settings: ServiceSettings, log: ServiceLog) {
        let runner = UserMigration(store: store)
        runner.additionalCAFile = settings.additionalCAFile
        runner.hooks = hooks(observer: settings.syncEventObserver)
        let started = Date()
        do {
            // The final sync keeps the user Completing until it ends, then Completed.
            let outcome = try runner.run(email, finalSync: kind == .completing)
            log.info("user \(email) \(outcome.status.rawValue) in \(Self.seconds(since: started))"
                     + (outcome.report.map { ", \($0.copied) copied" } ?? "") + (outcome.error.map { ": \($0)" } ?? ""))
        } catch is ServiceCancellation {
            settleCancelled(store: store, log: log)
        } catch MigrationError.userNotFound {
            log.info("user \(email) was removed while syncing")
        } catch MigrationError.batchNotFound {
            log.info("the batch of \(email) was removed while syncing")
        } catch {
            let failed: MigrationUserStatus = kind == .initial ? .failed : (kind == .completing ? .completionFailed : .incrementalFailed)
            log.error("user \(email) \(failed.rawValue): \(error)")
            try? store.setUserStatus(email, failed, errorSummary: "MigrationTransientException: \(error)")
        }
    }

    /// A stopped batch leaves its cancelled users Stopped (IncrementalStopped once synced before); when the
    /// service itself shuts down the status stays as it was so the next service picks the user up again.
    private func settleCancelled(store: MigrationStore, log: ServiceLog) {
        guard let batch = try? store.batch(batchGuid.uuidString), let user = try? store.user(email) else {
            log.info("user \(email) cancelled: removed")
            return
        }
        if [.stopped, .stopping].contains(batch.status) {
            let stopped: MigrationUserStatus = user.lastSuccessfulSyncTime == nil ? .stopped : .incrementalStopped
            try? store.setUserStatus(email, stopped)
            log.info("user \(email) \(stopped.rawValue)")
        } else {
            log.info("user \(email) cancelled (service stopping), status left \(user.status.rawValue)")
        }
    }

    static func seconds(since start: Date) -> String { String(format: "%.2fs", Date().timeIntervalSince(start)) }
}
