import Migration
import PowerShell

/// Remove-MigrationBatch: deletes a batch, its users and their stored credentials.
enum RemoveMigrationBatch {
    static let declaration = CommandDeclaration(
        name: "Remove-MigrationBatch",
        synopsis: "Deletes a migration batch, its users and their stored passwords.",
        description: """
            For IMAP migrations this is the last step, once mail is routed to the new mailboxes: \
            syncing stops for good. Mail already copied stays in the target mailboxes. The \
            batch's users and their encrypted passwords are erased. The cmdlet asks for \
            confirmation; -Confirm:$false removes without asking (needed in non-interactive scripts).
            """,
        parameters: [
            SharedParameters.identity(MigrationEnums.batchId, display: MigrationEnums.batchIdName, provider: SharedParameters.batchProvider,
                                      mandatory: false, help: "Name of the batch to delete."),
            SharedParameters.partition,
        ],
        examples: [
            CommandExample("Remove-MigrationBatch -Identity IMAPBatch1", "Deletes IMAPBatch1 after asking for confirmation."),
            CommandExample("Get-MigrationBatch | Where-Object Status -eq Completed | Remove-MigrationBatch -Confirm:$false",
                           "Deletes every completed batch without asking."),
        ],
        supportsShouldProcess: true, confirmImpact: .high,
        make: { BatchTransitionCommand(.remove) })
}
