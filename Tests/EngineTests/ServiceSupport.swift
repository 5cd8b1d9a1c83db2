// Shared setup of the service tests: accounts of the test Dovecot filled with the standard corpus, a state
// directory with an endpoint and one batch, and a MigrationService running on its own thread.
import Foundation
import Testing
import IMAP
import Migration
@testable import Engine

final class ServiceFixture {
    let dovecot: TestDovecot
    let fx = SyncFixture()
    let corpus: MaildirStore
    let store: MigrationStore
    /// The accounts of the batch, in CSV order: (login, password written in the CSV).
    private(set) var accounts: [(user: String, password: String)] = []

    var home: String { fx.dir.path + "/home" }

    init() throws {
        dovecot = try TestDovecot.shared()
        corpus = try buildStandardCorpus(at: fx.sourceRoot, bigMessage: false)
        store = MigrationStore(directory: StateDirectory(path: fx.dir.path + "/home"))
    }

    /// The EmailAddress (target mailbox) of a source login, when a test gives it one of its own.
    var emailOverride: [String: String] = [:]

    func email(_ user: String) -> String { emailOverride[user] ?? "\(user)@contoso.com" }

    /// Fills test accounts `numbers` (1-based, of the env file) with the corpus; `wrongPassword` lists the ones
    /// whose CSV row gets a bad password.
    func addAccounts(_ numbers: [Int], wrongPassword: Set<Int> = [], fill: Bool = true) throws {
        for n in numbers {
            let user = dovecot.env["IMAP_USER\(n)"]!, password = dovecot.env["IMAP_PASSWORD\(n)"]!
            if fill {
                let up = try EngineDovecotSuites.IMAPEndToEndTests.connect(dovecot, user: user, password: password, readOnly: false)
                try EngineDovecotSuites.IMAPEndToEndTests.clean(up)
                _ = try EngineDovecotSuites.IMAPEndToEndTests.sync(user: user, source: corpus, target: up,
                                                                    statePath: fx.dir.path + "/push-\(user).sqlite")
                up.close()
            }
            accounts.append((user, wrongPassword.contains(n) ? "not the password" : password))
        }
    }

    func createBatch(name: String = "Batch1", maxConcurrent: Int = 20, start: Bool = true,
                     configure: (inout NewBatchOptions) -> Void = { _ in }) throws {
        try store.createEndpoint(MigrationEndpoint(name: "TestDovecot", remoteServer: "127.0.0.1", port: dovecot.port,
                                                   maxConcurrentMigrations: maxConcurrent, maxConcurrentIncrementalSyncs: maxConcurrent))
        var csv = "EmailAddress,UserName,Password\n"
        for a in accounts { csv += "\(email(a.user)),\(a.user),\"\(a.password.replacingOccurrences(of: "\"", with: "\"\""))\"\n" }
        var options = NewBatchOptions(name: name, sourceEndpoint: "TestDovecot")
        configure(&options)
        _ = try store.createBatch(options, csv: try ImapCsv.parse(Array(csv.utf8)))
        if start { try store.startBatch(name) }
    }

    func settings(observer: (@Sendable (String, SyncEvent) -> Void)? = nil) -> ServiceSettings {
        var s = ServiceSettings()
        s.pollInterval = 0.1
        s.idleExit = 0
        s.additionalCAFile = dovecot.env["IMAP_CA_FILE"]
        s.syncEventObserver = observer
        return s
    }

    /// The user's mail is in its target Maildir and the engine's verification after the last sync compared it
    /// with the source message by message (bytes, flags, date) and found no difference. (The accounts are shared
    /// by the suites and refilled, so the source is checked against itself rather than against the corpus.)
    func mailVerifiedExact(_ user: String) throws -> Bool {
        let u = try store.user(email(user))
        let report = try store.report(user: email(user)).map(\.message)
        let target = try MaildirStore(root: home + "/mailboxes/" + email(user).lowercased(), create: false)
        let inbox = try target.openFolder(.inbox).listMessages(uids: .min ... .max, changedSince: nil)
        return report.last { $0.hasPrefix("Data consistency:") }?.hasPrefix("Data consistency: Perfect") == true
            && u.syncedItemCount == u.totalItemsInSourceMailboxCount && u.syncedItemCount > 0 && !inbox.isEmpty
    }

    func batchStatus(_ name: String = "Batch1") -> MigrationBatchStatus? { try? store.batch(name).status }
    func userStatus(_ user: String) -> MigrationUserStatus? { try? store.user(email(user)).status }
}

/// Every message of every selectable folder of a store as (hash of bytes, flags, date), sorted: equal lists
/// mean the same mail with nothing lost and nothing duplicated, whatever the folder mapping.
func allFingerprints(_ store: any MailStore) throws -> [String] {
    try store.listFolders().filter(\.selectable).flatMap { try fingerprints(store, $0.path) }.sorted()
}

/// A service running on its own thread until `stop()`.
final class RunningService: @unchecked Sendable {
    let service: MigrationService
    private let done = DispatchSemaphore(value: 0)
    private let lock = NSLock()
    private var failure: (any Error)?
    private var stopped = false

    init(home: String, settings: ServiceSettings) {
        service = MigrationService(stateDirectory: home, settings: settings)
        let t = Thread { [self] in
            do { try service.run() } catch { lock.withLock { failure = error } }
            done.signal()
        }
        t.stackSize = 8 << 20
        t.start()
    }

    var error: (any Error)? { lock.withLock { failure } }

    /// Stops the service and waits for it to release its lock; false on timeout.
    @discardableResult
    func stop(timeout: TimeInterval = 30) -> Bool {
        service.requestStop()
        if lock.withLock({ stopped }) { return true }
        let ok = done.wait(timeout: .now() + timeout) == .success
        lock.withLock { stopped = ok }
        return ok
    }
}

/// Polls `condition` every 50 ms until it holds or `timeout` passes.
func eventually(timeout: TimeInterval = 60, _ condition: () -> Bool) -> Bool {
    let deadline = Date().addingTimeInterval(timeout)
    while Date() < deadline {
        if condition() { return true }
        usleep(50_000)
    }
    return condition()
}
