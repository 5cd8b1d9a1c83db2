import Testing
@testable import Engine

@Suite struct MaildirStoreTests {
    @Test func storesMessageWithFlagsKeywordsAndDateDurably() throws {
        let dir = TempDir(); defer { dir.remove() }
        let root = dir.path + "/user@example.com"
        let body = bytes("Subject: hi\r\n\r\nbody\r\n")
        let flags = MessageFlags(imapFlags: ["\\Seen", "\\Flagged", "$Forwarded", "Project-X"])
        do {
            let store = try MaildirStore(root: root)
            try store.createFolder(FolderPath(["Archiv", "2019"]))
            let f = try store.openFolder(FolderPath(["Archiv", "2019"]))
            #expect(try put(f, body, flags: flags, date: 946_684_800) == MessageUID(1))
            try store.commit()
        }
        let store = try MaildirStore(root: root, create: false)
        let f = try store.openFolder(FolderPath(["Archiv", "2019"]))
        let metas = try f.listMessages(uids: .min ... .max, changedSince: nil)
        #expect(metas.count == 1)
        #expect(metas.first?.uid == MessageUID(1))
        #expect(metas.first?.flags == flags)
        #expect(metas.first?.internalDate.secondsSince1970 == 946_684_800)
        #expect(metas.first?.size == body.count)
        #expect(try fetchAll(f, MessageUID(1)) == body)
        // Dovecot's files: uidlist v3 with our UID, keyword letters, the Maildir++ folder marker.
        let uidlist = readText(root + "/.Archiv.2019/dovecot-uidlist") ?? ""
        #expect(uidlist.hasPrefix("3 V"))
        #expect(uidlist.contains("\n1 :"))
        #expect(readText(root + "/.Archiv.2019/dovecot-keywords") == "0 $Forwarded\n1 Project-X\n")
        #expect(Posix.exists(root + "/.Archiv.2019/maildirfolder"))
        let files = Posix.listDirectory(root + "/.Archiv.2019/cur")
        #expect(files.count == 1 && files[0].hasSuffix(":2,FSab"))
    }

    @Test func uncommittedMessagesDoNotSurviveACrash() throws {
        let dir = TempDir(); defer { dir.remove() }
        do {
            let store = try MaildirStore(root: dir.path)
            let f = try store.openFolder(.inbox)
            try put(f, bytes("a\r\n"))
            try store.commit()
            try put(f, bytes("b\r\n"))   // never committed: the process "dies" here
        }
        let store = try MaildirStore(root: dir.path, create: false)
        let f = try store.openFolder(.inbox)
        #expect(try f.listMessages(uids: .min ... .max, changedSince: nil).map(\.uid) == [MessageUID(1)])
        #expect(f.status.uidNext == 2)
    }

    @Test func listsNestedNonASCIIFoldersAndNoselectParents() throws {
        let dir = TempDir(); defer { dir.remove() }
        let store = try MaildirStore(root: dir.path)
        try store.createFolder(FolderPath(["Sent"]))
        try store.createFolder(FolderPath(["Projekte", "Übersicht"]))
        #expect(Posix.isDirectory(dir.path + "/.Projekte.&ANw-bersicht/cur"))
        let list = try store.listFolders()
        #expect(list.map(\.path.description) == ["INBOX", "Projekte", "Projekte/Übersicht", "Sent"])
        #expect(list.first { $0.path == FolderPath(["Projekte"]) }?.selectable == false)
        #expect(list.first { $0.path == FolderPath(["Sent"]) }?.role == .sent)
        #expect(throws: StoreError.self) { try store.createFolder(FolderPath(["a.b"])) }
    }

    @Test func setFlagsRenamesAndNewFilesGetUIDs() throws {
        let dir = TempDir(); defer { dir.remove() }
        let store = try MaildirStore(root: dir.path)
        let f = try store.openFolder(.inbox)
        try put(f, bytes("x\r\n"))
        try store.commit()
        try f.setFlags(MessageUID(1), to: MessageFlags(system: [.seen, .answered]))
        try store.commit()
        // A file delivered by someone else into new/ gets the next UID on the next open.
        sh("printf 'y\\r\\n' > '\(dir.path)/new/1.M1P1.other'")
        let again = try MaildirStore(root: dir.path, create: false)
        let g = try again.openFolder(.inbox)
        let metas = try g.listMessages(uids: .min ... .max, changedSince: nil)
        #expect(metas.map(\.uid) == [MessageUID(1), MessageUID(2)])
        #expect(metas[0].flags == MessageFlags(system: [.seen, .answered]))
        #expect(try fetchAll(g, MessageUID(2)) == bytes("y\r\n"))
    }
}

@Suite struct DovecotUIDListTests {
    @Test func laterCommitsAppendRecordsAndReadersTakeTheHighestUID() throws {
        let dir = TempDir(); defer { dir.remove() }
        let store = try MaildirStore(root: dir.path)
        let f = try store.openFolder(.inbox)
        try put(f, bytes("a\r\n")); try store.commit()
        let afterFirst = readText(dir.path + "/dovecot-uidlist") ?? ""
        try put(f, bytes("b\r\n")); try put(f, bytes("c\r\n")); try store.commit()
        let text = readText(dir.path + "/dovecot-uidlist") ?? ""
        #expect(text.hasPrefix(afterFirst))                      // appended, not rewritten
        #expect(text.split(separator: "\n").count == 4)
        let list = try #require(DovecotUIDList(fileText: text))
        #expect(list.nextUID == 4 && Set(list.uids.values) == [1, 2, 3])
        let again = try MaildirStore(root: dir.path, create: false).openFolder(.inbox)
        #expect(again.status.uidNext == 4)
    }
}
