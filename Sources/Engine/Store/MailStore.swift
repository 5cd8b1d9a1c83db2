// The one store interface the sync core talks to (mbsync's driver table, as a Swift protocol).
// Drivers: MaildirStore (embedded target, also a source in tests) and IMAPStore (source, or IMAP target).
// All calls are blocking and made from one thread at a time; a store is not shared between threads.

/// What a store can hold and how it names things.
public struct StoreTraits: Sendable {
    /// The separator the store uses between folder-name components.
    public var delimiter: Character
    /// Characters a single folder-name component may not contain on this store (besides the delimiter).
    public var forbiddenNameCharacters: Set<Character>
    /// The store's own name for each well-known folder ("Sent", "Trash", ...). INBOX is always `FolderPath.inbox`.
    public var wellKnownNames: [FolderRole: FolderPath]
    /// Whether `listMessages(changedSince:)` is answered from real mod-sequences.
    public var hasModSeq: Bool
    /// Whether `setFlags`, `createFolder` and `beginMessage` work (false for a read-only source).
    public var writable: Bool

    public init(delimiter: Character, forbiddenNameCharacters: Set<Character> = [],
                wellKnownNames: [FolderRole: FolderPath] = [:], hasModSeq: Bool = false, writable: Bool = true) {
        self.delimiter = delimiter; self.forbiddenNameCharacters = forbiddenNameCharacters
        self.wellKnownNames = wellKnownNames; self.hasModSeq = hasModSeq; self.writable = writable
    }

    /// Whether this store can hold `component` as one folder-name component unchanged.
    public func canHold(_ component: String) -> Bool {
        !component.isEmpty && !component.contains(delimiter)
            && !component.contains(where: { forbiddenNameCharacters.contains($0) })
    }
}

/// One user's mail store.
///
/// Commit model: messages stored and flags set through any folder of this store are only *promised*
/// until `commit()` returns. `commit()` makes all of them durable at once (one group of fsyncs, or the
/// server's tagged OK). The sync core writes its own state only after `commit()` has returned, so a crash
/// can leave messages in the target that the state does not know about, never the reverse.
public protocol MailStore: AnyObject {
    var traits: StoreTraits { get }

    /// All folders, parents before children, including `\Noselect` parents (selectable == false).
    /// Ownership: the returned array is a snapshot; later changes to the store do not alter it.
    func listFolders() throws -> [FolderInfo]

    /// Creates `path` and any missing parents. Creating an existing folder succeeds and changes nothing.
    /// Errors: `.folder` scope when the name cannot be held by this store.
    func createFolder(_ path: FolderPath) throws

    /// Opens a folder for reading (and writing if the store is writable). At most one folder is open per
    /// store: opening another one closes the previous one (IMAP SELECT semantics), so a folder object must
    /// not be used after the next `openFolder`. Read-only stores must not change any flag (EXAMINE).
    func openFolder(_ path: FolderPath) throws -> any MailFolder

    /// Makes everything written since the last commit durable. Returns only after that is true.
    func commit() throws

    /// Releases connections and files. Uncommitted writes may be lost.
    func close()
}

/// An open folder of a MailStore. Valid until the store opens another folder or closes.
public protocol MailFolder: AnyObject {
    var path: FolderPath { get }
    /// UIDVALIDITY, UIDNEXT, count and HIGHESTMODSEQ as of opening (UIDNEXT grows with `beginMessage`).
    var status: FolderStatus { get }

    /// Metadata of the messages whose UID lies in `uids`, ascending by UID. With `changedSince`, only the
    /// messages whose mod-sequence is greater (stores without mod-sequences ignore it and list all).
    /// Messages expunged meanwhile are simply absent.
    func listMessages(uids: ClosedRange<MessageUID>, changedSince: UInt64?) throws -> [MessageMeta]

    /// Streams the exact bytes of message `uid` into `sink`, in order, in chunks the sink must copy if it
    /// keeps them (the buffer is reused after the call). Must not set `\Seen` (BODY.PEEK).
    /// Errors: `.message` scope when that message is gone or unreadable.
    func fetchMessage(_ uid: MessageUID, into sink: (UnsafeRawBufferPointer) throws -> Void) throws

    /// Streams several messages in one go (see the extension below for the contract and a default).
    func fetchMessages(_ uids: [MessageUID], into sink: any MessageStreamSink) throws

    /// Starts storing a new message. The caller writes exactly `message.size` bytes then calls `finish()`,
    /// or `cancel()` to drop it. The message is durable only after the store's next `commit()`.
    func beginMessage(_ message: NewMessage) throws -> any MessageWriter

    /// Replaces the flags of `uid` (system flags and keywords). Durable after the store's next `commit()`.
    func setFlags(_ uid: MessageUID, to flags: MessageFlags) throws
}

/// The outcome of storing one message, complete once the store has committed.
public final class StoredMessageTicket {
    /// The new UID (nil when the store cannot tell, e.g. an IMAP server without UIDPLUS).
    public internal(set) var uid: MessageUID?
    /// Set when the store refused this message at commit (message scope); the message is not stored.
    public internal(set) var error: StoreError?
    public init(uid: MessageUID? = nil) { self.uid = uid }
}

/// Receives the bytes of one new message. Owned by the caller until `finish()` or `cancel()`.
public protocol MessageWriter: AnyObject {
    /// Appends bytes; the buffer is only borrowed for the duration of the call.
    func write(_ bytes: UnsafeRawBufferPointer) throws
    /// Ends the message. The returned ticket carries the message's UID in the target folder at the latest
    /// once the store's next `commit()` has returned (a store that sends messages in groups, as IMAP
    /// MULTIAPPEND does, learns UIDs only then), or the message-scope error that refused it.
    func finish() throws -> StoredMessageTicket
    /// Drops the message; nothing of it remains in the store.
    func cancel()
}

/// Receives the bytes of several messages, one message after the other (see `MailFolder.fetchMessages`).
public protocol MessageStreamSink: AnyObject {
    /// Message `uid` begins; `size` is its exact size when the store announces it.
    func begin(_ uid: MessageUID, size: Int?) throws
    /// The next bytes of the current message; the buffer is only borrowed for the call.
    func bytes(_ chunk: UnsafeRawBufferPointer) throws
    /// The current message is complete.
    func end() throws
    /// Message `uid` could not be delivered (gone, unreadable, or a message-scope error thrown by the sink
    /// itself). Bytes already passed for it must be dropped. The stream goes on with the next message.
    func failed(_ uid: MessageUID, _ error: StoreError)
}

extension MailFolder {
    /// Streams several messages into `sink`, each as begin / bytes / end, or `failed`. Drivers that can
    /// pipeline (IMAP) override this; the default fetches one message after the other. Message-scope errors
    /// (from the store or thrown by the sink) become `failed`; any other error ends the whole call.
    public func fetchMessages(_ uids: [MessageUID], into sink: any MessageStreamSink) throws {
        for uid in uids {
            var begun = false
            do {
                try fetchMessage(uid) { chunk in
                    if !begun { try sink.begin(uid, size: nil); begun = true }
                    try sink.bytes(chunk)
                }
                if !begun { try sink.begin(uid, size: 0); begun = true }
                try sink.end()
            } catch let e as StoreError where e.scope == .message {
                sink.failed(uid, e)
            }
        }
    }
}
