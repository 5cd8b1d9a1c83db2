import Engine
import Foundation
import Migration

/// The skipped items of one user, read from the engine's sync state (its per-message records in the
/// shared database), for Get-MigrationUserStatistics -IncludeSkippedItems. Only the engine's public
/// state API is used: the records marked skipped (too large, past the item limit) or failed (could
/// not be copied; retried at the next sync).
enum SkippedItemReader {
    struct Item: Equatable {
        var folder: String
        var sourceUID: UInt32
        var kind: String
        var size: Int
        var received: Date
        var reason: String
    }

    static func items(of user: MigrationUser, store: MigrationStore) throws -> [Item] {
        let state = try SQLiteSyncStateStore(writer: try store.databaseWriter())
        let key = user.emailAddress.lowercased()   // the engine keys its state by the lower-cased address
        let largeItemSize = SyncOptions().maxMessageSize
        var out: [Item] = []
        for folder in try state.folderStates(user: key) {
            let records = try state.messageRecords(user: key, source: folder.source)
            for r in records.values.sorted(by: { $0.sourceUID < $1.sourceUID }) where r.status == .skipped || r.status == .failed {
                let kind = r.status == .failed ? SkippedItem.Kind.failed : (r.size > largeItemSize ? .largeItem : .itemLimit)
                out.append(Item(folder: folder.source.description, sourceUID: r.sourceUID, kind: kind.rawValue, size: r.size,
                                received: Date(timeIntervalSince1970: TimeInterval(r.internalDate.secondsSince1970)),
                                reason: r.note ?? ""))
            }
        }
        return out
    }
}
