/// Exchange's .NET type names for the objects the migration cmdlets emit.
/// Exchange's presentation objects live in Microsoft.Exchange.Data.Storage.Management
/// and derive from ConfigurableObject; `typeNames` lists them most-specific first.
enum MigrationTypeNames {
    static let namespace = "Microsoft.Exchange.Data.Storage.Management"
    static let configurableObject = "Microsoft.Exchange.Data.ConfigurableObject"

    static let batch = "\(namespace).MigrationBatch"
    static let endpoint = "\(namespace).MigrationEndpoint"
    static let user = "\(namespace).MigrationUser"
    static let userStatistics = "\(namespace).MigrationUserStatistics"
    /// An element of MigrationUserStatistics.SkippedItems (name inferred, reference §5.5).
    static let skippedItem = "\(namespace).MigrationUserSkippedItem"
    static let statistics = "\(namespace).MigrationStatistics"
    static let config = "\(namespace).MigrationConfig"
    static let testOutcome = "\(namespace).TestMigrationServerAvailabilityOutcome"

    /// The full type-name chain for an object of `typeName`.
    static func chain(_ typeName: String, base: [String] = []) -> [String] {
        [typeName] + base + [configurableObject, "System.Object"]
    }
}
