import Foundation
import Migration
import Testing
@testable import Cmdlets
import PowerShell

/// Set-/Start-/Stop-MigrationUser, New-MigrationBatch -UserIds/-Users, Get-MigrationUser -MailboxGuid,
/// and Set-MigrationBatch's -CSVData (without -AddUsers), -ApproveSkippedItems and -Update.
@Suite struct UserLifecycleCmdletTests {
    static func store(_ h: CmdletHarness) -> MigrationStore { MigrationStoreAccess.store(environment: ["MIGSH_HOME": h.home]) }

    static func guid(_ v: Value?) -> UUID? { if case .guid(let g)? = v { g } else { nil } }
    static func count(_ v: Value?) -> Int? { if case .array(let a)? = v { a.items.count } else { nil } }

    static func user(_ h: CmdletHarness, _ id: String) throws -> PSObject {
        try #require(try h.run("Get-MigrationUser", [pos(str(id))]).objects.first)
    }

    @Test func mailboxGuidFindsTheUserAndStaysTheSame() throws {
        let h = try BatchCmdletTests.harness()
        try BatchCmdletTests.newBatch(h)
        let u = try Self.user(h, "annb@contoso.edu")
        guard case .guid(let mailbox)? = u["MailboxGuid"] else { Issue.record("no MailboxGuid"); return }
        let found = try h.run("Get-MigrationUser", [arg("MailboxGuid", .guid(mailbox))])
        #expect(found.objects.map(\.toStringValue) == ["annb@contoso.edu"])
        #expect(try Self.guid(Self.user(h, "annb@contoso.edu")["MailboxGuid"]) == mailbox)
        let none = try h.run("Get-MigrationUser", [arg("MailboxGuid", .guid(UUID()))])
        #expect(none.objects.isEmpty && none.errors.first?.category == .objectNotFound)
    }

    @Test func stopAndStartOneUser() throws {
        let h = try BatchCmdletTests.harness()
        try BatchCmdletTests.newBatch(h, extra: [arg("AutoStart")])
        #expect(try h.run("Stop-MigrationUser", [pos(str("terrya@contoso.edu"))]).errors.isEmpty)
        #expect(try Self.user(h, "terrya@contoso.edu")["Status"]?.stringValue == "Stopped")
        #expect(try Self.user(h, "annb@contoso.edu")["Status"]?.stringValue == "Queued")
        let again = try h.run("Stop-MigrationUser", [pos(str("terrya@contoso.edu"))])
        #expect(again.errors.first?.message == "The migration user \"terrya@contoso.edu\" can't be stopped because its status is Stopped.")
        let whatIf = try h.run("Start-MigrationUser", [pos(str("terrya@contoso.edu")), arg("WhatIf")])
        #expect(whatIf.whatIf.count == 1)
        #expect(try Self.user(h, "terrya@contoso.edu")["Status"]?.stringValue == "Stopped")
        #expect(try h.run("Start-MigrationUser", [pos(str("terrya@contoso.edu"))]).errors.isEmpty)
        #expect(try Self.user(h, "terrya@contoso.edu")["Status"]?.stringValue == "Queued")
        let missing = try h.run("Start-MigrationUser")
        #expect(missing.errors.first?.message.contains("needs -Identity") == true)
    }

