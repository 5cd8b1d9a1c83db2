import PowerShell

/// The Exchange migration cmdlets, registered into a session's command registry by the
/// migsh executable. Binding, Get-Help and tab completion all read these declarations.
public enum MigrationCommands {
    /// Every migration cmdlet's declaration, in the order Get-Command lists them.
    public static let declarations: [CommandDeclaration] = [
        TestMigrationServerAvailability.declaration,
        NewMigrationEndpoint.declaration,
        GetMigrationEndpoint.declaration,
        SetMigrationEndpoint.declaration,
        RemoveMigrationEndpoint.declaration,
        NewMigrationBatch.declaration,
        GetMigrationBatch.declaration,
        SetMigrationBatch.declaration,
        StartMigrationBatch.declaration,
        StopMigrationBatch.declaration,
        CompleteMigrationBatch.declaration,
        RemoveMigrationBatch.declaration,
        GetMigrationUser.declaration,
        SetMigrationUser.declaration,
        StartMigrationUser.declaration,
        StopMigrationUser.declaration,
        RemoveMigrationUser.declaration,
        GetMigrationUserStatistics.declaration,
        GetMigrationStatistics.declaration,
        GetMigrationConfig.declaration,
    ]

    public static func register(into registry: CommandRegistry) {
        registry.register(declarations)
        registry.registerCompletionProvider(SharedParameters.batchProvider) {
            MigrationStoreAccess.completionValues { try $0.batches().map(\.identity) }
        }
        registry.registerCompletionProvider(SharedParameters.endpointProvider) {
            MigrationStoreAccess.completionValues { try $0.endpoints().map(\.identity) }
        }
        registry.registerCompletionProvider(SharedParameters.userProvider) {
            MigrationStoreAccess.completionValues { try $0.users(limit: 5000).map(\.identity) }
        }
        MigrationViews.registerAll()
    }
}
