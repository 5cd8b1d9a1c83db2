// One sync of one migration user, from the Migration store's records: the source IMAP account (endpoint
// + CSV credentials, UserRoot), the embedded Maildir target under the state directory, the sync state in
// the same SQLite database, and the outcome written back as the user's status, counters and report.
import Foundation
import IMAP
import Migration

public struct UserMigrationOutcome: Sendable {
    public var status: MigrationUserStatus
    public var error: String?
    public var report: MailboxSyncReport?
}

public final class UserMigration {
    let store: MigrationStore
    /// Where the users' Maildir trees live: `<state dir>/mailboxes` by default.
    public var mailboxesRoot: String
    /// A CA bundle trusted in addition to the system's (tests; production uses SSL_CERT_FILE).
    public var additionalCAFile: String?
    public var options = SyncOptions()
    /// MIGSH_TEST_CRASH_AFTER / _BEFORE (crash tests of the service process) are honoured by default.
    public var hooks = SyncHooks.fromEnvironment()

    public init(store: MigrationStore, mailboxesRoot: String? = nil) {
        self.store = store
        self.mailboxesRoot = mailboxesRoot ?? store.directory.path + "/mailboxes"
    }

    /// The Maildir tree of a user.
    public func mailboxPath(for emailAddress: String) -> String { mailboxesRoot + "/" + emailAddress.lowercased() }

    /// Runs one sync (initial, or incremental when the user was synced before) and records the outcome.
    /// `finalSync` is Complete-MigrationBatch's last sync: the user shows Completing while it runs, then
    /// Completed (or CompletionFailed). Never throws for problems of the user's mail or server: those end
    /// as a failed status with the cause.
    @discardableResult
    public func run(_ identity: String, finalSync: Bool = false) throws -> UserMigrationOutcome {
        let user = try store.user(identity)
        let batch = try store.batch(user.batchId)
        let incremental = user.lastSuccessfulSyncTime != nil
        let statuses = Statuses(incremental: incremental, finalSync: finalSync)
        try store.setUserStatus(identity, statuses.running)
        do {
            guard let endpointName = batch.sourceEndpoint else { throw StoreError.store("The batch has no source endpoint.", retry: .final) }
            let endpoint = try store.endpoint(endpointName)
            let credential = try store.credential(for: identity)
            let source = try connect(endpoint, credential)
            defer { source.close() }
            let target = try openTarget(for: user.emailAddress)
            defer { target.close() }
            let state = try SQLiteSyncStateStore(writer: try store.databaseWriter())
            var opts = options
            opts.badItemLimit = user.effectiveBadItemLimit(in: batch) ?? options.badItemLimit   // Set-MigrationUser's wins
            var sync = MailboxSync(user: user.emailAddress.lowercased(), source: source, target: target, state: state,
                                   options: opts, excludeFolders: batch.excludeFolders,
                                   sourceRoot: Self.rootPath(credential.userRoot, delimiter: source.traits.delimiter), hooks: hooks)
            sync.includeFolders = batch.includeFolders
            let report = try sync.run()
            let unmigrated = try unmigratedItems(user: user.emailAddress.lowercased(), state: state, options: opts)
            let skipped = SkippedItemHeaders.fill(unmigrated, previous: (try? store.skippedItems(user: identity)) ?? [], source: source)
            try store.replaceSkippedItems(user: identity, skipped)
            let limits = ItemLimits(bad: opts.badItemLimit, large: user.effectiveLargeItemLimit(in: batch))
            return try record(report, skipped: skipped, user: user, batch: batch, limits: limits, statuses: statuses)
        } catch let e as StoreError {
            let text = Self.describe(e, userName: user.userName, server: (try? store.endpoint(batch.sourceEndpoint ?? ""))?.remoteServer)
            let status = try settle(identity, statuses.failed, errorSummary: text, running: statuses.running)
            try store.appendReport(batch: batch.name, user: identity, text)
            return UserMigrationOutcome(status: status, error: text, report: nil)
        }
    }

