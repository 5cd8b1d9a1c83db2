import Foundation
import PowerShell

/// Default table views of the migration objects. Exchange's MigrationUser table is seen in real
/// output (Identity 40, Batch 30, Status 25, LastSyncTime); the others follow the reference's
/// best guesses (§3.2, §4.2). The test outcome, statistics and config have no table view and
/// so print as lists.
public enum MigrationViews {
    public static let tables: [(typeName: String, columns: [TableViewColumn])] = [
        (MigrationTypeNames.batch, [
            TableViewColumn("Identity"), TableViewColumn("Status"),
            TableViewColumn("Type", .property("MigrationType")), TableViewColumn("TotalCount"),
        ]),
        (MigrationTypeNames.endpoint, [
            TableViewColumn("Identity"), TableViewColumn("EndpointType"), TableViewColumn("RemoteServer"),
        ]),
        (MigrationTypeNames.user, userColumns),
        (MigrationTypeNames.userStatistics, userColumns),
    ]

    static let userColumns = [
        TableViewColumn("Identity", width: 40), TableViewColumn("Batch", .property("BatchId"), width: 30),
        TableViewColumn("Status", width: 25), TableViewColumn("LastSyncTime"),
    ]

    /// Hands the views to the shell's view registry (once per process).
    static func registerAll() {
        registered.run {
            for (typeName, columns) in tables { FormatViews.register(typeName: typeName, view: .table(columns)) }
        }
    }

    private static let registered = Once()
}

/// Runs a block once per process, however many registries are set up (tests make many).
final class Once: @unchecked Sendable {
    private let lock = NSLock()
    private var done = false
    func run(_ body: () -> Void) {
        lock.lock(); defer { lock.unlock() }
        if !done { done = true; body() }
    }
}
