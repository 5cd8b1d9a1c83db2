// Decides, for one user, where each source folder lands in the target and which folders are synced.
// Rules: INBOX -> the target's Inbox; well-known folders (special-use flag, else a common name) -> the
// target's well-known folder; `\Noselect` parents -> hierarchy only; excluded folders left out; a name
// the target cannot hold gets look-alike characters; two source folders never share a target folder.

public struct FolderPlan: Hashable, Sendable {
    public enum Action: Hashable, Sendable {
        /// Copy and keep in sync.
        case sync
        /// A `\Noselect` parent: exists only as hierarchy, no folder of its own is created.
        case hierarchyOnly
        /// Left out by -ExcludeFolders.
        case excluded
        /// Cannot be represented on the target; reported.
        case skipped(reason: String)
    }
    public var source: FolderInfo
    /// Source path relative to the user's root (what -ExcludeFolders and reports use).
    public var relativePath: FolderPath
    public var target: FolderPath?
    public var action: Action
    /// Set when the target name differs from the source name for a reason other than a well-known mapping.
    public var renameNote: String?
}

public struct FolderMapper {
    public var targetTraits: StoreTraits
    public var filter: FolderFilter
    /// The user's tree on the source (CSV UserRoot), nil for the whole account.
    public var sourceRoot: FolderPath?
    /// Targets chosen in earlier syncs, by source path: kept so a folder never moves between syncs.
    public var previousTargets: [FolderPath: FolderPath]

    public init(targetTraits: StoreTraits, filter: FolderFilter = FolderFilter(excludeFolders: []),
                sourceRoot: FolderPath? = nil, previousTargets: [FolderPath: FolderPath] = [:]) {
        self.targetTraits = targetTraits; self.filter = filter
        self.sourceRoot = sourceRoot; self.previousTargets = previousTargets
    }

    /// Common names of well-known folders (lower case), for sources without SPECIAL-USE.
    static let commonNames: [FolderRole: Set<String>] = [
        .sent: ["sent", "sent items", "sent messages", "sent mail", "gesendet", "gesendete elemente",
                "gesendete objekte", "elementos enviados", "envoyés", "éléments envoyés", "posta inviata",
                "verzonden items", "отправленные"],
        .drafts: ["drafts", "draft", "entwürfe", "brouillons", "borradores", "bozze", "concepten", "черновики"],
        .trash: ["trash", "deleted items", "deleted messages", "deleted", "bin", "papierkorb", "gelöschte elemente",
                 "corbeille", "éléments supprimés", "papelera", "cestino", "prullenbak", "удаленные", "корзина"],
        .junk: ["junk", "junk e-mail", "junk email", "junk mail", "spam", "bulk mail", "junk-e-mail",
                "courrier indésirable", "correo no deseado", "posta indesiderata", "спам"],
        .archive: ["archive", "archives", "archiv"],
    ]

    /// The role of a source folder: INBOX, its special-use flag, or a common name at the top level
    /// (or directly under INBOX, as Courier-style servers nest everything there).
    public static func role(of info: FolderInfo, relativePath: FolderPath) -> FolderRole? {
        if relativePath.isInbox { return .inbox }
        if let r = info.role { return r }
        let comps = relativePath.components
        let topLevel = comps.count == 1 || (comps.count == 2 && comps[0].uppercased() == "INBOX")
        guard topLevel else { return nil }
        let name = relativePath.leaf.lowercased()
        return commonNames.first(where: { $0.value.contains(name) })?.key
    }