    /// The user's target store as `<state>/target.conf` says: the embedded Maildir tree, or the user's
    /// mailbox on the target IMAP server through the configured admin login.
    private func openTarget(for emailAddress: String) throws -> any MailStore {
        let settings: TargetSettings
        do { settings = try TargetSettings.load(stateDirectory: store.directory.path) } catch {
            throw StoreError.store("The target setting is wrong: \(error)", retry: .final)
        }
        switch settings.kind {
        case .maildir:
            let root = settings.maildirRoot ?? mailboxesRoot
            return try MaildirStore(root: root + "/" + emailAddress.lowercased())
        case .imap:
            let password: String
            do { password = try settings.password(store: store) } catch {
                throw StoreError.store("The target password can't be read: \(error)", retry: .final)
            }
            let security: Security = switch settings.security {
            case .ssl: .ssl
            case .tls: .tls
            case .none: .none
            }
            let tls = TLSConfiguration(verifyCertificates: !settings.acceptUntrustedCertificates, additionalCAFile: additionalCAFile)
            let login = settings.login(for: emailAddress.lowercased())
            do {
                return try IMAPStore.connect(host: settings.host, port: settings.port, options: ConnectionOptions(security: security, tls: tls),
                                             user: login, password: password, readOnly: false)
            } catch let e as StoreError {
                // Named as the target's failure: the source's error texts would blame the CSV's login.
                throw StoreError(.store, e.retry, "the target IMAP server '\(settings.host)' (login '\(login)'): \(e.message)")
            }
        }
    }

    private func connect(_ endpoint: MigrationEndpoint, _ credential: ImapCredential) throws -> IMAPStore {
        let security: Security = switch endpoint.security {
        case .unencrypted: .none
        case .ssl: .ssl
        case .tls: .tls
        }
        let tls = TLSConfiguration(verifyCertificates: !endpoint.acceptUntrustedCertificates, additionalCAFile: additionalCAFile)
        return try IMAPStore.connect(host: endpoint.remoteServer, port: endpoint.port,
                                     options: ConnectionOptions(security: security, tls: tls),
                                     user: credential.userName, password: credential.password, readOnly: true)
    }

    /// CSV UserRoot ("/users/terry.adams") as a folder path, split on "/" and the server's delimiter.
    static func rootPath(_ userRoot: String?, delimiter: Character) -> FolderPath? {
        guard let root = userRoot, !root.isEmpty else { return nil }
        let parts = root.split(whereSeparator: { $0 == "/" || $0 == delimiter }).map(String.init)
        return parts.isEmpty ? nil : FolderPath(parts)
    }

    /// The user's skipped items as the state holds them after this sync: every item skipped or failed
    /// so far and not copied since (a sync reports only what it met, the statistics show them all).
    func skippedItems(user: String, state: SQLiteSyncStateStore, options: SyncOptions) throws -> [MigrationSkippedItem] {
        try unmigratedItems(user: user, state: state, options: options).map(\.item)
    }

    /// The same, each with its source folder's path (to read the items' headers from).
    func unmigratedItems(user: String, state: SQLiteSyncStateStore, options: SyncOptions)
        throws -> [(folder: FolderPath, item: MigrationSkippedItem)] {
        try state.unmigratedRecords(user: user).map { folder, r in
            let kind = r.status == .failed ? SkippedItem.Kind.failed
                : (r.size > options.maxMessageSize ? SkippedItem.Kind.largeItem : SkippedItem.Kind.itemLimit)
            return (folder, MigrationSkippedItem(kind: kind.rawValue, folderName: folder.description, messageSize: Int64(r.size),
                                                 dateReceived: Date(timeIntervalSince1970: TimeInterval(r.internalDate.secondsSince1970)),
                                                 failure: r.note ?? "", sourceUID: Int64(r.sourceUID)))
        }
    }

    /// The statuses of one sync: while it runs, when it ends well, when it fails.
    struct Statuses {
        var running: MigrationUserStatus, done: MigrationUserStatus, failed: MigrationUserStatus
        init(incremental: Bool, finalSync: Bool) {
            if finalSync { (running, done, failed) = (.completing, .completed, .completionFailed) }
            else if incremental { (running, done, failed) = (.incrementalSyncing, .synced, .incrementalFailed) }
            else { (running, done, failed) = (.syncing, .synced, .failed) }
        }
    }

    /// Exchange's two limits on what a user may leave behind: oversized items count against
    /// LargeItemLimit, every other skipped or failed item against BadItemLimit; nil is Unlimited.
    struct ItemLimits {
        var bad: Int?
        var large: Int?

