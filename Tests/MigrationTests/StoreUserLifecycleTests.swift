import Foundation
import GRDB
import Testing
@testable import Migration

/// Start-/Stop-/Set-MigrationUser, skipped-item approval and MailboxGuid in the store.
@Suite struct StoreUserLifecycleTests {
    @Test func everyUserHasAStableMailboxGuidFoundByLookup() throws {
        let state = TemporaryState()
        let store = state.store()
        try store.seed(users: 2)
        let u = try store.user("user1@contoso.com")
        #expect(u.mailboxGuid != RowDecoding.nullUUID && u.mailboxGuid != u.guid)
        #expect(try store.user(mailboxGuid: u.mailboxGuid).emailAddress == "user1@contoso.com")
        #expect(try state.store().user("USER1@contoso.com").mailboxGuid == u.mailboxGuid)
        #expect(try store.user("user2@contoso.com").mailboxGuid != u.mailboxGuid)
        #expect(migrationError { _ = try store.user(mailboxGuid: UUID()) }.map { if case .userNotFound = $0 { true } else { false } } == true)
    }

    /// A state written before v3 gets a distinct MailboxGuid for each of its users when opened.
    @Test func upgradeFromVersion2GivesExistingUsersMailboxGuids() throws {
        let state = TemporaryState()
        try state.directory.prepare()
        let queue = try DatabaseQueue(path: state.directory.databasePath)
        try Schema.migrator.migrate(queue, upTo: "v2-report-entries")
        try queue.write { db in
            try db.execute(sql: """
                INSERT INTO endpoint VALUES (1, 'e1', 'E', 'e', 'IMAP', 'imap.contoso.com', 993, 'Ssl', 'Basic', 0, 20, 10, 0, 0);
                INSERT INTO batch (id, guid, name, name_key, status, migration_type, source_endpoint_id, exclude_folders,
                    include_folders, notification_emails, time_zone, auto_complete, allow_unknown_columns, skip_reports,
                    report_interval, submitted_by, message, csv_row_count, csv_byte_count, csv_columns, created_at, modified_at)
                    VALUES (1, 'b1', 'B', 'b', 'Created', 'IMAP', 1, '[]', '[]', '[]', 'UTC', 0, 0, 0, 86400, '', '', 2, 0, '[]', 0, 0);
                INSERT INTO migration_user (guid, batch_id, email, email_key, user_name, csv_row, status, recipient_type, created_at, modified_at)
                    VALUES ('00000000-0000-4000-8000-000000000001', 1, 'a@x.com', 'a@x.com', 'a', 1, 'Queued', 'Mailbox', 0, 0),
                           ('00000000-0000-4000-8000-000000000002', 1, 'b@x.com', 'b@x.com', 'b', 2, 'Queued', 'Mailbox', 0, 0);
                """)
        }
        try queue.close()
        let users = try state.store().users()
        #expect(users.count == 2 && users.allSatisfy { $0.mailboxGuid != RowDecoding.nullUUID })
        #expect(users[0].mailboxGuid != users[1].mailboxGuid)
        #expect(users.allSatisfy { $0.settings == UserSettings() && $0.approvedSkippedItemCount == 0 })
    }

