// Statuses the service shows: during Complete-MigrationBatch users stay Completing until their final sync
// ends, then Completed; the user's and the batch's end statuses are written compare-and-set, so a Stop that
// lands meanwhile is never overwritten.
import Foundation
import Testing
import IMAP
import Migration
@testable import Engine

extension EngineDovecotSuites {
    @Suite struct ServiceStatusTests {
        @Test func usersShowCompletingUntilTheirFinalSyncEndsThenCompleted() throws {
            let f = try ServiceFixture()
            try f.addAccounts([3, 4])
            try f.createBatch()
            // Once `slow` is set, every sync event of the final sync takes 40 ms, so it can be watched.
            let slow = Flag()
            let finalEvents = Counter()
            let running = RunningService(home: f.home, settings: f.settings { _, _ in
                if slow.isSet { finalEvents.add(); usleep(40_000) }
            })
            defer { running.stop() }
            #expect(eventually { f.batchStatus() == .synced })

            // New mail on the source, so the final sync has messages to copy.
            for n in [3, 4] {
                let user = f.dovecot.env["IMAP_USER\(n)"]!
                let w = try IMAPEndToEndTests.connect(f.dovecot, user: user, password: f.dovecot.env["IMAP_PASSWORD\(n)"], readOnly: false)
                let inbox = try w.openFolder(.inbox)
                for k in 0..<4 { _ = try put(inbox, message(500 + k, subject: "Final"), commitVia: w) }
                w.close()
            }
            slow.set()
            try f.store.completeBatch("Batch1")
            var seenUser: Set<MigrationUserStatus> = [], seenBatch: Set<MigrationBatchStatus> = []
            let done = eventually(timeout: 90) {
                for a in f.accounts { if let s = f.userStatus(a.user) { seenUser.insert(s) } }
                if let b = f.batchStatus() { seenBatch.insert(b) }
                return f.batchStatus() == .completed
            }
            #expect(done)
            #expect(finalEvents.value > 0, "the final sync ran")
            #expect(seenUser.contains(.completing))
            #expect(seenUser.isSubset(of: [.completing, .completed]), "seen: \(seenUser)")
            #expect(seenBatch.isSubset(of: [.completing, .completed]), "seen: \(seenBatch)")
            for a in f.accounts {
                #expect(f.userStatus(a.user) == .completed)
                #expect(try f.mailVerifiedExact(a.user))
                let u = try f.store.user(f.email(a.user))
                #expect(u.syncedItemCount == 15, "\(u) \((try? f.store.report(user: f.email(a.user)).map(\.message)) ?? [])")   // 11 + the 4 final ones
            }
        }

        @Test func aStopDuringAUsersSyncIsNotOverwrittenWhenTheSyncEnds() throws {
            let f = try ServiceFixture()
            try f.addAccounts([4])
            try f.createBatch()
            let user = f.accounts[0].user
            let runner = UserMigration(store: f.store)
            runner.additionalCAFile = f.dovecot.env["IMAP_CA_FILE"]
            // Stop-MigrationBatch lands after the sync's first state write; nothing cancels this sync.
            let stopped = Flag()
            runner.hooks = SyncHooks { event in
                if case .afterStateWrite = event, !stopped.isSet { stopped.set(); try f.store.stopBatch("Batch1") }
            }
            let outcome = try runner.run(f.email(user))
            #expect(stopped.isSet)
            #expect(outcome.status == .stopped)
            #expect(f.userStatus(user) == .stopped)
            #expect(f.batchStatus() == .stopped)
        }

        @Test func settlingLeavesAStopThatLandedMeanwhile() throws {
            let f = try ServiceFixture()
            try f.addAccounts([4], fill: false)
            try f.createBatch()
            let service = MigrationService(stateDirectory: f.home, settings: f.settings())
            #expect(eventually { (try? service.tick()) != nil && f.batchStatus() == .synced })
            // A pass that read the batch while it was still Syncing (every user done) ...
            try f.store.setBatchStatus("Batch1", .syncing)
            let stale = try f.store.batch("Batch1")
            // ... and Stop-MigrationBatch lands before that pass settles the batch.
            try f.store.stopBatch("Batch1")
            #expect(try service.advance(stale))
            #expect(f.batchStatus() == .stopped)
            _ = try service.tick()
            #expect(f.batchStatus() == .stopped)
            #expect(f.userStatus(f.accounts[0].user) == .incrementalStopped)
        }
    }
}

@Suite struct BatchStatusCompareAndSetTests {
    @Test func expectedStatusGuardsTheWrite() throws {
        let dir = TempDir("cas"); defer { dir.remove() }
        let store = MigrationStore(directory: StateDirectory(path: dir.path))
        try store.createEndpoint(MigrationEndpoint(name: "E", remoteServer: "127.0.0.1", port: 993))
        _ = try store.createBatch(NewBatchOptions(name: "B", sourceEndpoint: "E"),
                                  csv: try ImapCsv.parse(Array("EmailAddress,UserName,Password\na@contoso.com,a,p\n".utf8)))
        try store.startBatch("B")
        #expect(try store.setBatchStatus("B", .synced, expected: .syncing))
        #expect(try store.batch("B").status == .synced)
        try store.stopBatch("B")
        #expect(try !store.setBatchStatus("B", .synced, expected: .syncedWithErrors))
        #expect(try store.batch("B").status == .stopped)
        #expect(try store.setBatchStatus("B", .completed))   // without `expected`, as before
        #expect(try store.batch("B").status == .completed)
    }
}

final class Flag: @unchecked Sendable {
    private let lock = NSLock()
    private var value = false
    func set() { lock.withLock { value = true } }
    var isSet: Bool { lock.withLock { value } }
}
