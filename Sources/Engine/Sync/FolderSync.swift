// Syncs one source folder into its target folder, exactly once across crashes.
//
// Order of every step: write messages (or flags) to the target -> target.commit() (durable) -> one state
// transaction recording them. A crash between commit and state write leaves target messages the state
// does not know; the next run finds them by (size, date) and then by SHA-256 of the bytes while copying,
// and pairs them instead of storing them twice. Bytes are never altered (no marker header).

final class FolderSync {
    let user: String
    let plan: FolderPlan
    let source: any MailStore
    let target: any MailStore
    let state: any SyncStateStore
    let options: SyncOptions
    let hooks: SyncHooks
    /// Items this folder may still hold under the per-mailbox item limit (what the folders synced before
    /// it left); nil is the whole limit.
    var itemBudget: Int?

    init(user: String, plan: FolderPlan, source: any MailStore, target: any MailStore,
         state: any SyncStateStore, options: SyncOptions, hooks: SyncHooks) {
        self.user = user; self.plan = plan; self.source = source; self.target = target
        self.state = state; self.options = options; self.hooks = hooks
    }

    func run() throws -> FolderSyncResult {
        let sourcePath = plan.source.path
        let targetPath = plan.target!
        var result = FolderSyncResult(source: sourcePath, target: targetPath)

        try target.createFolder(targetPath)
        let src = try source.openFolder(sourcePath)
        let dst = try target.openFolder(targetPath)
        let s = src.status, t = dst.status
        result.sourceMessageCount = s.messageCount

        // 1. Is the saved state still valid for both folders?
        let previous = try state.folderState(user: user, source: sourcePath)
        var records: [UInt32: MessageRecord] = [:]
        var folder = FolderSyncState(source: sourcePath, target: targetPath, sourceUIDValidity: s.uidValidity,
                                     targetUIDValidity: t.uidValidity)
        if let p = previous, p.sourceUIDValidity == s.uidValidity, p.targetUIDValidity == t.uidValidity, p.target == targetPath {
            folder = p
            records = try state.messageRecords(user: user, source: sourcePath)
        } else if previous != nil {
            // UIDVALIDITY changed (or the folder moved): every pairing is void. Start over; what is already
            // in the target is found again by content.
            result.wasReset = true
            try hooks.write(SyncStep(user: user, source: sourcePath, kind: "reset", resetMessages: true, folder: folder), to: state)
        }

        // 2. What the source has now.
        let listing = try listSource(src, folder: folder, previous: previous, records: records, result: &result)
        var toCopy: [MessageMeta] = []
        var flagChanges: [(MessageMeta, MessageRecord)] = []
        for m in listing.metas {
            if let r = records[m.uid.rawValue], r.status != .failed {
                if r.status == .copied && r.flags != m.flags { flagChanges.append((m, r)) }
            } else {
                toCopy.append(m)
            }
        }
        var gone: [MessageRecord] = []
        if listing.complete {
            let present = Set(listing.metas.map(\.uid.rawValue))
            for r in records.values where r.status != .gone && !present.contains(r.sourceUID) {
                var g = r; g.status = .gone; gone.append(g)
            }
        }

        // 3. Target messages no record points at: candidates for "already there". They exist after a crash
        // between commit and state write, after a UIDVALIDITY change, or when the target had mail before.
        var unpaired: [MessageMeta] = []
        if !toCopy.isEmpty {
            let known = Set(records.values.compactMap { $0.status == .copied ? $0.targetUID : nil })
            unpaired = try dst.listMessages(uids: .min ... .max, changedSince: nil).filter { !known.contains($0.uid.rawValue) }
        }

        // 4. Copy, in UID order, one durable step per batch.
        let limitRank = itemLimitCutoff(listing.metas, records: records)
        var batch: [MessageRecord] = [], batchBytes = 0
        func flush(kind: String) throws {
            guard !batch.isEmpty else { return }
            try target.commit()
            folder.lastSourceUID = max(folder.lastSourceUID, batch.map(\.sourceUID).max() ?? 0)
            folder.targetUIDNext = dst.status.uidNext
            try hooks.write(SyncStep(user: user, source: sourcePath, kind: kind, folder: folder, messages: batch), to: state)
            for r in batch { records[r.sourceUID] = r }
            batch.removeAll(); batchBytes = 0
        }
        let copier = MessageCopier(target: dst, hooks: hooks, unpairedTargetMessages: unpaired)
        var group: [MessageMeta] = []
        func copyGroup() throws {
            guard !group.isEmpty else { return }
            copier.expect(group)
            try src.fetchMessages(group.map(\.uid), into: copier)
            try target.commit()   // durable, and every ticket has its UID or its error
            for m in group {
                switch copier.outcomes[m.uid.rawValue] {
                case .stored(let ticket, let hash, let size)?:
                    if let e = ticket.error { fail(m, e.message); continue }
                    batch.append(record(m, status: .copied, note: nil, targetUID: ticket.uid?.rawValue, hash: hash, size: size))
                    result.copied += 1; result.copiedBytes += size
                    if let u = ticket.uid { result.copiedTargetUIDs.insert(u.rawValue) }
                case .matched(let uid, let hash, let size)?:
                    batch.append(record(m, status: .copied, note: nil, targetUID: uid, hash: hash, size: size))
                    result.matchedExisting += 1
                case .failed(let e)?:
                    fail(m, e.message)
                case nil:
                    fail(m, "the source did not return the message")
                }
            }
            group.removeAll()
            try flush(kind: "copy")
        }
        func fail(_ m: MessageMeta, _ reason: String) {
            result.failed.append(SkippedItem(folder: plan.relativePath, sourceUID: m.uid.rawValue, size: m.size,
                                             internalDate: m.internalDate, kind: .failed, reason: reason))
            batch.append(record(m, status: .failed, note: reason))
        }
        for m in toCopy.sorted(by: { $0.uid < $1.uid }) {
            if m.size > options.maxMessageSize {
                let item = SkippedItem(folder: plan.relativePath, sourceUID: m.uid.rawValue, size: m.size, internalDate: m.internalDate,
                                       kind: .largeItem, reason: "The message is larger than the \(options.maxMessageSize / (1024 * 1024)) MB limit.")
                result.skipped.append(item)
                batch.append(record(m, status: .skipped, note: item.reason))
            } else if m.uid.rawValue < limitRank {
                let item = SkippedItem(folder: plan.relativePath, sourceUID: m.uid.rawValue, size: m.size, internalDate: m.internalDate,
                                       kind: .itemLimit, reason: "The mailbox has more than \(options.maxItemsPerMailbox) items; older items are not migrated.")
                result.skipped.append(item)
                batch.append(record(m, status: .skipped, note: item.reason))
            } else {
                group.append(m)
                batchBytes += m.size
            }
            if batch.count + group.count >= options.batchMessages || batchBytes >= options.batchBytes { try copyGroup(); try flush(kind: "copy") }
        }
        try copyGroup()
        try flush(kind: "copy")

        // 5. Flag changes since the last sync (source wins; the target is not in use during migration).
        for (m, r) in flagChanges {
            guard let uid = r.targetUID else { continue }
            try dst.setFlags(MessageUID(uid), to: m.flags)
            var u = r; u.flags = m.flags
            batch.append(u)
            result.flagUpdates += 1
            if batch.count >= options.batchMessages { try flush(kind: "flags") }
        }
        try flush(kind: "flags")

        // 6. Deletions on the source are recorded, not propagated.
        if !gone.isEmpty {
            result.goneAtSource = gone.count
            try hooks.write(SyncStep(user: user, source: sourcePath, kind: "gone", folder: folder, messages: gone), to: state)
        }

        if result.copied + result.matchedExisting + result.flagUpdates + result.goneAtSource > 0
            || !result.failed.isEmpty || !result.skipped.isEmpty { result.sourceUnchanged = false }
        if result.sourceUnchanged { result.unchangedRecords = records }

        // 7. High-water marks, written last so an interrupted run redoes the listing.
        var finished = folder
        finished.sourceHighestModSeq = s.highestModSeq
        finished.lastSourceUID = max(folder.lastSourceUID, listing.metas.last?.uid.rawValue ?? 0)
        finished.targetUIDNext = dst.status.uidNext
        if finished != previous {
            try hooks.write(SyncStep(user: user, source: sourcePath, kind: "finish", folder: finished), to: state)
        }
        return result
    }

