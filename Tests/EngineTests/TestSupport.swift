// Helpers shared by the engine tests: temporary directories and message builders.
@preconcurrency import Glibc
import Testing
@testable import Engine

/// A fresh directory under /tmp, removed by `remove()` (tests call it in `defer`).
struct TempDir {
    let path: String
    init(existing path: String) { self.path = path }
    init(_ label: String = "engine") {
        var template = Array("/tmp/migsh-\(label)-XXXXXX".utf8CString)
        path = template.withUnsafeMutableBufferPointer { String(cString: mkdtemp($0.baseAddress!)!) }
    }
    func remove() { _ = system("rm -rf '\(path)'") }
}

func bytes(_ text: String) -> [UInt8] { Array(text.utf8) }

/// Writes one message into an open folder and returns its UID (no commit).
@discardableResult
func put(_ folder: any MailFolder, _ body: [UInt8], flags: MessageFlags = MessageFlags(), date: Int64 = 1_000_000_000,
         commitVia store: (any MailStore)? = nil) throws -> MessageUID? {
    let w = try folder.beginMessage(NewMessage(flags: flags, internalDate: InternalDate(secondsSince1970: date), size: body.count))
    try body.withUnsafeBytes { try w.write($0) }
    let ticket = try w.finish()
    try store?.commit()
    return ticket.uid
}

func fetchAll(_ folder: any MailFolder, _ uid: MessageUID) throws -> [UInt8] {
    var out: [UInt8] = []
    try folder.fetchMessage(uid) { out.append(contentsOf: $0) }
    return out
}

func readText(_ path: String) -> String? { Posix.readFile(path).map { String(decoding: $0, as: UTF8.self) } }

/// Runs a shell command (test fixtures only); returns its exit status.
@discardableResult func sh(_ command: String) -> Int32 { system(command) }

/// Gives a Maildir folder a new UIDVALIDITY and new UIDs, as a server that rebuilt its index would.
func renumber(folderDirectory dir: String) throws {
    let path = dir + "/dovecot-uidlist"
    var list = try #require(DovecotUIDList(fileText: readText(path) ?? ""))
    list.uidValidity += 1000
    list.uids = list.uids.mapValues { $0 + 100 }
    list.nextUID += 100
    try Posix.writeFileAtomically(path, Array(list.fileText.utf8), scope: .folder)
}
