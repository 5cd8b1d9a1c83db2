// The receiving end of a copy: each source message streams into a new target message while its SHA-256
// is computed. When the last byte is in, a target message that has no record yet but the same size, date
// and bytes (left by a crash, or kept across a UIDVALIDITY change) is paired instead, and the new copy is
// dropped, so nothing is ever stored twice and no byte is added to the message.

final class MessageCopier: MessageStreamSink {
    enum Outcome {
        case stored(StoredMessageTicket, hash: String, size: Int)
        case matched(targetUID: UInt32, hash: String, size: Int)
        case failed(StoreError)
    }
    private struct Key: Hashable { var size: Int; var date: Int64 }

    private let target: any MailFolder
    private let hooks: SyncHooks
    private var metas: [UInt32: MessageMeta] = [:]
    /// Unpaired target messages by (size, date), and the hashes of those already read.
    private var candidates: [Key: [MessageMeta]] = [:]
    private var targetHashes: [UInt32: String] = [:]

    private var current: (meta: MessageMeta, writer: any MessageWriter, hasher: SHA256Hasher)?
    private(set) var outcomes: [UInt32: Outcome] = [:]

    init(target: any MailFolder, hooks: SyncHooks, unpairedTargetMessages: [MessageMeta]) {
        self.target = target
        self.hooks = hooks
        for m in unpairedTargetMessages { candidates[Key(size: m.size, date: m.internalDate.secondsSince1970), default: []].append(m) }
    }

    /// The source messages of the next group (their flags and dates go with the copies).
    func expect(_ group: [MessageMeta]) {
        metas = Dictionary(group.map { ($0.uid.rawValue, $0) }, uniquingKeysWith: { a, _ in a })
        outcomes = [:]
    }

    func begin(_ uid: MessageUID, size: Int?) throws {
        guard let m = metas[uid.rawValue] else { throw StoreError.message("the source sent UID \(uid), which was not asked for") }
        current?.writer.cancel()
        let writer = try target.beginMessage(NewMessage(flags: m.flags, internalDate: m.internalDate, size: size ?? m.size))
        current = (m, writer, SHA256Hasher())
    }

    func bytes(_ chunk: UnsafeRawBufferPointer) throws {
        guard let c = current else { return }
        c.hasher.update(chunk)
        try c.writer.write(chunk)
        try hooks.fire(.messageBytesWritten(count: c.hasher.byteCount))
    }

    func end() throws {
        guard let c = current else { return }
        current = nil
        let hash = c.hasher.finalizeHex(), size = c.hasher.byteCount
        let key = Key(size: size, date: c.meta.internalDate.secondsSince1970)
        for (i, candidate) in (candidates[key] ?? []).enumerated() where try targetHash(candidate.uid) == hash {
            c.writer.cancel()
            candidates[key]!.remove(at: i)
            if candidate.flags != c.meta.flags { try target.setFlags(candidate.uid, to: c.meta.flags) }
            outcomes[c.meta.uid.rawValue] = .matched(targetUID: candidate.uid.rawValue, hash: hash, size: size)
            return
        }
        do {
            outcomes[c.meta.uid.rawValue] = .stored(try c.writer.finish(), hash: hash, size: size)
        } catch let e as StoreError where e.scope == .message {
            outcomes[c.meta.uid.rawValue] = .failed(e)
        }
    }

    func failed(_ uid: MessageUID, _ error: StoreError) {
        if let c = current, c.meta.uid == uid { c.writer.cancel(); current = nil }
        outcomes[uid.rawValue] = .failed(error)
    }

    private func targetHash(_ uid: MessageUID) throws -> String {
        if let h = targetHashes[uid.rawValue] { return h }
        let hasher = SHA256Hasher()
        try target.fetchMessage(uid) { hasher.update($0) }
        let h = hasher.finalizeHex()
        targetHashes[uid.rawValue] = h
        return h
    }
}
