// Syncs one user's mailbox: plans the folders, syncs each, then verifies. Knows no IMAP.

public final class MailboxSync {
    public let user: String
    let source: any MailStore
    let target: any MailStore
    let state: any SyncStateStore
    public var options: SyncOptions
    public var excludeFolders: [String]
    public var includeFolders: [String] = []
    public var sourceRoot: FolderPath?
    public let hooks: SyncHooks

    public init(user: String, source: any MailStore, target: any MailStore, state: any SyncStateStore,
                options: SyncOptions = SyncOptions(), excludeFolders: [String] = [], sourceRoot: FolderPath? = nil,
                hooks: SyncHooks = SyncHooks()) {
        self.user = user; self.source = source; self.target = target; self.state = state
        self.options = options; self.excludeFolders = excludeFolders; self.sourceRoot = sourceRoot; self.hooks = hooks
    }

    /// Runs one sync (initial or incremental: the state decides). Message-scope problems are reported in
    /// the result; folder-scope errors skip that folder and are reported; store-scope errors are thrown
    /// after what was copied has been committed.
    public func run() throws -> MailboxSyncReport {
        var report = MailboxSyncReport(user: user)
        let previous = Dictionary(try state.folderStates(user: user).map { ($0.source, $0.target) }, uniquingKeysWith: { a, _ in a })
        let mapper = FolderMapper(targetTraits: target.traits, filter: FolderFilter(excludeFolders: excludeFolders, includeFolders: includeFolders),
                                  sourceRoot: sourceRoot, previousTargets: previous)
        report.plans = mapper.plan(try source.listFolders())
        var synced: [(FolderPlan, FolderSyncResult)] = []
        var itemBudget = options.maxItemsPerMailbox   // the item limit is per mailbox: each folder uses up its share
        for plan in report.plans where plan.action == .sync {
            do {
                let folderSync = FolderSync(user: user, plan: plan, source: source, target: target, state: state,
                                            options: options, hooks: hooks)
                folderSync.itemBudget = itemBudget
                let result = try folderSync.run()
                itemBudget = max(0, itemBudget - result.sourceMessageCount)
                report.folders.append(result)
                synced.append((plan, result))
            } catch let e as StoreError where e.scope <= .folder {
                report.folderErrors.append((plan.relativePath, e.message))
            }
        }
        report.verification = try verify(synced)
        return report
    }

    /// Compares every synced folder with its target (Get-MigrationUserStatistics -IncludeReport).
    public func verify(_ folders: [(FolderPlan, FolderSyncResult)]) throws -> VerificationReport {
        var v = VerificationReport()
        let verifier = FolderVerifier(user: user, state: state, verifyTargetBytes: options.verifyTargetBytes)
        for (plan, result) in folders {
            let (folder, diffs) = try verifier.verify(plan, source: source, target: target, copied: result.copiedTargetUIDs,
                                                      unchangedRecords: result.sourceUnchanged ? result.unchangedRecords : nil)
            v.folders.append(folder)
            v.differences += diffs
        }
        return v
    }
}