    public func plan(_ sourceFolders: [FolderInfo]) -> [FolderPlan] {
        // 1. Folders under the root, with paths relative to it.
        var items: [(FolderInfo, FolderPath)] = []
        for f in sourceFolders {
            guard let rel = relative(f.path) else { continue }
            items.append((f, rel))
        }
        items.sort { $0.1 < $1.1 }
        let roleByPath = Dictionary(items.map { ($0.1, Self.role(of: $0.0, relativePath: $0.1)) }, uniquingKeysWith: { a, _ in a })

        // 2. Which source folder gets each well-known target folder: special-use first, then common name.
        var roleWinner: [FolderRole: FolderPath] = [:]
        for pass in 0..<2 {
            for (info, rel) in items where info.selectable {
                guard let role = roleByPath[rel] ?? nil, role != .inbox, targetTraits.wellKnownNames[role] != nil,
                      roleWinner[role] == nil else { continue }
                if pass == 0 && info.role == nil { continue }
                roleWinner[role] = rel
            }
        }

        // 3. Target names, parents before children, never two sources on one target.
        var targetOf: [FolderPath: FolderPath] = [:]
        var used: [FolderPath: FolderPath] = [:] // lower-cased target -> source
        func claim(_ t: FolderPath, for rel: FolderPath) -> FolderPath {
            var candidate = t, n = 2
            while let owner = used[lower(candidate)], owner != rel {
                candidate = FolderPath(Array(t.components.dropLast()) + ["\(t.leaf) (\(n))"]); n += 1
            }
            used[lower(candidate)] = rel
            return candidate
        }
        // Earlier choices are claimed first so they stay stable.
        for (info, rel) in items { if let prev = previousTargets[info.path] { targetOf[rel] = claim(prev, for: rel) } }
        // Then the Inbox and the well-known folders, before any other folder can take their names.
        for (_, rel) in items where targetOf[rel] == nil {
            if rel.isInbox { targetOf[rel] = claim(.inbox, for: rel) }
            else if let role = roleByPath[rel] ?? nil, roleWinner[role] == rel, let wk = targetTraits.wellKnownNames[role] {
                targetOf[rel] = claim(wk, for: rel)
            }
        }
        var plans: [FolderPlan] = []
        for (info, rel) in items {
            var note: String?
            if targetOf[rel] == nil {
                // An ordinary folder: under its parent's target, with a name the target can hold.
                let parentTarget = rel.parent.map { targetParent($0, targetOf) } ?? FolderPath([])
                let (leaf, changed) = representable(rel.leaf)
                guard let leaf else {
                    plans.append(FolderPlan(source: info, relativePath: rel, target: nil,
                                            action: .skipped(reason: "the name \"\(rel.leaf)\" cannot be held by the target")))
                    continue
                }
                let wanted = FolderPath(parentTarget.components + [leaf])
                let got = claim(wanted, for: rel)
                if changed || got != wanted { note = "\"\(rel)\" stored as \"\(got)\"" }
                targetOf[rel] = got
            }
            let action: FolderPlan.Action
            if filter.excludes(rel, roleOf: { roleByPath[$0] ?? nil }) { action = .excluded }
            else if !info.selectable { action = .hierarchyOnly }
            else { action = .sync }
            plans.append(FolderPlan(source: info, relativePath: rel, target: targetOf[rel], action: action, renameNote: note))
        }
        return plans
    }

    /// The target of a parent folder; a parent the source did not list keeps its (representable) name.
    private func targetParent(_ parent: FolderPath, _ targetOf: [FolderPath: FolderPath]) -> FolderPath {
        if let t = targetOf[parent] { return t }
        let above = parent.parent.map { targetParent($0, targetOf) } ?? FolderPath([])
        return FolderPath(above.components + [representable(parent.leaf).0 ?? "_"])
    }

    private func relative(_ path: FolderPath) -> FolderPath? {
        guard let root = sourceRoot, !root.components.isEmpty else { return path }
        guard path.components.count > root.components.count,
              Array(path.components.prefix(root.components.count)).map({ $0.lowercased() }) == root.components.map({ $0.lowercased() })
        else { return nil }
        return FolderPath(Array(path.components.dropFirst(root.components.count)))
    }

    private func lower(_ p: FolderPath) -> FolderPath { FolderPath(p.components.map { $0.lowercased() }) }

    /// Look-alikes for characters a target cannot hold in a name: the Maildir "." and the path "/".
    static let lookAlikes: [Character: Character] = [".": "\u{2024}", "/": "\u{2215}", "\\": "\u{29F5}"]

    private func representable(_ leaf: String) -> (String?, Bool) {
        if targetTraits.canHold(leaf) && !leaf.hasPrefix("~") { return (leaf, false) }
        var out = String(leaf.map { c in
            (c == targetTraits.delimiter || targetTraits.forbiddenNameCharacters.contains(c)) ? (Self.lookAlikes[c] ?? "_") : c
        })
        if out.hasPrefix("~") { out = "_" + out.dropFirst() }
        return targetTraits.canHold(out) ? (out, true) : (nil, true)
    }
}
