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
            SkippedItemCount counts the messages that were not migrated; -IncludeSkippedItems \
            would list them, but migsh doesn't record them one by one yet, so SkippedItems stays {}.
            """,
        parameters: [
            SharedParameters.identity(MigrationEnums.userId, display: MigrationEnums.userIdName, provider: SharedParameters.userProvider,
                                      mandatory: true, help: "Email address (or Guid) of the user."),
            SharedParameters.named("IncludeReport", .switchParameter,
                                   help: "Fills the Report property with the user's history."),
            SharedParameters.named("IncludeSkippedItems", .switchParameter,
                                   help: "Fills the SkippedItems property with the messages that were skipped. migsh doesn't record skipped messages one by one yet, so the list stays empty; SkippedItemCount has their number."),
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
            if p.isSet("IncludeReport") { extras.report = UserReport.text(user) }
            // The store keeps no per-message records yet (the engine adds them), so
            // -IncludeSkippedItems lists none and SkippedItems prints {} as in Exchange.
            context.write(.object(MigrationUserObject.statistics(user, extras: extras)))
        }
    }
}
