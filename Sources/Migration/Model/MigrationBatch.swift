import Foundation

/// An IMAP migration batch (Exchange's `MigrationBatch`, reference §4.2).
/// Its Identity is its name; lookups ignore case. Counts are computed from its users.
/// The admin's settings live in `settings` and read through (`batch.excludeFolders`).
@dynamicMemberLookup
public struct MigrationBatch: Sendable, Equatable {
    public var name: String
    public var batchGuid: UUID
    public var status: MigrationBatchStatus
    public var migrationType: MigrationType
    public var settings: BatchSettings
    public var message: String
    public var creationDateTime: Date
    public var startDateTime: Date?
    public var initialSyncDateTime: Date?
    public var lastSyncedDateTime: Date?
    public var finalizedDateTime: Date?
    public var lastModifiedTime: Date
    public var csv: CsvMetadata
    /// Filled by the store from the batch's users; never stored.
    public var counts: BatchCounts

    public var identity: String { name }
    public var batchDirection: String { "Onboarding" }

    public init(name: String, settings: BatchSettings, status: MigrationBatchStatus = .created, message: String = "",
                batchGuid: UUID = UUID(), creationDateTime: Date = Date(), csv: CsvMetadata = CsvMetadata(),
                counts: BatchCounts = BatchCounts()) {
        self.name = name
        self.batchGuid = batchGuid
        self.status = status
        self.migrationType = .imap
        self.settings = settings
        self.message = message
        self.creationDateTime = creationDateTime
        self.lastModifiedTime = creationDateTime
        self.csv = csv
        self.counts = counts
    }

    public subscript<T>(dynamicMember key: WritableKeyPath<BatchSettings, T>) -> T {
        get { settings[keyPath: key] }
        set { settings[keyPath: key] = newValue }
    }
}

/// What the store remembers of the CSV a batch was created from (never the passwords).
public struct CsvMetadata: Sendable, Equatable {
    public var rowCount: Int
    public var byteCount: Int
    /// Header names as written in the file, in file order.
    public var columns: [String]

    public init(rowCount: Int = 0, byteCount: Int = 0, columns: [String] = []) {
        self.rowCount = rowCount
        self.byteCount = byteCount
        self.columns = columns
    }
}

/// Per-batch user counts, as Get-MigrationBatch shows them. Computed from user statuses:
/// Total = all users; Pending = Queued (waiting for the engine); Active = being worked on
/// (summary Active except Queued); the others follow the user's StatusSummary.
public struct BatchCounts: Sendable, Equatable {
    public var totalCount = 0
    public var activeCount = 0
    public var stoppedCount = 0
    public var syncedCount = 0
    public var finalizedCount = 0
    public var failedCount = 0
    public var failedInitialSyncCount = 0
    public var failedIncrementalSyncCount = 0
    public var completedWithWarningCount = 0
    public var pendingCount = 0
    /// IMAP has no provisioning phase; always 0.
    public var provisionedCount = 0

    public init() {}

    /// Adds `n` users in `status` to the counts.
    public mutating func add(_ status: MigrationUserStatus, count n: Int) {
        totalCount += n
        switch status.summary {
        case .active: if status == .queued { pendingCount += n } else { activeCount += n }
        case .stopped: stoppedCount += n
        case .synced: syncedCount += n
        case .completed: finalizedCount += n
        case .failed: failedCount += n
        }
        if status == .failed { failedInitialSyncCount += n }
        if status == .incrementalFailed { failedIncrementalSyncCount += n }
        if status == .completedWithWarnings { completedWithWarningCount += n }
    }

    public static func + (a: BatchCounts, b: BatchCounts) -> BatchCounts {
        var r = a
        r.totalCount += b.totalCount; r.activeCount += b.activeCount; r.stoppedCount += b.stoppedCount
        r.syncedCount += b.syncedCount; r.finalizedCount += b.finalizedCount; r.failedCount += b.failedCount
        r.failedInitialSyncCount += b.failedInitialSyncCount; r.failedIncrementalSyncCount += b.failedIncrementalSyncCount
        r.completedWithWarningCount += b.completedWithWarningCount; r.pendingCount += b.pendingCount
        r.provisionedCount += b.provisionedCount
        return r
    }
}

/// Exchange's limits on batches (reference §4.1, §4.8).
public enum BatchLimits {
    public static let maxBatches = 100
    public static let maxNameLength = 64
}

/// The changes `Set-MigrationBatch` may make; nil leaves a property alone.
/// Double optionals clear a value: `.some(nil)` sets StartAfter back to none.
public struct BatchChanges: Sendable, Equatable {
    public var notificationEmails: [String]?
    public var startAfter: Date??
    public var completeAfter: Date??
    public var badItemLimit: Int??
    public var largeItemLimit: Int??
    public var allowUnknownColumnsInCsv: Bool?
    public var skipReports: Bool?
    public var reportInterval: TimeInterval?

    public init(notificationEmails: [String]? = nil, startAfter: Date?? = nil, completeAfter: Date?? = nil,
                badItemLimit: Int?? = nil, largeItemLimit: Int?? = nil, allowUnknownColumnsInCsv: Bool? = nil,
                skipReports: Bool? = nil, reportInterval: TimeInterval? = nil) {
        self.notificationEmails = notificationEmails
        self.startAfter = startAfter
        self.completeAfter = completeAfter
        self.badItemLimit = badItemLimit
        self.largeItemLimit = largeItemLimit
        self.allowUnknownColumnsInCsv = allowUnknownColumnsInCsv
        self.skipReports = skipReports
        self.reportInterval = reportInterval
    }

    func applied(to batch: MigrationBatch, at now: Date) -> MigrationBatch {
        var b = batch
        if let notificationEmails { b.notificationEmails = notificationEmails }
        if let startAfter { b.startAfter = startAfter }
        if let completeAfter { b.completeAfter = completeAfter }
        if let badItemLimit { b.badItemLimit = badItemLimit }
        if let largeItemLimit { b.largeItemLimit = largeItemLimit }
        if let allowUnknownColumnsInCsv { b.allowUnknownColumnsInCsv = allowUnknownColumnsInCsv }
        if let skipReports { b.skipReports = skipReports }
        if let reportInterval { b.reportInterval = reportInterval }
        b.lastModifiedTime = now
        return b
    }
}
