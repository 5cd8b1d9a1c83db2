import Migration
import PowerShell

/// Complete-MigrationBatch: finalizes a synced batch.
enum CompleteMigrationBatch {
    static let declaration = CommandDeclaration(
        name: "Complete-MigrationBatch",
        synopsis: "Finalizes a synced migration batch: one last incremental sync, then Completed.",
        description: """
            Allowed when the batch is Synced or SyncedWithErrors. The batch moves to Completing; \
            the migration service runs a final incremental sync and then marks it Completed (or \
            CompletedWithErrors). Exchange Online today refuses this for IMAP batches; migsh accepts \
            it because runbooks call it. The cmdlet asks for confirmation; -Confirm:$false \
            completes without asking.
            """,
        parameters: [
            SharedParameters.identity(MigrationEnums.batchId, display: MigrationEnums.batchIdName, provider: SharedParameters.batchProvider,
                                      mandatory: false, help: "Name of the batch to complete."),
            SharedParameters.named("SyncAndComplete", .switchParameter,
                                   help: "Runs the final sync and completes in one step; refused while any user is failed or stopped."),
            SharedParameters.partition,
        ],
        examples: [
            CommandExample("Complete-MigrationBatch -Identity IMAPBatch1 -Confirm:$false",
                           "Completes IMAPBatch1 without asking."),
        ],
        supportsShouldProcess: true, confirmImpact: .high,
        make: { BatchTransitionCommand(.complete) })
}
