import Testing
@testable import Engine

@Suite struct FolderFilterTests {
    static let roles: [FolderPath: FolderRole] = [.inbox: .inbox, FolderPath(["Gesendet"]): .sent, FolderPath(["Papierkorb"]): .trash]

    // (rules, folder, excluded?)
    static let cases: [([String], String, Bool)] = [
        (["Junk Email"], "Junk Email", true),
        (["junk email"], "Junk Email", true),             // case-insensitive
        (["Projects"], "Projects/2010", false),           // a name alone is that folder only
        (["Projects/*"], "Projects", true),
        (["Projects/*"], "Projects/2010/Q1", true),
        (["Projects/2010"], "Projects/2010", true),
        (["Projects/2010"], "Projects/2011", false),
        (["Proj*"], "Projects", false),                   // no wildcards
        (["#SentItems#"], "Gesendet", true),              // well-known, whatever its name
        (["#SentItems#"], "Gesendet/2019", false),
        (["#SentItems#/*"], "Gesendet/2019", true),
        (["#DeletedItems#"], "Papierkorb", true),
        (["#Inbox#/*"], "INBOX/Sub", true),
        (["\\#Notes\\#"], "#Notes#", true),              // escaped: a folder literally named #Notes#
        (["\\#Notes\\#"], "Notes", false),
        (["#Notes#"], "#Notes#", false),                  // the well-known Notes folder, which IMAP has not
        (["#Bogus#"], "#Bogus#", false),                  // unknown token: rule ignored
    ]

    @Test(arguments: cases) func matchesExchangeSyntax(_ rules: [String], _ folder: String, _ excluded: Bool) {
        let filter = FolderFilter(excludeFolders: rules)
        let path = FolderPath(folder, separator: "/")
        #expect(filter.excludes(path, roleOf: { Self.roles[$0] }) == excluded)
    }

    @Test func includeFoldersSelectsOnlyTheNamedFolders() {
        let filter = FolderFilter(excludeFolders: ["Projects/Old"], includeFolders: ["#Inbox#", "Projects/*"])
        let excluded = ["INBOX", "Projects", "Projects/New", "Projects/Old", "Gesendet"].filter {
            filter.excludes(FolderPath($0, separator: "/"), roleOf: { Self.roles[$0] })
        }
        #expect(excluded == ["Projects/Old", "Gesendet"])
    }

    @Test func unknownTokensAreReported() {
        #expect(FolderFilter(excludeFolders: ["#Bogus#", "Ok"]).ignored == ["#Bogus#"])
    }
}

@Suite struct FolderMapperTests {
    static let maildir = StoreTraits(delimiter: ".", forbiddenNameCharacters: ["/"], wellKnownNames: MaildirStore.defaultWellKnownNames)

    static func plan(_ folders: [FolderInfo], excludes: [String] = [], root: FolderPath? = nil,
                     previous: [FolderPath: FolderPath] = [:]) -> [String: String] {
        let mapper = FolderMapper(targetTraits: maildir, filter: FolderFilter(excludeFolders: excludes),
                                  sourceRoot: root, previousTargets: previous)
        var out: [String: String] = [:]
        for p in mapper.plan(folders) {
            let action: String
            switch p.action {
            case .sync: action = p.target?.description ?? "?"
            case .hierarchyOnly: action = "hierarchy:" + (p.target?.description ?? "?")
            case .excluded: action = "excluded"
            case .skipped: action = "skipped"
            }
            out[p.relativePath.description] = action
        }
        return out
    }

    static func f(_ name: String, _ role: FolderRole? = nil, selectable: Bool = true) -> FolderInfo {
        FolderInfo(path: FolderPath(name, separator: "/"), delimiter: "/", role: role, selectable: selectable)
    }

    @Test func inboxAndWellKnownFoldersMapToTheTargetsNames() {
        let result = Self.plan([Self.f("INBOX"), Self.f("Sent Items"), Self.f("Deleted Messages"), Self.f("Spam"),
                                Self.f("Entwürfe"), Self.f("Sent Items/2019"), Self.f("Work")])
        #expect(result == ["INBOX": "INBOX", "Sent Items": "Sent", "Deleted Messages": "Trash", "Spam": "Junk",
                           "Entwürfe": "Drafts", "Sent Items/2019": "Sent/2019", "Work": "Work"])
    }

    @Test func specialUseWinsAndTheOtherFolderIsNeverMerged() {
        let result = Self.plan([Self.f("INBOX"), Self.f("Sent"), Self.f("Sent Mail", .sent)])
        #expect(result["Sent Mail"] == "Sent")
        #expect(result["Sent"] == "Sent (2)")
    }

    @Test func namesTheTargetCannotHoldAreMappedToLookAlikes() {
        let result = Self.plan([Self.f("INBOX"), Self.f("v1.2 notes"), Self.f("a.b/c")])
        #expect(result["v1.2 notes"] == "v1\u{2024}2 notes")
        #expect(result["a.b/c"] == "a\u{2024}b/c")
    }

    @Test func noselectParentsAreHierarchyOnlyAndExclusionsApply() {
        let result = Self.plan([Self.f("INBOX"), Self.f("Shared", selectable: false), Self.f("Shared/Team"), Self.f("Junk")],
                               excludes: ["#JunkEmail#"])
        #expect(result["Shared"] == "hierarchy:Shared")
        #expect(result["Shared/Team"] == "Shared/Team")
        #expect(result["Junk"] == "excluded")
    }

    @Test func userRootSelectsTheUsersTree() {
        let result = Self.plan([Self.f("users", selectable: false), Self.f("users/terry"), Self.f("users/terry/Sent"),
                                Self.f("users/other/INBOX")], root: FolderPath(["users", "terry"]))
        #expect(result == ["Sent": "Sent"])
    }

    @Test func earlierChoicesStayStable() {
        // "Sent" got "Sent" in an earlier sync; a new special-use folder appearing later does not take it.
        let result = Self.plan([Self.f("INBOX"), Self.f("Sent"), Self.f("Sent Mail", .sent)],
                               previous: [FolderPath(["Sent"]): FolderPath(["Sent"])])
        #expect(result["Sent"] == "Sent")
        #expect(result["Sent Mail"] == "Sent (2)")
    }
}

@Suite struct SyncStateStoreTests {
    @Test func stepsAreStoredAndReadBack() throws {
        let dir = TempDir(); defer { dir.remove() }
        let store = try SQLiteSyncStateStore(path: dir.path + "/state.sqlite")
        let path = FolderPath(["Ablage", "Straße"])
        let folder = FolderSyncState(source: path, target: path, sourceUIDValidity: 7, targetUIDValidity: 9,
                                     lastSourceUID: 2, sourceHighestModSeq: 1 << 40, targetUIDNext: 3)
        let rec = MessageRecord(sourceUID: 2, targetUID: 1, contentHash: "ab", flags: MessageFlags(imapFlags: ["\\Seen", "Work"]),
                                internalDate: InternalDate(secondsSince1970: 788_918_400), size: 99, status: .copied)
        try store.apply(SyncStep(user: "u", source: path, kind: "copy", folder: folder, messages: [rec]))
        let again = try SQLiteSyncStateStore(path: dir.path + "/state.sqlite")
        #expect(try again.folderState(user: "u", source: path) == folder)
        #expect(try again.messageRecords(user: "u", source: path) == [2: rec])
        try again.apply(SyncStep(user: "u", source: path, kind: "reset", resetMessages: true))
        #expect(try again.messageRecords(user: "u", source: path).isEmpty)
        try again.removeUser("u")
        #expect(try again.folderStates(user: "u").isEmpty)
    }
}
