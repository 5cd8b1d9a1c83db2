import Migration
import PowerShell

/// Stop-MigrationBatch: pauses a batch that is syncing or synced.
enum StopMigrationBatch {
    static let declaration = CommandDeclaration(
        name: "Stop-MigrationBatch",
        synopsis: "Stops the processing of a migration batch.",
        description: """
            Allowed while the batch is syncing, synced (an IMAP batch keeps syncing once a day) or \
            starting. The batch and its active users move to Stopped; mail already copied stays. \
            Start-MigrationBatch resumes it. Other statuses are refused and nothing changes. \
            Without -Identity, every batch that can be stopped is stopped.
            """,
        parameters: [
            SharedParameters.identity(MigrationEnums.batchId, display: MigrationEnums.batchIdName, provider: SharedParameters.batchProvider,
                                      mandatory: false, help: "Name of the batch to stop."),
            SharedParameters.partition,
        ],
        examples: [
            CommandExample("Stop-MigrationBatch -Identity IMAPBatch1", "Stops IMAPBatch1."),
        ],
        supportsShouldProcess: true, confirmImpact: .medium,
        make: { BatchTransitionCommand(.stop) })
}
