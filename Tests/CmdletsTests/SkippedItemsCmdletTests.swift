// Get-MigrationUserStatistics reads skipped items from the Migration store's list only, written here as the
// engine writes it after a sync (`replaceSkippedItems`): count, entries and -LimitSkippedItemsTo agree.
import Foundation
import Migration
import Testing
@testable import Cmdlets
import PowerShell

@Suite struct SkippedItemsCmdletTests {
    static let items = [
        MigrationSkippedItem(kind: "CorruptItem", folderName: "Archive/2019", subject: "Quarterly report", sender: "Ann B <annb@contoso.edu>",
                             messageSize: 2048, dateReceived: Date(timeIntervalSince1970: 1_500_000_000),
                             failure: "the source did not return the message", sourceUID: 5),
        MigrationSkippedItem(kind: "ItemLimit", folderName: "Archive/2019", messageSize: 10, dateReceived: nil,
                             failure: "The mailbox has more than 500000 items; older items are not migrated.", sourceUID: 6),
        MigrationSkippedItem(kind: "LargeItem", folderName: "INBOX", subject: "Holiday photos", messageSize: 40 * 1024 * 1024,
                             dateReceived: Date(timeIntervalSince1970: 1_600_000_000),
                             failure: "The message is larger than the 35 MB limit.", sourceUID: 2),
    ]

    static func objects(_ v: Value?) -> [PSObject]? {
        guard case .array(let list)? = v else { return nil }
        return list.items.compactMap { if case .object(let o) = $0 { o } else { nil } }
    }

    @Test func statisticsListTheStoresSkippedItems() throws {
        let h = try BatchCmdletTests.harness()
        try BatchCmdletTests.newBatch(h)
        let s = UserLifecycleCmdletTests.store(h)
        try s.replaceSkippedItems(user: "terrya@contoso.edu", Self.items)

        // Without the switch the count is there, the list empty (Exchange fills it only on request).
        let plain = try #require(try h.run("Get-MigrationUserStatistics", [pos(str("TerryA@contoso.edu"))]).objects.first)
        #expect(MigrationValues.int(plain["SkippedItemCount"]) == 3 && Self.objects(plain["SkippedItems"])?.isEmpty == true)
        #expect(MigrationValues.int(try UserLifecycleCmdletTests.user(h, "terrya@contoso.edu")["SkippedItemCount"]) == 3)

        let stats = try #require(try h.run("Get-MigrationUserStatistics", [pos(str("TerryA@contoso.edu")), arg("IncludeSkippedItems")]).objects.first)
        #expect(MigrationValues.int(stats["SkippedItemCount"]) == 3)
        let entries = try #require(Self.objects(stats["SkippedItems"]))
        #expect(entries.map { $0["Kind"]?.stringValue } == ["CorruptItem", "ItemLimit", "LargeItem"])
        #expect(entries.map { $0["FolderName"]?.stringValue } == ["Archive/2019", "Archive/2019", "INBOX"])
        #expect(entries.map { $0["Subject"]?.stringValue } == ["Quarterly report", nil, "Holiday photos"])
        #expect(entries[0]["Sender"]?.stringValue == "Ann B <annb@contoso.edu>")
        #expect(entries[2]["MessageSize"]?.stringValue == "40.00 MB (41,943,040 bytes)")
        #expect(entries[2]["Failure"]?.stringValue == "The message is larger than the 35 MB limit.")
        #expect(MigrationValues.date(entries[2]["DateReceived"]) == Date(timeIntervalSince1970: 1_600_000_000))
        #expect(entries[0].typeNames.first == "Microsoft.Exchange.Data.Storage.Management.MigrationUserSkippedItem")

        let limited = try #require(try h.run("Get-MigrationUserStatistics", [pos(str("terrya@contoso.edu")), arg("IncludeSkippedItems"),
                                                                             arg("LimitSkippedItemsTo", .int(1))]).objects.first)
        #expect(Self.objects(limited["SkippedItems"])?.map { $0["Kind"]?.stringValue } == ["CorruptItem"])
        #expect(MigrationValues.int(limited["SkippedItemCount"]) == 3)

        // Another user's items are not this user's.
        let other = try #require(try h.run("Get-MigrationUserStatistics", [pos(str("annb@contoso.edu")), arg("IncludeSkippedItems")]).objects.first)
        #expect(MigrationValues.int(other["SkippedItemCount"]) == 0 && Self.objects(other["SkippedItems"])?.isEmpty == true)
    }

    /// An item that copies at a later sync drops off the list: the engine's next list replaces the old one.
    @Test func aLaterListReplacesTheOldOne() throws {
        let h = try BatchCmdletTests.harness()
        try BatchCmdletTests.newBatch(h)
        let s = UserLifecycleCmdletTests.store(h)
        try s.replaceSkippedItems(user: "terrya@contoso.edu", Self.items)
        try s.replaceSkippedItems(user: "terrya@contoso.edu", [Self.items[2]])
        let stats = try #require(try h.run("Get-MigrationUserStatistics", [pos(str("terrya@contoso.edu")), arg("IncludeSkippedItems")]).objects.first)
        #expect(MigrationValues.int(stats["SkippedItemCount"]) == 1)
        #expect(Self.objects(stats["SkippedItems"])?.map { $0["Subject"]?.stringValue } == ["Holiday photos"])
    }
}
