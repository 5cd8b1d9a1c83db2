import Foundation
import Migration
import PowerShell

/// Builds Exchange's MigrationBatch object (property order: reference §4.2, leaving out the
/// properties that only other migration types fill).
enum MigrationBatchObject {
    static func make(_ b: MigrationBatch, report: String? = nil, objectState: String = "Unchanged") -> PSObject {
        let c = b.counts
        let initialSyncDuration: Value = {
            guard let start = b.startDateTime, let done = b.initialSyncDateTime else { return .null }
            return .timeSpan(done.timeIntervalSince(start))
        }()
        return ObjectSupport.object(MigrationTypeNames.batch, identity: b.identity, [
            ("RunspaceId", .guid(ObjectSupport.runspaceId)),
            ("Identity", .string(b.identity)),
            ("Status", .string(b.status.rawValue)),
            ("BatchGuid", .guid(b.batchGuid)),
            ("TotalCount", .int(c.totalCount)),
            ("ActiveCount", .int(c.activeCount)),
            ("StoppedCount", .int(c.stoppedCount)),
            ("SyncedCount", .int(c.syncedCount)),
            ("FinalizedCount", .int(c.finalizedCount)),
            ("FailedCount", .int(c.failedCount)),
            ("FailedInitialSyncCount", .int(c.failedInitialSyncCount)),
            ("FailedIncrementalSyncCount", .int(c.failedIncrementalSyncCount)),
            ("CompletedWithWarningCount", .int(c.completedWithWarningCount)),
            ("PendingCount", .int(c.pendingCount)),
            ("ProvisionedCount", .int(c.provisionedCount)),
            ("ValidationWarningCount", .int(0)),
            ("ValidationWarnings", .list([])),
            ("Message", .string(b.message)),
            ("CreationDateTime", .date(b.creationDateTime)),
            ("CreationDateTimeUTC", .date(b.creationDateTime)),
            ("StartDateTime", ObjectSupport.date(b.startDateTime)),
            ("StartDateTimeUTC", ObjectSupport.date(b.startDateTime)),
            ("InitialSyncDateTime", ObjectSupport.date(b.initialSyncDateTime)),
            ("InitialSyncDateTimeUTC", ObjectSupport.date(b.initialSyncDateTime)),
            ("InitialSyncDuration", initialSyncDuration),
            ("LastSyncedDateTime", ObjectSupport.date(b.lastSyncedDateTime)),
            ("LastSyncedDateTimeUTC", ObjectSupport.date(b.lastSyncedDateTime)),
            ("FinalizedDateTime", ObjectSupport.date(b.finalizedDateTime)),
            ("FinalizedDateTimeUTC", ObjectSupport.date(b.finalizedDateTime)),
            ("SubmittedByUser", .string(b.submittedByUser)),
            ("NotificationEmails", ObjectSupport.list(b.notificationEmails)),
            ("ExcludedFolders", ObjectSupport.list(b.excludeFolders)),
            ("IncludedFolders", ObjectSupport.list(b.includeFolders)),
            ("MigrationType", .string(b.migrationType.rawValue)),
            ("BatchDirection", .string(b.batchDirection)),
            ("SourceEndpoint", ObjectSupport.text(b.sourceEndpoint)),
            ("TargetEndpoint", .null),
            ("TargetDeliveryDomain", ObjectSupport.text(b.targetDeliveryDomain)),
            ("BadItemLimit", ObjectSupport.unlimited(b.badItemLimit)),
            ("LargeItemLimit", ObjectSupport.unlimited(b.largeItemLimit)),
            ("AutoComplete", .bool(b.autoComplete)),
            ("AllowUnknownColumnsInCsv", .bool(b.allowUnknownColumnsInCsv)),
            ("SkipReports", .bool(b.skipReports)),
            ("ReportInterval", .timeSpan(b.reportInterval)),
            ("TimeZone", .string(b.timeZone)),
            ("DiagnosticInfo", .null),
            ("SupportedActions", ObjectSupport.list(supportedActions(b))),
            ("CompleteAfter", ObjectSupport.date(b.completeAfter)),
            ("CompleteAfterUTC", ObjectSupport.date(b.completeAfter)),
            ("StartAfter", ObjectSupport.date(b.startAfter)),
            ("StartAfterUTC", ObjectSupport.date(b.startAfter)),
            ("Report", ObjectSupport.text(report)),
            ("IsValid", .bool(true)),
            ("ObjectState", .string(objectState)),
        ])
    }

    /// The operations the batch's status allows now, named like the cmdlets' verbs.
    static func supportedActions(_ b: MigrationBatch) -> [String] {
        let named: [(BatchOperation, String)] = [(.start, "Start"), (.stop, "Stop"), (.complete, "Complete"),
                                                 (.set, "Set"), (.remove, "Remove")]
        return named.filter { BatchLifecycle.check($0.0, b.name, b.status) == nil }.map(\.1)
    }
}
