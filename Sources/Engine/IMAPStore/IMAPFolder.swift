// The selected mailbox of an IMAPStore.
import IMAP

final class IMAPFolder: MailFolder {
    unowned let store: IMAPStore
    let path: FolderPath
    let name: MailboxName
    private(set) var status: FolderStatus

    init(store: IMAPStore, path: FolderPath, name: MailboxName, status: FolderStatus) {
        self.store = store; self.path = path; self.name = name; self.status = status
    }

    private var connection: IMAPConnection { store.connection }

    /// Records errors that leave the connection unusable, then rethrows them ranked.
    private func ranked(_ error: any Error, scope: StoreError.Scope) -> StoreError {
        let e = IMAPStore.storeError(error, scope: scope)
        if e.scope >= .store { store.broken = e }
        return e
    }

    func listMessages(uids: ClosedRange<MessageUID>, changedSince: UInt64?) throws -> [MessageMeta] {
        try store.checkUsable(self)
        guard status.messageCount > 0 else { return [] }
        var items: [FetchItem] = [.uid, .flags, .internalDate, .rfc822Size]
        if store.traits.hasModSeq { items.append(.modSequence) }
        let set = UIDSet(UID(uids.lowerBound.rawValue)...UID(uids.upperBound.rawValue))
        let fetched: [FetchedMessage]
        do {
            let since = store.traits.hasModSeq ? changedSince.map { ModSequence($0) } : nil
            fetched = try connection.uidFetchMessages(set, items: items, changedSince: since)
        } catch {
            throw ranked(error, scope: .folder)
        }
        // "n:*" also returns the last message when its UID is below n (RFC 3501), so filter.
        return fetched.compactMap { f -> MessageMeta? in
            guard let uid = f.uid?.rawValue, uids.contains(MessageUID(uid)), let date = f.internalDate, let size = f.size else { return nil }
            return MessageMeta(uid: MessageUID(uid), flags: MessageFlags(imapFlags: (f.flags ?? []).map(\.rawValue)),
                               internalDate: InternalDate(secondsSince1970: date.secondsSinceEpoch, zoneOffsetMinutes: date.zoneMinutes),
                               size: Int(size), modSeq: f.modSequence?.rawValue)
        }.sorted { $0.uid < $1.uid }
    }

    func fetchMessage(_ uid: MessageUID, into sink: (UnsafeRawBufferPointer) throws -> Void) throws {
        try store.checkUsable(self)
        var gotBody = false
        var sinkError: (any Error)?
        do {
            try connection.uidFetch(UIDSet(UID(uid.rawValue)...UID(uid.rawValue)), items: [.uid, .bodyPeek]) { event in
                switch event {
                case .bodyBegin: gotBody = true
                case .bodyBytes(let bytes):
                    do { try bytes.withUnsafeBytes { try sink($0) } } catch { sinkError = error; throw error }
                default: break
                }
            }
        } catch {
            if let sinkError {
                // The rest of the FETCH response was never read: the connection cannot be trusted any more.
                store.broken = StoreError.store("connection abandoned in the middle of a message", retry: .temporary)
                throw sinkError
            }
            throw ranked(error, scope: .message)
        }
        guard gotBody else { throw StoreError.message("message UID \(uid) is gone from \(path)", retry: .final) }
    }

    func beginMessage(_ message: NewMessage) throws -> any MessageWriter {
        try store.checkUsable(self)
        guard !store.readOnly else { throw StoreError.store("the source store is read-only", retry: .final) }
        return IMAPAppendWriter(folder: self, message: message)
    }

    /// Keeps UIDNEXT and the count current after our own APPENDs.
    func noteAppended(_ uids: [UInt32]) {
        guard let top = uids.max() else { return }
        status.uidNext = max(status.uidNext, top + 1)
        status.messageCount += uids.count
    }

    func setFlags(_ uid: MessageUID, to flags: MessageFlags) throws {
        try store.checkUsable(self)
        guard !store.readOnly else { throw StoreError.store("the source store is read-only", retry: .final) }
        var command = Command("UID STORE")
        command.text(" \(uid) FLAGS.SILENT")
        command.flagList(flags.imapAtoms.map(Flag.init))
        let done: TaggedResponse
        do { done = try connection.execute(command) } catch { throw ranked(error, scope: .message) }
        guard done.status == .ok else { throw StoreError.message("UID STORE failed: \(done.text.text)") }
    }
}

