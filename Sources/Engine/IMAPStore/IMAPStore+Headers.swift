// Subject and From of chosen source messages, for skipped items: only their header fields are fetched
// (BODY.PEEK, so no \Seen is set), in batches of UIDs, never the message itself.
import IMAP

public struct MessageHeaderSummary: Sendable, Equatable {
    public var subject: String?
    public var from: String?
}

extension IMAPStore {
    /// The decoded Subject and From of `uids` in `folder`; messages the server does not return are absent.
    public func headerSummaries(folder: FolderPath, uids: [UInt32], batchSize: Int = 500) throws -> [UInt32: MessageHeaderSummary] {
        guard !uids.isEmpty else { return [:] }
        _ = try openFolder(folder)
        var out: [UInt32: MessageHeaderSummary] = [:]
        let sorted = uids.sorted()
        for start in stride(from: 0, to: sorted.count, by: max(batchSize, 1)) {
            let chunk = sorted[start..<min(start + max(batchSize, 1), sorted.count)]
            let wanted = Set(chunk)
            let fetched: [FetchedMessage]
            do {
                fetched = try connection.uidFetchMessages(UIDSet(chunk.map { UID($0) }),
                                                          items: [.uid, .raw("BODY.PEEK[HEADER.FIELDS (SUBJECT FROM)]")])
            } catch {
                throw Self.storeError(error, scope: .folder)
            }
            for f in fetched {
                guard let uid = f.uid?.rawValue, wanted.contains(uid), let header = f.bodies.values.first else { continue }
                out[uid] = MessageHeaderSummary(subject: EncodedWords.field("Subject", in: header),
                                                from: EncodedWords.field("From", in: header))
            }
        }
        return out
    }
}
