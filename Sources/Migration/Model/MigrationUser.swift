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

    public var identity: String { emailAddress }
    public var statusSummary: MigrationUserStatusSummary { status.summary }

    public init(emailAddress: String, batchId: String, userName: String, userRoot: String? = nil, csvRow: Int,
                status: MigrationUserStatus = .queued, guid: UUID = UUID(), recipientType: String = "Mailbox",
                skippedItemCount: Int = 0, syncedItemCount: Int = 0, totalItemsInSourceMailboxCount: Int? = nil,
                bytesTransferred: Int64 = 0, lastSyncTime: Date? = nil, lastSuccessfulSyncTime: Date? = nil,
                errorSummary: String? = nil, creationDateTime: Date = Date()) {
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
