// Set-MigrationUser -CompleteAfter: a user of a Synced batch whose own completion time has come gets its
// final sync and ends Completed while the batch's other users keep their incremental syncs. Once every
// user of the batch is Completed the batch is too.
import Foundation
import Migration

extension MigrationService {
    /// Starts the final sync of each synced user whose CompleteAfter has passed, within the endpoint's
    /// incremental limit. Returns whether any user of the batch is completing or has just completed, so
    /// the batch's own scheduling waits for them.
    func completeDueUsers(_ b: MigrationBatch, now: Date) throws -> Bool {
        let users = try store.users(batch: b.batchGuid.uuidString).sorted { $0.csvRow < $1.csvRow }
        var active = false
        for u in users where u.settings.completeAfter != nil {
            if isRunning(u.emailAddress) { active = true; continue }
            guard u.status.summary == .synced, let after = u.effectiveCompleteAfter(in: b), after <= now else { continue }
            active = true
            let endpointName = b.sourceEndpoint ?? ""
            let limit = (try? store.endpoint(endpointName))?.maxConcurrentIncrementalSyncs ?? 10
            guard load(endpoint: endpointName).incremental < max(limit, 1) else { continue }
            log.info("user \(u.emailAddress) of batch \(b.name): completing (its CompleteAfter reached)")
            launch(ServiceWorker(email: u.emailAddress.lowercased(), batchName: b.name, batchGuid: b.batchGuid,
                                 endpoint: endpointName, kind: .completing))
        }
        if !active, !users.isEmpty, users.allSatisfy({ $0.status.summary == .completed }) {
            if try store.setBatchStatus(b.batchGuid.uuidString, .completed, expected: b.status) {
                log.info("batch \(b.name): Completed (every user completed on its own CompleteAfter)")
            }
            return true
        }
        return active
    }
}