    @Test func stopThenStartMovesOneUserAndRecordsUserRequests() throws {
        let state = TemporaryState()
        let store = state.store()
        try store.seed(users: 2, autoStart: true)
        let stopped = try store.stopUser("user1@contoso.com")
        #expect(stopped.status == .stopped)
        #expect(try store.user("user2@contoso.com").status == .queued)
        #expect(try store.batch("Batch1").status == .syncing)
        let stop = try #require(try store.pendingRequests().last)
        #expect(stop.action == .stop && stop.userEmail == "user1@contoso.com")

        // Stopping twice is refused and changes nothing.
        #expect(migrationError { try store.stopUser("user1@contoso.com") }
                == .userOperationNotAllowed(.stop, user: "user1@contoso.com", status: .stopped))
        try store.setBatchStatus("Batch1", .synced)
        let started = try store.startUser("user1@contoso.com")
        #expect(started.status == .queued)
        #expect(try store.batch("Batch1").status == .syncing)
        let start = try #require(try store.pendingRequests().last)
        #expect(start.action == .start && start.userEmail == "user1@contoso.com")
        #expect(try store.report(batch: "Batch1").map(\.message).contains("The user \"user1@contoso.com\" was started."))
    }

    @Test func synchronizedUserStopsIncrementallyAndQueuedUserCantStart() throws {
        let state = TemporaryState()
        let store = state.store()
        try store.seed(users: 1, autoStart: true)
        #expect(migrationError { try store.startUser("user1@contoso.com") }
                == .userOperationNotAllowed(.start, user: "user1@contoso.com", status: .queued))
        try store.setUserStatus("user1@contoso.com", .synced)
        #expect(try store.stopUser("user1@contoso.com").status == .incrementalStopped)
    }

    @Test func startIsRefusedWhileTheBatchIsCreatedOrCompleting() throws {
        let state = TemporaryState()
        let store = state.store()
        try store.seed(users: 1)
        try store.setUserStatus("user1@contoso.com", .failed, errorSummary: "x")
        #expect(migrationError { try store.startUser("user1@contoso.com") }
                == .userBatchForbids(.start, user: "user1@contoso.com", batch: "Batch1", status: .created))
        #expect(try store.user("user1@contoso.com").status == .failed)
        #expect(MigrationError.userBatchForbids(.start, user: "a@b.c", batch: "B", status: .created).message
                == "The migration user \"a@b.c\" can't be started because its migration batch \"B\" is Created.")
    }

    @Test func userSettingsOverrideTheBatchAndKeepWhatIsNotGiven() throws {
        let state = TemporaryState()
        let store = state.store()
        let batch = try store.seed(users: 1)
        let after = Date(timeIntervalSince1970: 1_900_000_000)
        var u = try store.setUser("user1@contoso.com", UserSettings(badItemLimit: .some(5), startAfter: after))
        #expect(u.settings.badItemLimit == .some(5) && u.settings.startAfter == after && u.settings.largeItemLimit == nil)
        u = try store.setUser("user1@contoso.com", UserSettings(largeItemLimit: .some(nil)))
        #expect(u.settings.badItemLimit == .some(5))
        #expect(u.settings.largeItemLimit == .some(nil))   // Unlimited survives the round trip
        #expect(u.effectiveBadItemLimit(in: batch) == 5 && u.effectiveLargeItemLimit(in: batch) == nil)
        #expect(u.effectiveStartAfter(in: batch) == after && u.effectiveCompleteAfter(in: batch) == nil)
        try store.setUser("user1@contoso.com", UserSettings(), syncNow: true)
        #expect(try store.pendingRequests().last?.action == .syncNow)
    }

    @Test func approvingSkippedItemsRequeuesFailedUsersSoTheBatchCanSync() throws {
        let state = TemporaryState()
        let store = state.store()
        try store.seed(users: 3, autoStart: true)
        try store.recordProgress("user1@contoso.com", UserProgress(skippedItemCount: 4))
        try store.setUserStatus("user1@contoso.com", .failed, errorSummary: "The number of bad items (4) exceeds the BadItemLimit of 0.")
        try store.recordProgress("user2@contoso.com", UserProgress(skippedItemCount: 1))
        try store.setUserStatus("user2@contoso.com", .synced)
        try store.setUserStatus("user3@contoso.com", .synced)
        try store.setBatchStatus("Batch1", .syncedWithErrors)

        #expect(try store.approveSkippedItems(batch: "batch1") == 2)
        let u1 = try store.user("user1@contoso.com"), u2 = try store.user("user2@contoso.com")
        #expect(u1.status == .queued && u1.errorSummary == nil && u1.approvedSkippedItemCount == 4 && u1.skippedItemsApprovedTime != nil)
        #expect(u2.status == .synced && u2.approvedSkippedItemCount == 1)
        #expect(try store.user("user3@contoso.com").skippedItemsApprovedTime == nil)
        #expect(try store.batch("Batch1").status == .syncing)
        #expect(try store.pendingRequests().last?.action == .start)
        #expect(try store.report(user: "user1@contoso.com").map(\.message).contains("4 skipped items were approved."))
    }

    @Test func approvalIsRefusedWhenTheBatchCantBeChanged() throws {
        let state = TemporaryState()
        let store = state.store()
        try store.seed(users: 1)
        try store.setBatchStatus("Batch1", .completed)
        #expect(migrationError { try store.approveSkippedItems(batch: "Batch1") } == .operationNotAllowed(.set, batch: "Batch1", status: .completed))
        #expect(migrationError { try store.approveSkippedItems(user: "user1@contoso.com") }
                == .userBatchForbids(.set, user: "user1@contoso.com", batch: "Batch1", status: .completed))
    }

    @Test func userLifecycleTableMatchesTheDocumentedRules() {
        let startable: Set<MigrationUserStatus> = [.stopped, .incrementalStopped, .failed, .incrementalFailed, .completionFailed]
        let stoppable: Set<MigrationUserStatus> = [.queued, .syncing, .starting, .validating, .provisioning, .provisionUpdating,
                                                   .incrementalSyncing, .synced, .incrementalSynced]
        for s in MigrationUserStatus.allCases {
            #expect((UserLifecycle.canStart("u", s, batch: "b", .synced) == nil) == startable.contains(s), "start \(s)")
            #expect((UserLifecycle.canStop("u", s, batch: "b", .syncing) == nil) == stoppable.contains(s), "stop \(s)")
        }
        #expect(UserLifecycle.canMove("u", .syncing, batch: "b", .syncing) != nil)
        #expect(UserLifecycle.canMove("u", .queued, batch: "b", .created) == nil)
        #expect(UserLifecycle.canMove("u", .failed, batch: "b", .syncing) == nil)
    }
}
