import Testing
@testable import Migration

@Suite struct BatchLifecycleTests {
    typealias S = MigrationBatchStatus

    /// The allowance table of BatchLifecycle, written out independently: every (status, operation) pair.
    static let allowed: [BatchOperation: Set<S>] = [
        .start: [.created, .stopped, .failed, .synced, .syncedWithErrors, .completedWithErrors],
        .stop: [.starting, .syncing, .incrementalSyncing, .waiting, .synced, .syncedWithErrors],
        .complete: [.synced, .syncedWithErrors],
        .set: [.created, .starting, .syncing, .incrementalSyncing, .waiting, .synced, .syncedWithErrors, .stopped, .failed],
        .addUsers: [.created, .starting, .syncing, .incrementalSyncing, .waiting, .synced, .syncedWithErrors, .stopped, .failed],
        .remove: Set(S.allCases).subtracting([.removing]),
    ]

    @Test(arguments: BatchOperation.allCases)
    func everyStatusPairMatchesTheTable(_ op: BatchOperation) {
        for status in S.allCases {
            let refusal = BatchLifecycle.check(op, "B1", status)
            let expectAllowed = Self.allowed[op]!.contains(status)
            #expect((refusal == nil) == expectAllowed, "\(op) on \(status)")
            if let refusal {
                #expect(refusal == .operationNotAllowed(op, batch: "B1", status: status))
            }
        }
    }

    @Test func refusalTextNamesBatchOperationAndStatus() {
        let e = BatchLifecycle.canStart("IMAPBatch1", .syncing)
        #expect(e?.message == "The migration batch \"IMAPBatch1\" can't be started because its status is Syncing.")
        #expect(BatchLifecycle.canStop("X", .completed)?.message == "The migration batch \"X\" can't be stopped because its status is Completed.")
        #expect(BatchLifecycle.canComplete("X", .created)?.message.contains("can't be completed") == true)
        #expect(BatchLifecycle.canRemove("X", .removing)?.exceptionTypeName == "MigrationPermanentException")
    }

    @Test func effectsOnBatchStatus() {
        #expect(BatchLifecycle.statusAfter(.start, from: .created) == .syncing)
        #expect(BatchLifecycle.statusAfter(.stop, from: .synced) == .stopped)
        #expect(BatchLifecycle.statusAfter(.complete, from: .synced) == .completing)
        #expect(BatchLifecycle.statusAfter(.remove, from: .failed) == .removing)
        #expect(BatchLifecycle.statusAfter(.set, from: .failed) == .failed)
    }

    @Test func effectsOnUsers() {
        #expect(BatchLifecycle.userStatusAfter(.start, from: .failed) == .queued)
        #expect(BatchLifecycle.userStatusAfter(.start, from: .stopped) == .queued)
        #expect(BatchLifecycle.userStatusAfter(.start, from: .synced) == nil)
        #expect(BatchLifecycle.userStatusAfter(.start, from: .completed) == nil)
        #expect(BatchLifecycle.userStatusAfter(.stop, from: .queued) == .stopped)
        #expect(BatchLifecycle.userStatusAfter(.stop, from: .synced) == .incrementalStopped)
        #expect(BatchLifecycle.userStatusAfter(.stop, from: .failed) == nil)
        #expect(BatchLifecycle.userStatusAfter(.complete, from: .synced) == .completing)
        #expect(BatchLifecycle.userStatusAfter(.complete, from: .failed) == nil)
    }

    @Test func statusNamesAreExchanges() {
        #expect(S.allCases.map(\.rawValue) == ["Created", "Syncing", "Stopping", "Stopped", "Completed", "Failed", "Removing",
            "Synced", "IncrementalSyncing", "Completing", "CompletedWithErrors", "SyncedWithErrors", "Corrupted", "Waiting", "Starting"])
        #expect(MigrationUserStatus.allCases.count == 21)
        #expect(S(name: "syncedwitherrors") == .syncedWithErrors)
        #expect(MigrationUserStatus(name: "INCREMENTALFAILED") == .incrementalFailed)
        #expect(S(name: "Bogus") == nil)
    }

    @Test func userSummaryRollUp() {
        #expect(MigrationUserStatus.queued.summary == .active)
        #expect(MigrationUserStatus.incrementalFailed.summary == .failed)
        #expect(MigrationUserStatus.incrementalStopped.summary == .stopped)
        #expect(MigrationUserStatus.completedWithWarnings.summary == .completed)
        #expect(MigrationUserStatusSummary.synced.statuses == [.synced, .completionSynced, .incrementalSynced])
    }

    @Test func countsFollowStatuses() {
        var c = BatchCounts()
        c.add(.queued, count: 2); c.add(.syncing, count: 1); c.add(.failed, count: 3)
        c.add(.incrementalFailed, count: 1); c.add(.synced, count: 4); c.add(.completedWithWarnings, count: 1)
        #expect(c.totalCount == 12)
        #expect(c.pendingCount == 2 && c.activeCount == 1)
        #expect(c.failedCount == 4 && c.failedInitialSyncCount == 3 && c.failedIncrementalSyncCount == 1)
        #expect(c.syncedCount == 4 && c.finalizedCount == 1 && c.completedWithWarningCount == 1)
    }
}

@Suite struct ExchangeEnumTests {
    @Test func namesParseIgnoringCase() {
        #expect(IMAPSecurity(name: "ssl") == .ssl && IMAPSecurity(name: "NONE") == .unencrypted && IMAPSecurity(name: "x") == nil)
        #expect(IMAPSecurity.names == ["None", "Ssl", "Tls"])
        #expect(IMAPAuthentication(name: "ntlm") == .ntlm && MigrationType(name: "imap") == .imap)
        #expect(MigrationUserStatusSummary(name: "stopped") == .stopped)
    }
}
