// The per-folder `dovecot-uidlist` file (version 3), so a stock Dovecot sees the same UIDs we assign:
//   3 V<uidvalidity> N<next uid> G<mailbox guid>
//   <uid> :<file base name>
// Written through Dovecot's own dot-lock name (`dovecot-uidlist.lock`), then renamed into place.

struct DovecotUIDList {
    var uidValidity: UInt32
    var nextUID: UInt32
    var mailboxGUID: String
    /// base name -> UID
    var uids: [String: UInt32] = [:]

    init(uidValidity: UInt32, nextUID: UInt32 = 1, mailboxGUID: String) {
        self.uidValidity = uidValidity; self.nextUID = nextUID; self.mailboxGUID = mailboxGUID
    }

    /// Parses the file; nil when it is not a version-3 list.
    init?(fileText: String) {
        var lines = fileText.split(separator: "\n", omittingEmptySubsequences: true)[...]
        guard let header = lines.popFirst() else { return nil }
        let fields = header.split(separator: " ")
        guard fields.first == "3" else { return nil }
        var validity: UInt32?, next: UInt32 = 1, guid = ""
        for f in fields.dropFirst() {
            switch f.first {
            case "V": validity = UInt32(f.dropFirst())
            case "N": next = UInt32(f.dropFirst()) ?? 1
            case "G": guid = String(f.dropFirst())
            default: break
            }
        }
        guard let v = validity else { return nil }
        self.init(uidValidity: v, nextUID: next, mailboxGUID: guid)
        for line in lines {
            guard let colon = line.firstIndex(of: ":") else { continue }
            let uidText = line[..<colon].split(separator: " ").first ?? ""
            guard let uid = UInt32(uidText) else { continue }
            uids[String(line[line.index(after: colon)...])] = uid
            if uid >= nextUID { nextUID = uid + 1 }
        }
    }

    var fileText: String {
        var out = "3 V\(uidValidity) N\(nextUID) G\(mailboxGUID)\n"
        for (base, uid) in uids.sorted(by: { $0.value < $1.value }) { out += "\(uid) :\(base)\n" }
        return out
    }
}