        /// The first limit `skipped` passes, in words, or nil.
        func exceeded(by skipped: [MigrationSkippedItem]) -> String? {
            let large = skipped.filter { $0.kind == SkippedItem.Kind.largeItem.rawValue }.count
            let bad = skipped.count - large
            if let limit = self.bad, bad > limit { return "The number of bad items (\(bad)) exceeds the BadItemLimit of \(limit)." }
            if let limit = self.large, large > limit { return "The number of large items (\(large)) exceeds the LargeItemLimit of \(limit)." }
            return nil
        }
    }

    /// `skipped`: the user's skipped and failed items so far (not just this sync's), checked against the limits.
    private func record(_ report: MailboxSyncReport, skipped: [MigrationSkippedItem], user: MigrationUser, batch: MigrationBatch,
                        limits: ItemLimits, statuses: Statuses) throws -> UserMigrationOutcome {
        let v = report.verification ?? VerificationReport()
        let notCopied = v.differences.filter { $0.kind == .missing || $0.kind == .skipped }.count
        try store.recordProgress(user.emailAddress, UserProgress(
            syncedItemCount: v.sourceItemCount - notCopied, skippedItemCount: skipped.count,
            totalItemsInSourceMailboxCount: v.sourceItemCount,
            bytesTransferred: user.bytesTransferred + Int64(report.copiedBytes)))
        for line in Self.reportLines(report) { try store.appendReport(batch: batch.name, user: user.emailAddress, line) }
        if let text = limits.exceeded(by: skipped) {
            let status = try settle(user.emailAddress, statuses.failed, errorSummary: text, running: statuses.running)
            return UserMigrationOutcome(status: status, error: text, report: report)
        }
        let status = try settle(user.emailAddress, statuses.done, running: statuses.running)
        return UserMigrationOutcome(status: status, error: nil, report: report)
    }

    /// Writes the user's end status compare-and-set against the status this sync set at its start: a
    /// cmdlet that moved the user meanwhile (Stop-MigrationBatch) wins. Returns the status the user has.
    private func settle(_ identity: String, _ status: MigrationUserStatus, errorSummary: String? = nil,
                        running: MigrationUserStatus) throws -> MigrationUserStatus {
        if try store.setUserStatus(identity, status, errorSummary: errorSummary, expected: running) { return status }
        return try store.user(identity).status
    }

    /// The report lines of one sync (Get-MigrationUserStatistics -IncludeReport).
    static func reportLines(_ report: MailboxSyncReport) -> [String] {
        var lines = ["Copied \(report.copied) items (\(report.copiedBytes) bytes) in \(report.folders.count) folders; "
                     + "\(report.flagUpdates) flag changes."]
        for p in report.plans {
            if case .skipped(let reason) = p.action { lines.append("Folder '\(p.relativePath)' was skipped: \(reason)") }
            if let note = p.renameNote { lines.append("Folder name changed for the target: \(note)") }
        }
        for e in report.folderErrors { lines.append("Folder '\(e.folder)' could not be synced: \(e.message)") }
        for s in report.skippedItems + report.failedItems {
            lines.append("Skipped item in '\(s.folder)' (UID \(s.sourceUID), \(s.size) bytes, \(s.kind.rawValue)): \(s.reason)")
        }
        if let v = report.verification {
            lines.append("Data consistency: \(v.score.rawValue) (\(v.sourceItemCount) items in \(v.folders.count) folders checked, "
                         + "\(v.differences.count) differences).")
            for d in v.differences.prefix(50) { lines.append("Difference: \(d)") }
        }
        return lines
    }

    /// The error text Get-MigrationUser shows, naming the cause.
    static func describe(_ e: StoreError, userName: String, server: String?) -> String {
        let host = server ?? "the IMAP server"
        switch e.cause {
        case .authentication:
            return "ImapAuthenticationException: The IMAP server '\(host)' rejected the user name or password for '\(userName)'."
        case .tls:
            return "SslStreamFailureException: TLS negotiation with '\(host)' failed: \(e.message)"
        case .connection:
            return "MigrationServerConnectionFailedException: The connection to the server '\(host)' could not be completed: \(e.message)"
        case .other:
            return "MigrationPermanentException: \(e.message)"
        }
    }
}
