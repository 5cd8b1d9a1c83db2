import Migration
import PowerShell

/// Start-MigrationBatch: starts a created batch, resumes a stopped one, retries failures.
enum StartMigrationBatch {
    static let declaration = CommandDeclaration(
        name: "Start-MigrationBatch",
        synopsis: "Starts, resumes or retries a migration batch.",
        description: """
            Allowed when the batch is Created (first start), Stopped (resume), Failed, \
            SyncedWithErrors or CompletedWithErrors (retry the failed users), and while it is \
            Syncing or Synced (retry failed users). The batch moves to Syncing and its users are \
            queued; the migration service then copies the mail. Any other status is refused and \
            nothing changes. Without -Identity, every batch that can be started is started.
            """,
        parameters: [
            SharedParameters.identity(MigrationEnums.batchId, display: MigrationEnums.batchIdName, provider: SharedParameters.batchProvider,
                                      mandatory: false, help: "Name of the batch to start."),
            SharedParameters.partition,
        ],
        examples: [
            CommandExample("Start-MigrationBatch -Identity IMAPBatch1", "Starts IMAPBatch1."),
            CommandExample("Get-MigrationBatch -Status Stopped | Start-MigrationBatch", "Resumes every stopped batch."),
        ],
        supportsShouldProcess: true, confirmImpact: .medium,
        make: { BatchTransitionCommand(.start) })
}
