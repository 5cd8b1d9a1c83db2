import Migration
import PowerShell

/// Get-MigrationStatistics: totals over all batches.
enum GetMigrationStatistics {
    static let declaration = CommandDeclaration(
        name: "Get-MigrationStatistics",
        synopsis: "Shows how many users of all batches are active, synced, finalized, failed or stopped.",
        description: "Counts the users of every migration batch by the roll-up of their status.",
        parameters: [SharedParameters.diagnosticInfo, SharedParameters.partition],
        examples: [CommandExample("Get-MigrationStatistics", "Shows the totals over all batches.")],
        outputTypes: [MigrationTypeNames.statistics],
        make: { GetMigrationStatisticsCommand() })
}

final class GetMigrationStatisticsCommand: MigrationCmdlet {
    func process(_ context: CommandContext) throws {
        try reportingErrors(context, target: nil) {
            let totals = try store(context).statistics()
            context.write(.object(MigrationSummaryObjects.statistics(totals)))
        }
    }
}
