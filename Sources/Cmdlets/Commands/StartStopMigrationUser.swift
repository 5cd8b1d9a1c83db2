import Migration
import PowerShell

/// Start-MigrationUser and Stop-MigrationUser: one user's share of Start-/Stop-MigrationBatch.
enum StartMigrationUser {
    static let declaration = CommandDeclaration(
        name: "Start-MigrationUser",
        synopsis: "Starts again the migration of one user that was stopped or failed.",
        description: """
            Allowed when the user is Stopped, IncrementalStopped, Failed, IncrementalFailed or \
            CompletionFailed. The user is queued again (its error is cleared) and its batch, unless \
            it is already running, moves to Syncing as Start-MigrationBatch would make it; the \
            batch's other users stay as they are. Refused, changing nothing, for other user \
            statuses and while the batch is Created (use Start-MigrationBatch), Stopping, \
            Completing, Completed or being removed.
            """,
        parameters: [
            SharedParameters.identity(MigrationEnums.userId, display: MigrationEnums.userIdName, provider: SharedParameters.userProvider,
                                      mandatory: false, help: "Email address (or Guid) of the user to start."),
            SharedParameters.partition,
        ],
        examples: [
            CommandExample("Start-MigrationUser -Identity laura@contoso.edu", "Queues laura@contoso.edu again."),
            CommandExample("Get-MigrationUser -BatchId IMAPBatch1 -Status Failed | Start-MigrationUser",
                           "Retries every failed user of IMAPBatch1."),
        ],
        supportsShouldProcess: true, confirmImpact: .medium,
        make: { UserTransitionCommand(.start) })
}

enum StopMigrationUser {
    static let declaration = CommandDeclaration(
        name: "Stop-MigrationUser",
        synopsis: "Stops the migration of one user.",
        description: """
            Allowed while the user is queued, syncing or synced (an IMAP user keeps syncing once a \
            day). The user becomes Stopped, or IncrementalStopped once its initial sync is done; the \
            migration service halts its sync in progress, and mail already copied stays. \
            Start-MigrationUser or Start-MigrationBatch resumes it. Other statuses are refused and \
            nothing changes.
            """,
        parameters: [
            SharedParameters.identity(MigrationEnums.userId, display: MigrationEnums.userIdName, provider: SharedParameters.userProvider,
                                      mandatory: false, help: "Email address (or Guid) of the user to stop."),
            SharedParameters.partition,
        ],
        examples: [
            CommandExample("Stop-MigrationUser -Identity laura@contoso.edu", "Stops laura@contoso.edu."),
        ],
        supportsShouldProcess: true, confirmImpact: .medium,
        make: { UserTransitionCommand(.stop) })
}

/// Runs Start- or Stop-MigrationUser on the user given or piped. The status rules are checked
/// before asking (so -WhatIf reports a refusal too) and again inside the store's transaction.
final class UserTransitionCommand: MigrationCmdlet {
    let operation: UserOperation

    init(_ operation: UserOperation) { self.operation = operation }

    func process(_ context: CommandContext) throws {
        guard let id = identity(context) else {
            // Exchange's -Identity is optional, but acting on every user at once is never what a runbook means.
            context.writeError(MigrationErrors.missingValue(
                "\(context.commandName) needs -Identity: the email address or Guid of the user.",
                parameter: "Identity", command: context.commandName))
            return
        }
        try reportingErrors(context, target: id) {
            let s = try store(context)
            let user = try s.user(id)
            let batch = try s.batch(user.batchId)
            let refusal = operation == .start
                ? UserLifecycle.canStart(user.identity, user.status, batch: batch.name, batch.status)
                : UserLifecycle.canStop(user.identity, user.status, batch: batch.name, batch.status)
            if let refusal { throw refusal }
            guard try context.shouldProcess(target: user.identity, action: context.commandName) else { return }
            _ = operation == .start ? try s.startUser(user.identity) : try s.stopUser(user.identity)
            ServiceAutoStart.ensureRunning(context)
        }
    }
}
