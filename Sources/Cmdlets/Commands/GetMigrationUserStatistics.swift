import Migration
import PowerShell

/// Get-MigrationUserStatistics: detailed progress of one user.
enum GetMigrationUserStatistics {
    static let declaration = CommandDeclaration(
        name: "Get-MigrationUserStatistics",
        synopsis: "Shows the detailed migration progress of a user: counts, sizes, errors, skipped items.",
        description: """
            Takes a user's email address, or the users that Get-MigrationUser sends down the \
            pipeline. -IncludeReport fills Report with the user's timestamped history; \
            SkippedItemCount counts the messages that were not migrated (larger than 35 MB, past \
            500,000 items in the mailbox, or failed to copy); -IncludeSkippedItems lists them in \
            SkippedItems (kind, folder, subject, sender, size, date received, reason) as the engine \
            recorded them after its last sync; -LimitSkippedItemsTo caps that list. ApprovedSkippedItemCount and \
            SkippedItemsApprovedTime show the last -ApproveSkippedItems.
            """,
        parameters: [
            SharedParameters.identity(MigrationEnums.userId, display: MigrationEnums.userIdName, provider: SharedParameters.userProvider,
                                      mandatory: true, help: "Email address (or Guid) of the user."),
            SharedParameters.named("IncludeReport", .switchParameter,
                                   help: "Fills the Report property with the user's history."),
            SharedParameters.named("IncludeSkippedItems", .switchParameter,
                                   help: "Fills the SkippedItems property with the messages that were not migrated: folder, kind (LargeItem, ItemLimit, CorruptItem), size, date received and reason."),
            SharedParameters.named("LimitSkippedItemsTo", .int,
                                   help: "Lists at most this many skipped items.", range: 0...Int(Int32.max)),
            SharedParameters.named("SkipSubscription", .switchParameter,
                                   help: "Accepted for Exchange compatibility; migsh has no separate subscription to skip."),
            SharedParameters.named("IncludeCopilotReport", .switchParameter,
                                   help: "Accepted for Exchange compatibility; migsh ignores it."),
            SharedParameters.diagnosticInfo,
            SharedParameters.partition,
        ],
        examples: [
            CommandExample("Get-MigrationUserStatistics -Identity terrya@contoso.edu -IncludeReport | Format-List Status,Error,Report",
                           "Shows a user's status, last error and history."),
            CommandExample("Get-MigrationUser -BatchId IMAPBatch1 | Get-MigrationUserStatistics",
                           "Shows the progress of every user of IMAPBatch1."),
            CommandExample("Get-MigrationUserStatistics terrya@contoso.edu -IncludeSkippedItems | Select-Object -ExpandProperty SkippedItems | Format-Table Kind,FolderName,MessageSize,Failure",
                           "Lists the messages of terrya@contoso.edu that were not migrated, and why."),
        ],
        outputTypes: [MigrationTypeNames.userStatistics],
        make: { GetMigrationUserStatisticsCommand() })
}

final class GetMigrationUserStatisticsCommand: MigrationCmdlet {
    func process(_ context: CommandContext) throws {
        let p = context.parameters
        guard let id = identity(context) else { return }
        try reportingErrors(context, target: id) {
            let user = try store(context).user(id)
            var extras = MigrationUserObject.Extras()
            let s = try store(context)
            if p.isSet("IncludeReport") { extras.report = try UserReport.text(user, store: s) }
            // The engine's list in the Migration store is the one source of the count and the entries.
            extras.skippedItemCount = try s.skippedItemCount(user: user.identity)
            if p.isSet("IncludeSkippedItems") {
                let limit = p["LimitSkippedItemsTo"].flatMap(MigrationValues.int)
                extras.skippedItems = try s.skippedItems(user: user.identity, limit: limit).map(MigrationUserObject.skippedItem)
            }
            context.write(.object(MigrationUserObject.statistics(user, extras: extras)))
        }
    }
}
