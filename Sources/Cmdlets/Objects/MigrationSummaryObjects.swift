import Migration
import PowerShell

/// Builds Exchange's MigrationStatistics and MigrationConfig objects (reference §6).
enum MigrationSummaryObjects {
    static func statistics(_ c: BatchCounts) -> PSObject {
        ObjectSupport.object(MigrationTypeNames.statistics, identity: nil, [
            ("RunspaceId", .guid(ObjectSupport.runspaceId)),
            ("Identity", .null),
            ("TotalCount", .int(c.totalCount)),
            ("ActiveCount", .int(c.activeCount)),
            ("StoppedCount", .int(c.stoppedCount)),
            ("SyncedCount", .int(c.syncedCount)),
            ("FinalizedCount", .int(c.finalizedCount)),
            ("FailedCount", .int(c.failedCount)),
            ("PendingCount", .int(c.pendingCount)),
            ("ProvisionedCount", .int(c.provisionedCount)),
            ("MigrationType", .string(MigrationType.imap.rawValue)),
            ("DiagnosticInfo", .null),
            ("IsValid", .bool(true)),
            ("ObjectState", .string("Unchanged")),
        ])
    }

    static func config(batchCount: Int) -> PSObject {
        ObjectSupport.object(MigrationTypeNames.config, identity: nil, [
            ("RunspaceId", .guid(ObjectSupport.runspaceId)),
            ("Identity", .null),
            ("MaxNumberOfBatches", .int(BatchLimits.maxBatches)),
            ("MaxConcurrentMigrations", .int(EndpointLimits.maxConcurrentMigrationsLimit)),
            ("Features", .string("None")),
            ("CanSubmitNewBatch", .bool(batchCount < BatchLimits.maxBatches)),
            ("SupportsCutover", .bool(false)),
            ("IsValid", .bool(true)),
            ("ObjectState", .string("Unchanged")),
        ])
    }
}