    private struct Listing { var metas: [MessageMeta]; var complete: Bool }

    /// Lists what needs looking at: with CONDSTORE only changed and new messages (plus a full UID list
    /// when the count shows expunges); otherwise everything.
    private func listSource(_ src: any MailFolder, folder: FolderSyncState, previous: FolderSyncState?,
                            records: [UInt32: MessageRecord], result: inout FolderSyncResult) throws -> Listing {
        let s = src.status
        if let p = previous, p == folder, let oldModSeq = p.sourceHighestModSeq, let nowModSeq = s.highestModSeq,
           p.lastSourceUID > 0, p.lastSourceUID < UInt32.max {
            let newOnes = try src.listMessages(uids: MessageUID(p.lastSourceUID + 1) ... .max, changedSince: nil)
            let alive = records.values.filter { $0.status != .gone && $0.sourceUID <= p.lastSourceUID }.count
            if alive + newOnes.count == s.messageCount {
                // Every change (new message, flag, expunge) raises HIGHESTMODSEQ: unchanged means untouched.
                result.sourceUnchanged = nowModSeq == oldModSeq && newOnes.isEmpty
                let changed = nowModSeq == oldModSeq ? []
                    : try src.listMessages(uids: .min ... MessageUID(p.lastSourceUID), changedSince: oldModSeq)
                return Listing(metas: (changed + newOnes).sorted { $0.uid < $1.uid }, complete: false)
            }
        }
        return Listing(metas: try src.listMessages(uids: .min ... .max, changedSince: nil), complete: true)
    }

    /// Messages with a UID below the returned value fall past the item limit (the oldest go first).
    private func itemLimitCutoff(_ metas: [MessageMeta], records: [UInt32: MessageRecord]) -> UInt32 {
        var uids = Set(metas.map(\.uid.rawValue))
        for r in records.values where r.status != .gone { uids.insert(r.sourceUID) }
        let budget = max(itemBudget ?? options.maxItemsPerMailbox, 0)
        guard uids.count > budget else { return 0 }
        guard budget > 0 else { return .max }
        let sorted = uids.sorted(by: >)
        return sorted[budget - 1]
    }

    private func record(_ m: MessageMeta, status: MessageRecord.Status, note: String?, targetUID: UInt32? = nil,
                        hash: String = "", size: Int? = nil) -> MessageRecord {
        MessageRecord(sourceUID: m.uid.rawValue, targetUID: targetUID, contentHash: hash, flags: m.flags,
                      internalDate: m.internalDate, size: size ?? m.size, status: status, note: note)
    }
}
