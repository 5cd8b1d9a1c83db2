// What a sync reports back: per folder and per user.

/// An item the sync did not copy on purpose (Get-MigrationUserStatistics -IncludeSkippedItems).
public struct SkippedItem: Hashable, Sendable {
    public enum Kind: String, Sendable { case largeItem = "LargeItem", itemLimit = "ItemLimit", failed = "CorruptItem" }
    public var folder: FolderPath
    public var sourceUID: UInt32
    public var size: Int
    public var internalDate: InternalDate
    public var kind: Kind
    public var reason: String
}

public struct FolderSyncResult: Sendable {
    public var source: FolderPath
    public var target: FolderPath
    public var copied = 0
    public var copiedBytes = 0
    /// Target UIDs this sync stored (verification re-reads them).
    public var copiedTargetUIDs: Set<UInt32> = []
    /// Messages already in the target (found by content after a crash or a UIDVALIDITY change), not copied again.
    public var matchedExisting = 0
    public var flagUpdates = 0
    /// Messages expunged on the source since the last sync (recorded, kept in the target).
    public var goneAtSource = 0
    public var skipped: [SkippedItem] = []
    public var failed: [SkippedItem] = []
    /// True when this sync started the folder over because a UIDVALIDITY changed.
    public var wasReset = false
    /// True when the source folder provably did not change since the state was written (same UIDVALIDITY
    /// and HIGHESTMODSEQ, no new UID, the count the records expect) and nothing was written: the state's
    /// records are then an exact listing of the source, and verification need not list it again.
    public var sourceUnchanged = false
    /// With `sourceUnchanged`: the records the sync read (nothing was written since), so verification
    /// does not read them from the state again.
    var unchangedRecords: [UInt32: MessageRecord]?
    public var sourceMessageCount = 0
}

public struct MailboxSyncReport: Sendable {
    public var user: String
    public var plans: [FolderPlan] = []
    public var folders: [FolderSyncResult] = []
    /// Folders that could not be synced this time (folder-scope errors), with the cause.
    public var folderErrors: [(folder: FolderPath, message: String)] = []
    public var verification: VerificationReport?

    public var copied: Int { folders.reduce(0) { $0 + $1.copied } }
    public var copiedBytes: Int { folders.reduce(0) { $0 + $1.copiedBytes } }
    public var skippedItems: [SkippedItem] { folders.flatMap(\.skipped) }
    public var failedItems: [SkippedItem] { folders.flatMap(\.failed) }
    public var flagUpdates: Int { folders.reduce(0) { $0 + $1.flagUpdates } }
    public var badItemCount: Int { skippedItems.count + failedItems.count }
    public func exceeds(badItemLimit: Int?) -> Bool { badItemLimit.map { badItemCount > $0 } ?? false }
}
