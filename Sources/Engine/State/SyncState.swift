// What the engine remembers between syncs, per user and per source folder (dsync's mailbox state plus
// mbsync's pairing records), and the protocol of the store that keeps it.

/// Per-folder high-water marks.
public struct FolderSyncState: Hashable, Sendable {
    public var source: FolderPath
    public var target: FolderPath
    public var sourceUIDValidity: UInt32
    public var targetUIDValidity: UInt32
    /// Every source UID up to this one has a message record (copied, skipped or failed).
    public var lastSourceUID: UInt32
    public var sourceHighestModSeq: UInt64?
    /// The target folder's UIDNEXT right after our last commit (for reports and diagnostics).
    public var targetUIDNext: UInt32

    public init(source: FolderPath, target: FolderPath, sourceUIDValidity: UInt32, targetUIDValidity: UInt32,
                lastSourceUID: UInt32 = 0, sourceHighestModSeq: UInt64? = nil, targetUIDNext: UInt32 = 0) {
        self.source = source; self.target = target
        self.sourceUIDValidity = sourceUIDValidity; self.targetUIDValidity = targetUIDValidity
        self.lastSourceUID = lastSourceUID; self.sourceHighestModSeq = sourceHighestModSeq
        self.targetUIDNext = targetUIDNext
    }
}

/// One source message as the engine last saw and handled it.
public struct MessageRecord: Hashable, Sendable {
    public enum Status: String, Sendable {
        /// In the target as `targetUID`.
        case copied
        /// Deliberately not copied (too large, past the item limit); reported as a skipped item.
        case skipped
        /// Copy failed; retried on the next sync, counts towards BadItemLimit.
        case failed
        /// Expunged on the source after it was copied; the target copy is kept (deletions are not propagated).
        case gone
    }
    public var sourceUID: UInt32
    public var targetUID: UInt32?
    /// SHA-256 of the message bytes, lowercase hex ("" when never read).
    public var contentHash: String
    public var flags: MessageFlags
    public var internalDate: InternalDate
    public var size: Int
    public var status: Status
    /// Why a message was skipped or failed.
    public var note: String?

    public init(sourceUID: UInt32, targetUID: UInt32?, contentHash: String, flags: MessageFlags,
                internalDate: InternalDate, size: Int, status: Status, note: String? = nil) {
        self.sourceUID = sourceUID; self.targetUID = targetUID; self.contentHash = contentHash
        self.flags = flags; self.internalDate = internalDate; self.size = size; self.status = status; self.note = note
    }
}

/// One state write: applied as a single transaction, after the target has durably stored what it records.
public struct SyncStep: Sendable {
    public var user: String
    public var source: FolderPath
    /// Forget every message record of the folder first (UIDVALIDITY changed on either side).
    public var resetMessages = false
    public var folder: FolderSyncState?
    public var messages: [MessageRecord] = []
    /// For logs and tests: what kind of step this is ("reset", "copy", "flags", "gone", "finish").
    public var kind: String

    public init(user: String, source: FolderPath, kind: String, resetMessages: Bool = false,
                folder: FolderSyncState? = nil, messages: [MessageRecord] = []) {
        self.user = user; self.source = source; self.kind = kind
        self.resetMessages = resetMessages; self.folder = folder; self.messages = messages
    }
}

/// Where the sync state lives. `apply` is the only write and is atomic: all of a step or nothing.
public protocol SyncStateStore: AnyObject {
    func folderStates(user: String) throws -> [FolderSyncState]
    func folderState(user: String, source: FolderPath) throws -> FolderSyncState?
    /// The folder's message records keyed by source UID.
    func messageRecords(user: String, source: FolderPath) throws -> [UInt32: MessageRecord]
    func apply(_ step: SyncStep) throws
    /// Forgets everything about a user (Remove-MigrationUser); migrated mail stays in the target.
    func removeUser(_ user: String) throws
}
