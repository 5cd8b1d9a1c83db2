import Migration
import PowerShell

/// Set-MigrationUser: one user's own settings, which override its batch's.
enum SetMigrationUser {
    static let declaration = CommandDeclaration(
        name: "Set-MigrationUser",
        synopsis: "Changes the migration settings of one user, or approves its skipped items.",
        description: """
            A setting given here wins over the same setting of the user's batch. -BadItemLimit and \
            -LargeItemLimit take a number or Unlimited; -StartAfter and -CompleteAfter delay this \
            user only. -ApproveSkippedItems approves the items skipped so far; a failed user with \
            skipped items is queued again. -SyncNow asks for an incremental sync now. Refused, \
            changing nothing, while the user is being removed or its batch can't be changed \
            (Stopping, Completing, Completed, being removed). Nothing is written to the pipeline.
            """,
        parameters: [
            SharedParameters.identity(MigrationEnums.userId, display: MigrationEnums.userIdName, provider: SharedParameters.userProvider,
                                      mandatory: true, help: "Email address (or Guid) of the user to change."),
            SharedParameters.named("ApproveSkippedItems", .switchParameter,
                                   help: "Approves the items skipped so far for this user; a failed user with skipped items is queued again."),
            SharedParameters.named("BadItemLimit", MigrationEnums.unlimited, display: MigrationEnums.unlimitedName,
                                   help: "How many corrupted messages of this user may be skipped before it fails; a number or Unlimited. Overrides the batch's limit."),
            SharedParameters.named("LargeItemLimit", MigrationEnums.unlimited, display: MigrationEnums.unlimitedName,
                                   help: "How many oversized messages of this user may be skipped before it fails; a number or Unlimited. Overrides the batch's limit."),
            SharedParameters.named("StartAfter", .dateTime,
                                   help: "Delays this user's migration until this time (UTC unless the value gives a zone); overrides the batch's StartAfter."),
            SharedParameters.named("CompleteAfter", .dateTime,
                                   help: "Delays this user's completion until this time (UTC unless the value gives a zone); overrides the batch's CompleteAfter."),
            SharedParameters.named("SyncNow", .switchParameter,
                                   help: "Requests an incremental sync now."),
            SharedParameters.partition,
        ],
        examples: [
            CommandExample("Set-MigrationUser -Identity laura@contoso.edu -ApproveSkippedItems",
                           "Approves the items skipped so far for laura@contoso.edu."),
            CommandExample("Set-MigrationUser -Identity laura@contoso.edu -BadItemLimit 10 -LargeItemLimit Unlimited",
                           "Lets laura@contoso.edu skip up to 10 corrupted and any number of oversized messages."),
        ],
        supportsShouldProcess: true, confirmImpact: .medium,
        make: { SetMigrationUserCommand() })
}

final class SetMigrationUserCommand: MigrationCmdlet {
    func process(_ context: CommandContext) throws {
        let p = context.parameters
        guard let id = identity(context) else { return }
        let changes = UserSettings(badItemLimit: try MigrationValues.unlimited(context, "BadItemLimit"),
                                   largeItemLimit: try MigrationValues.unlimited(context, "LargeItemLimit"),
                                   startAfter: MigrationValues.date(p["StartAfter"]),
                                   completeAfter: MigrationValues.date(p["CompleteAfter"]))
        try reportingErrors(context, target: id) {
            let s = try store(context)
            let user = try s.user(id)
            let batch = try s.batch(user.batchId)
            if let refusal = UserLifecycle.canSet(user.identity, user.status, batch: batch.name, batch.status) { throw refusal }
            guard try context.shouldProcess(target: user.identity, action: context.commandName) else { return }
            if changes != UserSettings() || p.isSet("SyncNow") { try s.setUser(user.identity, changes, syncNow: p.isSet("SyncNow")) }
            if p.isSet("ApproveSkippedItems") { try s.approveSkippedItems(user: user.identity) }
            if p.isSet("SyncNow") || p.isSet("ApproveSkippedItems") { ServiceAutoStart.ensureRunning(context) }
        }
    }
}
