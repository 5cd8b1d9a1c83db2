// Builds source mailboxes for the sync tests and compares a target with a source message by message.
@testable import Engine

struct CorpusMessage {
    var body: [UInt8]
    var flags = MessageFlags()
    var date: Int64 = 1_600_000_000
}

func message(_ n: Int, subject: String = "Test", messageID: Bool = true, extra: String = "") -> [UInt8] {
    var text = "From: Alice <alice@example.com>\r\nTo: Bob <bob@example.com>\r\nSubject: \(subject) \(n)\r\n"
    if messageID { text += "Message-ID: <\(n).\(subject.count)@example.com>\r\n" }
    text += "Date: Mon, 7 Feb 1994 21:52:25 -0800\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n"
    text += "Body of message \(n). Grüße! \(extra)\r\n"
    return Array(text.utf8)
}

/// Writes `messages` into `folder` of a Maildir tree (creating it) and commits.
func fill(_ store: MaildirStore, _ folder: FolderPath, _ messages: [CorpusMessage]) throws {
    try store.createFolder(folder)
    let f = try store.openFolder(folder)
    for m in messages { try put(f, m.body, flags: m.flags, date: m.date) }
    try store.commit()
}

/// (hash of bytes, flags, date) of every message of a folder, as a sorted list (a multiset).
func fingerprints(_ store: any MailStore, _ folder: FolderPath) throws -> [String] {
    let f = try store.openFolder(folder)
    return try f.listMessages(uids: .min ... .max, changedSince: nil).map { m in
        let h = SHA256Hasher()
        try f.fetchMessage(m.uid) { h.update($0) }
        return "\(h.finalizeHex()) \(m.flags.canonical.lowercased()) \(m.internalDate.secondsSince1970)"
    }.sorted()
}

/// The standard corpus of the table-driven tests: nested and non-ASCII folders, well-known folders under
/// other names, flags, keywords, old dates, a message without Message-ID, duplicates, a 36 MB message.
func buildStandardCorpus(at root: String, bigMessage: Bool = true) throws -> MaildirStore {
    let store = try MaildirStore(root: root)
    let seen = MessageFlags(system: [.seen])
    try fill(store, .inbox, [
        CorpusMessage(body: message(1), flags: seen, date: 788_918_400),                 // 1995
        CorpusMessage(body: message(2), flags: MessageFlags(imapFlags: ["\\Seen", "\\Answered", "$Forwarded", "Work"])),
        CorpusMessage(body: message(3, messageID: false)),                               // no Message-ID
        CorpusMessage(body: message(4), flags: seen, date: 1_500_000_000),              // duplicate pair
        CorpusMessage(body: message(4), flags: seen, date: 1_500_000_000),
        CorpusMessage(body: message(5), flags: MessageFlags(system: [.flagged, .deleted])),
    ])
    try fill(store, FolderPath(["Sent Items"]), [CorpusMessage(body: message(10, subject: "Sent"), flags: seen)])
    try fill(store, FolderPath(["Gelöschte Elemente"]), [CorpusMessage(body: message(11, subject: "Del"), flags: seen)])
    try fill(store, FolderPath(["Papierkorb-Alt"]), [CorpusMessage(body: message(12, subject: "Old"))])
    try fill(store, FolderPath(["Projekte", "Übersicht", "日本語"]), [
        CorpusMessage(body: message(20, subject: "Deep"), flags: MessageFlags(imapFlags: ["$Label1", "Projekt&Co"]), date: 315_532_800),
    ])
    try fill(store, FolderPath(["Drafts"]), [CorpusMessage(body: message(30, subject: "Draft", messageID: false), flags: MessageFlags(system: [.draft]))])
    try fill(store, FolderPath(["Archive"]), [])
    if bigMessage {
        var big = message(40, subject: "Big")
        big += [UInt8](repeating: UInt8(ascii: "x"), count: 36 * 1024 * 1024)
        try fill(store, FolderPath(["Large"]), [CorpusMessage(body: big), CorpusMessage(body: message(41, subject: "Small"))])
    }
    return store
}
