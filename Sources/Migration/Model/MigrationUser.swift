import Foundation

/// One mailbox of a batch (Exchange's `MigrationUser`, reference §5.1). Its Identity is its
/// EmailAddress; lookups ignore case. The IMAP password is never part of this value:
/// it lives encrypted in the store and only `MigrationStore.credential(for:)` returns it.
public struct MigrationUser: Sendable, Equatable {
    public var emailAddress: String
    public var guid: UUID
    /// Name of the batch the user belongs to.
    public var batchId: String
    public var status: MigrationUserStatus
    /// IMAP login from the CSV (`user`, `domain\user` or an admin-proxy form). Not a secret.
    public var userName: String
    public var userRoot: String?
    /// 1-based position in the batch's CSV; the engine queues users in this order.
    public var csvRow: Int
    /// Exchange shows the kind of target recipient; migsh always migrates into mailboxes.
    public var recipientType: String
    public var skippedItemCount: Int
    public var syncedItemCount: Int
    public var totalItemsInSourceMailboxCount: Int?
    public var bytesTransferred: Int64
    public var lastSyncTime: Date?
    public var lastSuccessfulSyncTime: Date?
    public var errorSummary: String?
    public var creationDateTime: Date
    public var lastModifiedTime: Date
    /// The user's target mailbox; stays the same for the user's life in the state, also when
    /// the user moves to another batch (New-MigrationBatch -UserIds).
    public var mailboxGuid: UUID
    /// Set-MigrationUser's overrides of the batch's settings.
    public var settings = UserSettings()
    /// When Set-MigrationUser/-MigrationBatch -ApproveSkippedItems last ran for this user, and
    /// how many skipped items were known then.
    public var skippedItemsApprovedTime: Date?
    public var approvedSkippedItemCount = 0

    public var identity: String { emailAddress }
    public var statusSummary: MigrationUserStatusSummary { status.summary }

    public init(emailAddress: String, batchId: String, userName: String, userRoot: String? = nil, csvRow: Int,
                status: MigrationUserStatus = .queued, guid: UUID = UUID(), recipientType: String = "Mailbox",
                skippedItemCount: Int = 0, syncedItemCount: Int = 0, totalItemsInSourceMailboxCount: Int? = nil,
                bytesTransferred: Int64 = 0, lastSyncTime: Date? = nil, lastSuccessfulSyncTime: Date? = nil,
                errorSummary: String? = nil, creationDateTime: Date = Date(), mailboxGuid: UUID = UUID()) {
        self.emailAddress = emailAddress
        self.guid = guid
        self.batchId = batchId
        self.status = status
        self.userName = userName
        self.userRoot = userRoot
        self.csvRow = csvRow
        self.recipientType = recipientType
        self.skippedItemCount = skippedItemCount
        self.syncedItemCount = syncedItemCount
        self.totalItemsInSourceMailboxCount = totalItemsInSourceMailboxCount
        self.bytesTransferred = bytesTransferred
        self.lastSyncTime = lastSyncTime
        self.lastSuccessfulSyncTime = lastSuccessfulSyncTime
        self.errorSummary = errorSummary
        self.creationDateTime = creationDateTime
        self.lastModifiedTime = creationDateTime
        self.mailboxGuid = mailboxGuid
    }

    /// The BadItemLimit that applies to this user (its own, else its batch's); nil is Unlimited.
    public func effectiveBadItemLimit(in batch: MigrationBatch) -> Int? { settings.badItemLimit ?? batch.badItemLimit }
    /// The LargeItemLimit that applies to this user; nil is Unlimited.
    public func effectiveLargeItemLimit(in batch: MigrationBatch) -> Int? { settings.largeItemLimit ?? batch.largeItemLimit }
    /// When this user's sync may start: its own StartAfter, else its batch's.
    public func effectiveStartAfter(in batch: MigrationBatch) -> Date? { settings.startAfter ?? batch.startAfter }
    /// When this user may complete: its own CompleteAfter, else its batch's.
    public func effectiveCompleteAfter(in batch: MigrationBatch) -> Date? { settings.completeAfter ?? batch.completeAfter }
}

/// Set-MigrationUser's settings for one user; they override the batch's (Exchange: a user's
/// setting wins over its batch's). As changes, nil leaves a setting alone.
public struct UserSettings: Sendable, Equatable {
    /// nil uses the batch's limit; `.some(nil)` is Unlimited.
    public var badItemLimit: Int??
    /// nil uses the batch's limit; `.some(nil)` is Unlimited.
    public var largeItemLimit: Int??
    public var startAfter: Date?
    public var completeAfter: Date?

    public init(badItemLimit: Int?? = nil, largeItemLimit: Int?? = nil, startAfter: Date? = nil, completeAfter: Date? = nil) {
        self.badItemLimit = badItemLimit
        self.largeItemLimit = largeItemLimit
        self.startAfter = startAfter
        self.completeAfter = completeAfter
    }

    /// `self` with the non-nil fields of `changes`.
    public func merging(_ changes: UserSettings) -> UserSettings {
        UserSettings(badItemLimit: changes.badItemLimit ?? badItemLimit, largeItemLimit: changes.largeItemLimit ?? largeItemLimit,
                     startAfter: changes.startAfter ?? startAfter, completeAfter: changes.completeAfter ?? completeAfter)
    }

    /// Stored form of a limit: NULL uses the batch's, -1 is Unlimited.
    static func column(_ limit: Int??) -> Int? {
        switch limit {
        case .none: nil
        case .some(.none): -1
        case .some(.some(let n)): n
        }
    }

    static func limit(_ column: Int?) -> Int?? {
        guard let column else { return nil }
        return column < 0 ? .some(nil) : .some(column)
    }
}

/// The source login of one user, decrypted. For the engine only: its descriptions hide the password.
public struct ImapCredential: Sendable, Equatable, CustomStringConvertible, CustomDebugStringConvertible,
                              CustomReflectable {
    public let emailAddress: String
    public let userName: String
    public let userRoot: String?
    public let password: String

    public init(emailAddress: String, userName: String, userRoot: String?, password: String) {
        self.emailAddress = emailAddress
        self.userName = userName
        self.userRoot = userRoot
        self.password = password
    }

    public var description: String { "ImapCredential(\(emailAddress), userName: \(userName), password: ********)" }
    public var debugDescription: String { description }
    /// Keeps `dump()` and Mirror-based printers from walking into the password.
    public var customMirror: Mirror { Mirror(self, children: ["emailAddress": emailAddress, "userName": userName], displayStyle: .struct) }
}
