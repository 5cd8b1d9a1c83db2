// What the service does with each batch on a pass: which users are due, which may start now under the
// endpoint's limits (users in CSV order, batches in creation order), and the batch's status once every
// user is done.
import Foundation
import Migration

extension MigrationService {
    /// What a pass does for a batch's users: its first sync (or a resumed one), an incremental round, or
    /// the final sync of Complete-MigrationBatch.
    enum Mode { case sync, incremental, completing }

    /// Advances one batch. Returns whether the batch still needs the service.
    func advance(_ b: MigrationBatch) throws -> Bool {
        let now = Date()
        switch b.status {
        case .syncing, .starting, .waiting:
            try dispatchAndSettle(b, .sync)
        case .incrementalSyncing:
            if mutex.withLock({ rounds[b.batchGuid] == nil }) { mutex.withLock { rounds[b.batchGuid] = now } }
            try dispatchAndSettle(b, .incremental)
        case .completing:
            try dispatchAndSettle(b, .completing)
        case .synced, .syncedWithErrors:
            let batchDue = b.autoComplete || (b.completeAfter.map { $0 <= now } ?? false)
            if try batchDue && noUserHoldsCompletion(b, now: now) {
                log.info("batch \(b.name): completing (" + (b.autoComplete ? "AutoComplete" : "CompleteAfter reached") + ")")
                _ = try store.completeBatch(b.name)
            } else if try completeDueUsers(b, now: now, batchDue: batchDue) {
                // Users past their own (or the batch's) CompleteAfter are completing: the batch waits for them.
            } else if try store.users(batch: b.name, status: .queued, limit: 1).count > 0 {
                try store.setBatchStatus(b.batchGuid.uuidString, .syncing, expected: b.status)   // users added to a synced batch
            } else if (b.lastSyncedDateTime ?? .distantPast).addingTimeInterval(settings.incrementalInterval) <= now {
                try startIncrementalRound(b)
            }
        case .stopping:
            cancelWorkers { $0.batchGuid == b.batchGuid }
            if !hasWorkers(batch: b.batchGuid) { try store.setBatchStatus(b.batchGuid.uuidString, .stopped, expected: .stopping) }
        case .removing:
            cancelWorkers { $0.batchGuid == b.batchGuid }
            if !hasWorkers(batch: b.batchGuid) {
                try store.purgeBatch(b.batchGuid)
                log.info("batch \(b.name) purged")
            }
        case .stopped, .failed, .completed, .completedWithErrors, .created, .corrupted:
            if hasWorkers(batch: b.batchGuid) { cancelWorkers { $0.batchGuid == b.batchGuid } }
            return hasWorkers(batch: b.batchGuid)
        }
        return true
    }

    /// Compare-and-set from the status the pass read, so a Stop or Remove that lands meanwhile wins.
    func startIncrementalRound(_ b: MigrationBatch) throws {
        mutex.withLock { rounds[b.batchGuid] = Date() }
        guard try store.setBatchStatus(b.batchGuid.uuidString, .incrementalSyncing, expected: b.status) else { return }
        log.info("batch \(b.name): incremental sync")
    }

    private func dispatchAndSettle(_ b: MigrationBatch, _ mode: Mode) throws {
        let users = try store.users(batch: b.batchGuid.uuidString).sorted { $0.csvRow < $1.csvRow }
        let endpointName = b.sourceEndpoint ?? ""
        let endpoint = try? store.endpoint(endpointName)
        let roundStart = mutex.withLock { rounds[b.batchGuid] } ?? .distantPast
        var pending = false
        let now = Date()
        for u in users where !isRunning(u.emailAddress) {
            guard let kind = Self.due(u, mode, roundStart: roundStart) else { continue }
            pending = true
            // -StartAfter (the user's own from Set-MigrationUser, else the batch's): it waits in the queue.
            if mode == .sync, let after = u.effectiveStartAfter(in: b), after > now { continue }
            let incremental = kind != .initial
            let load = load(endpoint: endpointName)
            let limit = incremental ? endpoint?.maxConcurrentIncrementalSyncs ?? 10 : endpoint?.maxConcurrentMigrations ?? 20
            guard (incremental ? load.incremental : load.initial) < max(limit, 1) else { continue }
            launch(ServiceWorker(email: u.emailAddress.lowercased(), batchName: b.name, batchGuid: b.batchGuid,
                                 endpoint: endpointName, kind: kind))
        }
        if !pending && !hasWorkers(batch: b.batchGuid) { try settle(b, mode) }
    }

    /// The sync a user needs in this mode, or nil when it is not due.
    static func due(_ u: MigrationUser, _ mode: Mode, roundStart: Date) -> ServiceWorker.Kind? {
        let inProgress: Set<MigrationUserStatus> = [.queued, .syncing, .incrementalSyncing, .starting, .validating,
                                                    .provisioning, .provisionUpdating]
        let resumeKind: ServiceWorker.Kind = u.lastSuccessfulSyncTime == nil ? .initial : .incremental
        switch mode {
        case .sync:
            return inProgress.contains(u.status) ? resumeKind : nil
        case .incremental:
            if inProgress.contains(u.status) { return resumeKind }
            return u.status.summary == .synced && (u.lastSyncTime ?? .distantPast) < roundStart ? .incremental : nil
        case .completing:
            return inProgress.contains(u.status) || u.status == .completing || u.status.summary == .synced ? .completing : nil
        }
    }

    /// Every user is done: the batch's status from its users'.
    private func settle(_ b: MigrationBatch, _ mode: Mode) throws {
        let users = try store.users(batch: b.batchGuid.uuidString)
        let failed = users.filter { $0.status.summary == .failed }.count
        let status: MigrationBatchStatus
        switch mode {
        case .sync, .incremental:
            status = users.isEmpty || failed == 0 ? .synced : (failed == users.count ? .failed : .syncedWithErrors)
        case .completing:
            status = failed == 0 ? .completed : .completedWithErrors
        }
        mutex.withLock { rounds[b.batchGuid] = nil }
        // Compare-and-set: a cmdlet may have stopped or removed the batch since this pass read it.
        guard try store.setBatchStatus(b.batchGuid.uuidString, status, expected: b.status) else {
            log.info("batch \(b.name): left as a cmdlet set it meanwhile (not \(status.rawValue))")
            return
        }
        log.info("batch \(b.name): \(status.rawValue) (\(users.count) users, \(failed) failed)")
    }
}