/// Collects a message in memory; `finish` queues it for the store's next commit (APPEND announces the
/// size before the first byte, and a group of messages goes out as one MULTIAPPEND).
final class IMAPAppendWriter: MessageWriter {
    private let folder: IMAPFolder
    private let message: NewMessage
    private var bytes: [UInt8] = []

    init(folder: IMAPFolder, message: NewMessage) {
        self.folder = folder; self.message = message
        bytes.reserveCapacity(message.size)
    }

    func write(_ chunk: UnsafeRawBufferPointer) throws { bytes.append(contentsOf: chunk) }

    func finish() throws -> StoredMessageTicket {
        let date = IMAP.InternalDate(secondsSinceEpoch: message.internalDate.secondsSince1970,
                                     zoneMinutes: message.internalDate.zoneOffsetMinutes ?? 0)
        let ticket = StoredMessageTicket()
        try folder.store.enqueue(AppendMessage(bytes: bytes, flags: message.flags.imapAtoms.map(Flag.init), internalDate: date),
                             to: folder.name, ticket: ticket)
        bytes = []
        return ticket
    }

    func cancel() { bytes = [] }
}

extension IMAPFolder {
    /// Pipelined UID FETCH BODY.PEEK[] over groups of UIDs: bodies stream into the sink as they arrive, and
    /// the next group is already requested while one streams, so no round trip is spent per message.
    func fetchMessages(_ uids: [MessageUID], into sink: any MessageStreamSink) throws {
        try store.checkUsable(self)
        guard !uids.isEmpty else { return }
        let sets = UIDSet(uids.map { UID($0.rawValue) }).chunked(maxCount: 64)
        let stream = FetchStreamDemux(sink: sink)
        do {
            try connection.uidFetchPipelined(sets, items: [.uid, .bodyPeek], depth: 4) { try stream.consume($0) }
        } catch {
            if error is SimulatedCrash { throw error }
            if stream.sinkFailed { store.broken = StoreError.store("connection abandoned in the middle of a message", retry: .temporary) }
            throw stream.sinkFailed ? error : ranked(error, scope: .folder)
        }
        for uid in uids where !stream.delivered.contains(uid.rawValue) {
            sink.failed(uid, StoreError.message("message UID \(uid) is gone from \(path)"))
        }
    }
}

/// Turns FETCH events into one message after the other for a MessageStreamSink. A message-scope error from
/// the sink marks just that message failed; the rest of its bytes are read and dropped.
final class FetchStreamDemux {
    private let sink: any MessageStreamSink
    private var uid: UInt32?
    private var inBody = false
    private var skipping = false
    /// Body bytes that arrived before the UID (servers may send items in any order).
    private var early: [UInt8]?
    private(set) var delivered: Set<UInt32> = []
    private(set) var sinkFailed = false

    init(sink: any MessageStreamSink) { self.sink = sink }

    func consume(_ event: FetchEvent) throws {
        switch event {
        case .start:
            uid = nil; inBody = false; skipping = false; early = nil
        case .attribute(.uid(let u)):
            uid = u.rawValue
            if let bytes = early {
                early = nil
                try guarded { try sink.begin(MessageUID(u.rawValue), size: bytes.count) }
                try guarded { try bytes.withUnsafeBytes { try sink.bytes($0) } }
                if !inBody { try finishMessage() }
            }
        case .attribute:
            break
        case .bodyBegin(let section, let size):
            guard section.uppercased().hasPrefix("BODY[]") else { return }
            inBody = true
            if let u = uid { try guarded { try sink.begin(MessageUID(u), size: size) } } else { early = [] }
        case .bodyBytes(let bytes):
            guard inBody else { return }
            if early != nil { early!.append(contentsOf: bytes) } else { try guarded { try bytes.withUnsafeBytes { try sink.bytes($0) } } }
        case .bodyEnd:
            guard inBody else { return }
            inBody = false
            if early == nil { try finishMessage() }
        case .finish:
            break
        }
    }

    private func finishMessage() throws {
        guard let u = uid else { return }
        if !skipping { try guarded { try sink.end() } }
        delivered.insert(u)
    }

    /// Runs a sink call; a message-scope failure skips the rest of the message, anything else aborts.
    private func guarded(_ call: () throws -> Void) throws {
        guard !skipping, let u = uid else { return }
        do {
            try call()
        } catch let e as StoreError where e.scope == .message {
            skipping = true
            sink.failed(MessageUID(u), e)
        } catch {
            sinkFailed = true
            throw error
        }
    }
}
