// After each sync: compare source and target per folder (count, and per message the bytes' hash, flags
// and internal date) and grade the result as Exchange's DataConsistencyScore.

public enum DataConsistencyScore: String, Sendable, Comparable {
    case perfect = "Perfect", good = "Good", investigate = "Investigate", poor = "Poor"
    private var rank: Int { [.perfect: 0, .good: 1, .investigate: 2, .poor: 3][self]! }
    public static func < (a: Self, b: Self) -> Bool { a.rank < b.rank }
}

public struct Difference: Hashable, Sendable, CustomStringConvertible {
    public enum Kind: String, Sendable {
        case missing = "Missing"             // in the source, not in the target
        case contentDiffers = "ContentDiffers"
        case flagsDiffer = "FlagsDiffer"
        case dateDiffers = "DateDiffers"
        case skipped = "Skipped"             // skipped on purpose (size, item limit) or failed
    }
    public var folder: FolderPath
    public var sourceUID: UInt32
    public var kind: Kind
    public var detail: String
    public var description: String { "\(folder) UID \(sourceUID): \(kind.rawValue) \(detail)" }
}

public struct FolderVerification: Sendable {
    public var source: FolderPath
    public var target: FolderPath
    public var sourceCount: Int
    public var targetCount: Int
    /// Messages expunged on the source whose copy stays in the target (informational).
    public var keptAfterSourceDeletion: Int
}

public struct VerificationReport: Sendable {
    public var folders: [FolderVerification] = []
    public var differences: [Difference] = []
    public var sourceItemCount: Int { folders.reduce(0) { $0 + $1.sourceCount } }

    /// Perfect: nothing differs and nothing was skipped. Good: only skipped items or flag/date differences
    /// on at most 1% of items. Investigate: messages missing or different on at most 1% of items, or
    /// flag/date differences on more. Poor: messages missing or different on more than 1% of items.
    public var score: DataConsistencyScore {
        let total = max(sourceItemCount, 1)
        let lost = differences.filter { $0.kind == .missing || $0.kind == .contentDiffers }.count
        let metadata = differences.filter { $0.kind == .flagsDiffer || $0.kind == .dateDiffers }.count
        if differences.isEmpty { return .perfect }
        if lost * 100 > total { return .poor }
        if lost > 0 || metadata * 100 > total { return .investigate }
        return .good
    }
}

struct FolderVerifier {
    let user: String
    let state: any SyncStateStore
    let verifyTargetBytes: SyncOptions.ByteCheck

    /// `copied`: target UIDs stored by this sync (checked byte by byte under `.copiedThisSync`).
    /// `unchangedRecords`: the sync proved the source folder unchanged since these records were written
    /// (`FolderSyncResult.sourceUnchanged`), so they stand for its listing and the source is not asked
    /// again (a no-change incremental sync then costs no second EXAMINE, full FETCH and state read).
    func verify(_ plan: FolderPlan, source: any MailStore, target: any MailStore,
                copied: Set<UInt32>, unchangedRecords: [UInt32: MessageRecord]? = nil) throws -> (FolderVerification, [Difference]) {
        let targetPath = plan.target!
        let records = try unchangedRecords ?? state.messageRecords(user: user, source: plan.source.path)
        let sourceMetas = unchangedRecords != nil
            ? records.values.filter { $0.status != .gone }.map {
                MessageMeta(uid: MessageUID($0.sourceUID), flags: $0.flags, internalDate: $0.internalDate, size: $0.size)
              }.sorted { $0.uid < $1.uid }
            : try source.openFolder(plan.source.path).listMessages(uids: .min ... .max, changedSince: nil)
        let dst = try target.openFolder(targetPath)
        let targetMetas = Dictionary(try dst.listMessages(uids: .min ... .max, changedSince: nil).map { ($0.uid.rawValue, $0) },
                                     uniquingKeysWith: { a, _ in a })
        var diffs: [Difference] = []
        func add(_ uid: UInt32, _ kind: Difference.Kind, _ detail: String) {
            diffs.append(Difference(folder: plan.relativePath, sourceUID: uid, kind: kind, detail: detail))
        }
        // Re-read the chosen target messages in one stream and hash them.
        var toHash: [MessageUID] = []
        for r in records.values where r.status == .copied {
            guard let t = r.targetUID, targetMetas[t] != nil else { continue }
            if verifyTargetBytes == .all || (verifyTargetBytes == .copiedThisSync && copied.contains(t)) { toHash.append(MessageUID(t)) }
        }
        let hashes = HashingSink()
        try dst.fetchMessages(toHash.sorted(), into: hashes)
        for m in sourceMetas {
            let uid = m.uid.rawValue
            guard let r = records[uid] else { add(uid, .missing, "not copied yet"); continue }
            switch r.status {
            case .skipped, .failed: add(uid, .skipped, r.note ?? ""); continue
            case .gone: add(uid, .missing, "recorded as deleted but present on the source"); continue
            case .copied: break
            }
            guard let tuid = r.targetUID, let t = targetMetas[tuid] else {
                add(uid, .missing, "target message \(r.targetUID.map(String.init) ?? "?") not found"); continue
            }
            if t.size != m.size { add(uid, .contentDiffers, "size \(m.size) in source, \(t.size) in target") }
            else if let h = hashes.hashes[tuid], h != r.contentHash { add(uid, .contentDiffers, "bytes differ from what was copied") }
            else if hashes.failed.contains(tuid) { add(uid, .missing, "target message \(tuid) cannot be read") }
            if t.flags != m.flags { add(uid, .flagsDiffer, "\(m.flags) in source, \(t.flags) in target") }
            if t.internalDate != m.internalDate {
                add(uid, .dateDiffers, "\(m.internalDate) in source, \(t.internalDate) in target")
            }
        }
        let kept = records.values.filter { $0.status == .gone }.count
        return (FolderVerification(source: plan.relativePath, target: targetPath, sourceCount: sourceMetas.count,
                                   targetCount: targetMetas.count, keptAfterSourceDeletion: kept), diffs)
    }
}

/// Hashes each streamed message.
final class HashingSink: MessageStreamSink {
    private var current: (UInt32, SHA256Hasher)?
    private(set) var hashes: [UInt32: String] = [:]
    private(set) var failed: Set<UInt32> = []
    func begin(_ uid: MessageUID, size: Int?) throws { current = (uid.rawValue, SHA256Hasher()) }
    func bytes(_ chunk: UnsafeRawBufferPointer) throws { current?.1.update(chunk) }
    func end() throws { if let (u, h) = current { hashes[u] = h.finalizeHex() }; current = nil }
    func failed(_ uid: MessageUID, _ error: StoreError) { failed.insert(uid.rawValue); current = nil }
}
