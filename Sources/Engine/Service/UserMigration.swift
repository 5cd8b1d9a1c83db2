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
    /// Never throws for problems of the user's mail or server: those end as a Failed status with the cause.
    @discardableResult
    public func run(_ identity: String) throws -> UserMigrationOutcome {
        let user = try store.user(identity)
        let batch = try store.batch(user.batchId)
        let incremental = user.lastSuccessfulSyncTime != nil
        try store.setUserStatus(identity, incremental ? .incrementalSyncing : .syncing)
        do {
            guard let endpointName = batch.sourceEndpoint else { throw StoreError.store("The batch has no source endpoint.", retry: .final) }
            let endpoint = try store.endpoint(endpointName)
            let credential = try store.credential(for: identity)
            let source = try connect(endpoint, credential)
            defer { source.close() }
            let target = try MaildirStore(root: mailboxPath(for: user.emailAddress))
            let state = try SQLiteSyncStateStore(writer: try store.databaseWriter())
            var opts = options
            opts.badItemLimit = batch.badItemLimit ?? options.badItemLimit
            var sync = MailboxSync(user: user.emailAddress.lowercased(), source: source, target: target, state: state,
                                   options: opts, excludeFolders: batch.excludeFolders,
                                   sourceRoot: Self.rootPath(credential.userRoot, delimiter: source.traits.delimiter), hooks: hooks)
            sync.includeFolders = batch.includeFolders
            let report = try sync.run()
            return try record(report, user: user, batch: batch, badItemLimit: opts.badItemLimit)
        } catch let e as StoreError {
            let text = Self.describe(e, userName: user.userName, server: (try? store.endpoint(batch.sourceEndpoint ?? ""))?.remoteServer)
            let status: MigrationUserStatus = incremental ? .incrementalFailed : .failed
            try store.setUserStatus(identity, status, errorSummary: text)
            try store.appendReport(batch: batch.name, user: identity, text)
            return UserMigrationOutcome(status: status, error: text, report: nil)
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

    private func record(_ report: MailboxSyncReport, user: MigrationUser, batch: MigrationBatch,
                        badItemLimit: Int?) throws -> UserMigrationOutcome {
        let v = report.verification ?? VerificationReport()
        let notCopied = v.differences.filter { $0.kind == .missing || $0.kind == .skipped }.count
        try store.recordProgress(user.emailAddress, UserProgress(
            syncedItemCount: v.sourceItemCount - notCopied, skippedItemCount: report.badItemCount,
            totalItemsInSourceMailboxCount: v.sourceItemCount,
            bytesTransferred: user.bytesTransferred + Int64(report.copiedBytes)))
        for line in Self.reportLines(report) { try store.appendReport(batch: batch.name, user: user.emailAddress, line) }
        if report.exceeds(badItemLimit: badItemLimit) {
            let text = "The number of bad items (\(report.badItemCount)) exceeds the BadItemLimit of \(badItemLimit ?? 0)."
            let status: MigrationUserStatus = user.lastSuccessfulSyncTime != nil ? .incrementalFailed : .failed
            try store.setUserStatus(user.emailAddress, status, errorSummary: text)
            return UserMigrationOutcome(status: status, error: text, report: report)
        }
        try store.setUserStatus(user.emailAddress, .synced)
        return UserMigrationOutcome(status: .synced, error: nil, report: report)
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
