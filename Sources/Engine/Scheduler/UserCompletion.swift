// Set-MigrationUser -CompleteAfter: a user's own completion time wins over its batch's. A user of a Synced
// batch whose own time has come gets its final sync and ends Completed while the others keep their
// incremental syncs; a user whose own time is still ahead holds back the batch's completion
// (-AutoComplete, the batch's CompleteAfter) for itself while the others complete. Once no user is left
// to complete, the batch is Completed (CompletedWithErrors when some failed).
import Foundation
import Migration

extension MigrationService {
    /// Whether the whole batch may complete at once: no user's own CompleteAfter is still ahead.
    func noUserHoldsCompletion(_ b: MigrationBatch, now: Date) throws -> Bool {
        try !store.users(batch: b.batchGuid.uuidString).contains { u in
            u.status.summary == .synced && (u.settings.completeAfter.map { $0 > now } ?? false)
        }
    }

    /// Starts the final sync of each synced user whose completion time has passed (its own CompleteAfter,
    /// else the batch's when `batchDue`), within the endpoint's incremental limit. Returns whether any user
    /// of the batch is completing or has just completed, so the batch's own scheduling waits for them.
    func completeDueUsers(_ b: MigrationBatch, now: Date, batchDue: Bool) throws -> Bool {
        let users = try store.users(batch: b.batchGuid.uuidString).sorted { $0.csvRow < $1.csvRow }
        var active = false
        for u in users where u.settings.completeAfter != nil || batchDue {
            if isRunning(u.emailAddress) { active = active || u.status == .completing; continue }
            guard u.status.summary == .synced, (u.settings.completeAfter ?? (batchDue ? now : .distantFuture)) <= now else { continue }
            active = true
            let endpointName = b.sourceEndpoint ?? ""
            let limit = (try? store.endpoint(endpointName))?.maxConcurrentIncrementalSyncs ?? 10
            guard load(endpoint: endpointName).incremental < max(limit, 1) else { continue }
            log.info("user \(u.emailAddress) of batch \(b.name): completing on its own")
            launch(ServiceWorker(email: u.emailAddress.lowercased(), batchName: b.name, batchGuid: b.batchGuid,
                                 endpoint: endpointName, kind: .completing))
        }
        let completed = users.filter { $0.status.summary == .completed }.count
        let failed = users.filter { $0.status.summary == .failed }.count
        if !active, completed > 0, completed + failed == users.count {
            let status: MigrationBatchStatus = failed == 0 ? .completed : .completedWithErrors
            if try store.setBatchStatus(b.batchGuid.uuidString, status, expected: b.status) {
                log.info("batch \(b.name): \(status.rawValue) (its users completed on their own CompleteAfter)")
            }
            return true
        }
        return active
    }
}
