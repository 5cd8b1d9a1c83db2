import Migration
import PowerShell

/// Get-MigrationConfig: the organization's migration limits.
enum GetMigrationConfig {
    static let partitionSet = "Partition"
    static let allPartitionsSet = "AllPartitions"

    static let declaration = CommandDeclaration(
        name: "Get-MigrationConfig",
        synopsis: "Shows the migration limits that apply to this installation (e.g. at most 100 batches).",
        description: """
            Reports MaxNumberOfBatches, MaxConcurrentMigrations and whether another batch may be \
            created now. -AllPartitions is accepted for Exchange compatibility; migsh has one partition.
            """,
        parameters: [
            SharedParameters.named("Partition", .string, set: partitionSet,
                                   help: "Accepted for compatibility with Exchange Online, which reserves it for internal use; migsh ignores it."),
            SharedParameters.named("AllPartitions", .switchParameter, set: allPartitionsSet, mandatory: true,
                                   help: "Shows the configuration of every partition (migsh has one)."),
            SharedParameters.named("IncludeSimplifiedGmailMigrationData", .switchParameter,
                                   help: "Accepted for Exchange compatibility; it concerns Gmail migrations only."),
        ],
        defaultParameterSet: partitionSet,
        examples: [CommandExample("Get-MigrationConfig | Format-List", "Shows the migration limits.")],
        outputTypes: [MigrationTypeNames.config],
        make: { GetMigrationConfigCommand() })
}

final class GetMigrationConfigCommand: MigrationCmdlet {
    func process(_ context: CommandContext) throws {
        try reportingErrors(context, target: nil) {
            let count = try store(context).batchCount()
            context.write(.object(MigrationSummaryObjects.config(batchCount: count)))
        }
    }
}
