// The Subject and From of a user's skipped items, read from the source once per item: an item already
// on the user's previous list (same folder, UID, size and date) keeps what was read then; the others'
// header fields are fetched in batches per folder. A failure here never fails the user's sync: the
// items just stay without a subject.
import Foundation
import Migration

enum SkippedItemHeaders {
    struct Key: Hashable {
        var folder: String, uid: Int64, size: Int64, date: Date?
        init(_ i: MigrationSkippedItem) { folder = i.folderName; uid = i.sourceUID; size = i.messageSize; date = i.dateReceived }
    }

    static func fill(_ items: [(folder: FolderPath, item: MigrationSkippedItem)], previous: [MigrationSkippedItem],
                     source: IMAPStore) -> [MigrationSkippedItem] {
        var known: [Key: MigrationSkippedItem] = [:]
        for p in previous where p.subject != nil || p.sender != nil { known[Key(p)] = p }
        var out = items.map(\.item)
        var missing: [FolderPath: [Int]] = [:]   // folder -> indexes into `out`
        for (n, entry) in items.enumerated() {
            if let k = known[Key(entry.item)] {
                out[n].subject = k.subject
                out[n].sender = k.sender
            } else {
                missing[entry.folder, default: []].append(n)
            }
        }
        for (folder, indexes) in missing {
            guard let headers = try? source.headerSummaries(folder: folder, uids: indexes.map { UInt32(out[$0].sourceUID) }) else { continue }
            for n in indexes {
                guard let h = headers[UInt32(out[n].sourceUID)] else { continue }
                out[n].subject = h.subject
                out[n].sender = h.from
            }
        }
        return out
    }
}
