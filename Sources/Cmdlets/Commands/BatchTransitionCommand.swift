import Migration
import PowerShell

/// Start-, Stop-, Complete- and Remove-MigrationBatch: one status change each, checked against
/// the batch lifecycle inside the store's transaction. A refused change writes an error and
/// leaves the batch and its users as they were.
final class BatchTransitionCommand: MigrationCmdlet {
    let operation: BatchOperation

    init(_ operation: BatchOperation) { self.operation = operation }

    func process(_ context: CommandContext) throws {
        let id = identity(context)
        if context.parameters.isBound("Identity") && id == nil { return }
        try reportingErrors(context, target: id) {
            let s = try store(context)
            let targets: [MigrationBatch]
            if let id {
                targets = [try s.batch(id)]
            } else {
                // Exchange's -Identity is optional here: act on every batch the status allows.
                targets = try s.batches().filter { BatchLifecycle.check(operation, $0.name, $0.status) == nil }
            }
            for batch in targets {
                try reportingErrors(context, target: batch.identity) {
                    if let refusal = BatchLifecycle.check(operation, batch.name, batch.status) { throw refusal }
                    guard try context.shouldProcess(target: batch.identity, action: context.commandName) else { return }
                    switch operation {
                    case .start: _ = try s.startBatch(batch.identity)
                    case .stop: _ = try s.stopBatch(batch.identity)
                    case .complete: _ = try s.completeBatch(batch.identity)
                    default: try s.removeBatch(batch.identity)
                    }
                    ServiceAutoStart.ensureRunning(context)
                }
            }
        }
    }
}
