import Foundation

/// A message the engine did not migrate (Get-MigrationUserStatistics -IncludeSkippedItems): over the
/// size limit, past the item limit, or failing to copy. The engine writes a user's whole current list
/// after each sync; an item that later copies drops off the list.
public struct MigrationSkippedItem: Sendable, Equatable {
    /// Exchange's kinds: "LargeItem" (over 35 MB), "CorruptItem" (the copy failed); migsh adds
    /// "ItemLimit" for items past the 500,000-item limit.
    public var kind: String
    /// The source folder, its levels joined by "/".
    public var folderName: String
    /// The Subject header, decoded, when the engine could read it (it fetches only the header of a
    /// skipped message); nil otherwise.
    public var subject: String?
    /// The From header, decoded, read with the Subject; nil when unknown.
    public var sender: String?
    public var messageSize: Int64
    /// The source's internal (arrival) date.
    public var dateReceived: Date?
    /// Why the item was skipped, in words.
    public var failure: String
    /// The message's UID in its source folder (identifies it for the admin's own checks).
    public var sourceUID: Int64

    public init(kind: String, folderName: String, subject: String? = nil, sender: String? = nil, messageSize: Int64, dateReceived: Date?,
                failure: String, sourceUID: Int64) {
        self.kind = kind
        self.folderName = folderName
        self.subject = subject
        self.sender = sender
        self.messageSize = messageSize
        self.dateReceived = dateReceived
        self.failure = failure
        self.sourceUID = sourceUID
    }
}