    @Test func startIsRefusedInACreatedBatchAndUsersCanBePiped() throws {
        let h = try BatchCmdletTests.harness()
        try BatchCmdletTests.newBatch(h)
        try Self.store(h).setUserStatus("paulc@contoso.edu", .failed, errorSummary: "x")
        let refused = try h.run("Start-MigrationUser", [pos(str("paulc@contoso.edu"))])
        #expect(refused.errors.first?.message
                == "The migration user \"paulc@contoso.edu\" can't be started because its migration batch \"IMAPBatch1\" is Created.")
        try Self.store(h).setBatchStatus("IMAPBatch1", .syncedWithErrors)
        let failed = try h.run("Get-MigrationUser", [arg("Status", str("Failed"))]).output
        #expect(try h.run("Start-MigrationUser", input: failed).errors.isEmpty)
        #expect(try Self.user(h, "paulc@contoso.edu")["Status"]?.stringValue == "Queued")
        #expect(try BatchCmdletTests.status(h) == "Syncing")
    }

    @Test func setMigrationUserOverridesLimitsAndApproves() throws {
        let h = try BatchCmdletTests.harness()
        try BatchCmdletTests.newBatch(h, extra: [arg("AutoStart")])
        let s = Self.store(h)
        try s.recordProgress("annb@contoso.edu", UserProgress(skippedItemCount: 2))
        try s.setUserStatus("annb@contoso.edu", .failed, errorSummary: "The number of bad items (2) exceeds the BadItemLimit of 0.")
        let run = try h.run("Set-MigrationUser", [pos(str("annb@contoso.edu")), arg("BadItemLimit", .int(10)),
                                                  arg("LargeItemLimit", str("Unlimited")), arg("ApproveSkippedItems")])
        #expect(run.errors.isEmpty && run.output.isEmpty)
        let u = try s.user("annb@contoso.edu")
        #expect(u.settings.badItemLimit == .some(10) && u.settings.largeItemLimit == .some(nil))
        #expect(u.status == .queued && u.approvedSkippedItemCount == 2)
        let stats = try #require(try h.run("Get-MigrationUserStatistics", [pos(str("annb@contoso.edu"))]).objects.first)
        #expect(MigrationValues.int(stats["ApprovedSkippedItemCount"]) == 2)
        try s.setBatchStatus("IMAPBatch1", .completed)
        let refused = try h.run("Set-MigrationUser", [pos(str("annb@contoso.edu")), arg("BadItemLimit", .int(3))])
        #expect(refused.errors.first?.message.contains("because its migration batch \"IMAPBatch1\" is Completed") == true)
        #expect(try s.user("annb@contoso.edu").settings.badItemLimit == .some(10))
    }

    @Test func newBatchFromPipedUsersAndFromUserObjects() throws {
        let h = try BatchCmdletTests.harness()
        try BatchCmdletTests.newBatch(h)
        let s = Self.store(h)
        try s.setUserStatus("terrya@contoso.edu", .failed, errorSummary: "bad password")
        try s.setUserStatus("paulc@contoso.edu", .failed, errorSummary: "bad password")
        let failed = try h.run("Get-MigrationUser", [arg("Status", str("Failed"))]).output
        let retry = try h.run("New-MigrationBatch", [arg("Name", str("Retry")), arg("AutoStart")], input: failed)
        #expect(retry.errors.isEmpty)
        let b = try #require(retry.objects.first)
        #expect(MigrationValues.int(b["TotalCount"]) == 2 && b["Status"]?.stringValue == "Syncing" && b["SourceEndpoint"]?.stringValue == "IMAPEndpoint")
        #expect(try s.users(batch: "Retry").map(\.emailAddress) == ["terrya@contoso.edu", "paulc@contoso.edu"])
        #expect(try s.credential(for: "paulc@contoso.edu").password == "P@ssw0rd")

        let ann = try h.run("Get-MigrationUser", [pos(str("annb@contoso.edu"))]).output
        let users = try h.run("New-MigrationBatch", [arg("Name", str("Ann")), arg("Users", .list(ann))])
        #expect(users.errors.isEmpty && MigrationValues.int(users.objects.first?["TotalCount"]) == 1)
        #expect(try s.users(batch: "IMAPBatch1").isEmpty)

        // A user being synced must be stopped first; nothing is created.
        let busy = try h.run("New-MigrationBatch", [arg("Name", str("Busy")), arg("UserIds", .list([str("terrya@contoso.edu")]))])
        #expect(busy.errors.first?.message == "The migration user \"terrya@contoso.edu\" can't be moved to another batch because its status is Queued.")
        #expect(try h.run("Get-MigrationBatch", [pos(str("Busy"))]).objects.isEmpty)
        let empty = try h.run("New-MigrationBatch", [arg("Name", str("Empty")), arg("UserIds", .list([]))])
        #expect(empty.errors.first?.message.contains("No migration user was given.") == true)
    }

    @Test func setBatchUpdatesPasswordsRequestsUpdateAndRefusesWhenCompleted() throws {
        let h = try BatchCmdletTests.harness()
        try BatchCmdletTests.newBatch(h)
        let s = Self.store(h)
        let update = try h.run("Set-MigrationBatch", [pos(str("IMAPBatch1")),
                                                      arg("CSVData", csvBytes("EmailAddress,UserName,Password\nannb@contoso.edu,ann2,N3w!")),
                                                      arg("Update")])
        #expect(update.errors.isEmpty)
        #expect(try s.credential(for: "annb@contoso.edu").password == "N3w!")
        #expect(try s.credential(for: "annb@contoso.edu").userName == "ann2")
        #expect(try s.pendingRequests().last?.action == .syncNow)
        let report = try #require(try h.run("Get-MigrationBatch", [pos(str("IMAPBatch1")), arg("IncludeReport")]).objects.first?["Report"]?.stringValue)
        #expect(report.contains("The CSV entries of 1 users were updated.") && report.contains("An update was requested"))

        try s.setBatchStatus("IMAPBatch1", .completed)
        let requests = try s.pendingRequests().count
        for extra in [[arg("Update")], [arg("ApproveSkippedItems")], [arg("CSVData", csvBytes("EmailAddress,UserName,Password\nannb@contoso.edu,a,x"))]] {
            let refused = try h.run("Set-MigrationBatch", [pos(str("IMAPBatch1"))] + extra)
            #expect(refused.errors.first?.message == "The migration batch \"IMAPBatch1\" can't be changed because its status is Completed.")
        }
        #expect(try s.pendingRequests().count == requests)
        #expect(try s.credential(for: "annb@contoso.edu").password == "N3w!")
    }

    @Test func approveSkippedItemsOnTheBatchRequeuesItsFailedUsers() throws {
        let h = try BatchCmdletTests.harness()
        try BatchCmdletTests.newBatch(h, extra: [arg("AutoStart")])
        let s = Self.store(h)
        for u in ["terrya@contoso.edu", "annb@contoso.edu", "paulc@contoso.edu"] { try s.setUserStatus(u, .synced) }
        try s.recordProgress("paulc@contoso.edu", UserProgress(skippedItemCount: 1))
        try s.setUserStatus("paulc@contoso.edu", .failed, errorSummary: "The number of bad items (1) exceeds the BadItemLimit of 0.")
        try s.setBatchStatus("IMAPBatch1", .syncedWithErrors)
        #expect(try h.run("Set-MigrationBatch", [pos(str("IMAPBatch1")), arg("ApproveSkippedItems")]).errors.isEmpty)
        #expect(try BatchCmdletTests.status(h) == "Syncing")
        #expect(try s.user("paulc@contoso.edu").status == .queued)
        #expect(try s.user("terrya@contoso.edu").status == .synced)
    }
}
