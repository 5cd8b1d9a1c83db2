// -ExcludeFolders with Exchange's syntax: case-insensitive names relative to the source root, "/" between
// levels, "Name/*" for a folder and its sub-folders, "#WellKnown#" for a well-known folder whatever its
// name, "\#" for a literal "#". No other wildcards.

public struct FolderFilter: Sendable {
    struct Rule: Sendable {
        enum Head: Sendable { case name(String), wellKnown(String) }
        var head: Head
        var rest: [String]
        var subtree: Bool
    }
    private let rules: [Rule]
    public let ignored: [String]

    /// Exchange's well-known folder tokens and the roles they mean for an IMAP source.
    static let wellKnownTokens: [String: FolderRole?] = [
        "inbox": .inbox, "sentitems": .sent, "deleteditems": .trash, "drafts": .drafts, "junkemail": .junk,
        "archive": .archive, "allitems": .all, "root": nil, "outbox": nil, "calendar": nil, "contacts": nil,
        "journal": nil, "tasks": nil, "notes": nil,
    ]

    private let includeRules: [Rule]

    /// `includeFolders` (Exchange's -IncludeFolders, same syntax): when given, only the folders it names
    /// are synced; -ExcludeFolders then still removes folders from that set.
    public init(excludeFolders: [String], includeFolders: [String] = []) {
        var ignored: [String] = []
        func parseAll(_ texts: [String]) -> [Rule] {
            texts.compactMap { text in
                if let r = Self.parse(text) { return r }
                ignored.append(text)
                return nil
            }
        }
        rules = parseAll(excludeFolders)
        includeRules = parseAll(includeFolders)
        self.ignored = ignored
    }

    static func parse(_ text: String) -> Rule? {
        // Components split on "/", each remembering whether it contained an escaped "\#".
        var parts: [(text: String, escaped: Bool)] = [("", false)]
        var chars = Array(text)[...]
        while let c = chars.popFirst() {
            if c == "\\", chars.first == "#" {
                parts[parts.count - 1].text.append("#"); parts[parts.count - 1].escaped = true
                chars = chars.dropFirst()
            } else if c == "/" {
                parts.append(("", false))
            } else {
                parts[parts.count - 1].text.append(c)
            }
        }
        var subtree = false
        if parts.count > 1, parts.last?.text == "*", parts.last?.escaped == false { subtree = true; parts.removeLast() }
        guard !parts.contains(where: \.text.isEmpty) else { return nil }
        let first = parts[0]
        var head = Rule.Head.name(first.text)
        if !first.escaped, first.text.count > 2, first.text.hasPrefix("#"), first.text.hasSuffix("#") {
            let token = String(first.text.dropFirst().dropLast()).lowercased()
            guard wellKnownTokens[token] != nil else { return nil }
            head = .wellKnown(token)
        }
        return Rule(head: head, rest: parts.dropFirst().map(\.text), subtree: subtree)
    }

    /// Whether a source folder is excluded. `roleOf` gives the role of a folder path (for #WellKnown# rules).
    public func excludes(_ path: FolderPath, roleOf: (FolderPath) -> FolderRole?) -> Bool {
        if !includeRules.isEmpty && !includeRules.contains(where: { matches($0, path, roleOf) }) { return true }
        return rules.contains { matches($0, path, roleOf) }
    }

    private func matches(_ rule: Rule, _ path: FolderPath, _ roleOf: (FolderPath) -> FolderRole?) -> Bool {
        // Find the folder the rule's head names, then compare the remaining components.
        let headLength: Int
        switch rule.head {
        case .name(let n):
            guard let first = path.components.first, first.lowercased() == n.lowercased() else { return false }
            headLength = 1
        case .wellKnown(let token):
            if token == "root" { return rule.subtree && rule.rest.isEmpty }
            guard let role = Self.wellKnownTokens[token] ?? nil else { return false }
            guard let n = (1...max(1, path.components.count)).first(where: {
                $0 <= path.components.count && roleOf(FolderPath(Array(path.components.prefix($0)))) == role
            }) else { return false }
            headLength = n
        }
        let tail = Array(path.components.dropFirst(headLength))
        guard tail.count >= rule.rest.count else { return false }
        for (a, b) in zip(tail, rule.rest) where a.lowercased() != b.lowercased() { return false }
        return tail.count == rule.rest.count || rule.subtree
    }
}
