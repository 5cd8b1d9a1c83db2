// IMAP message flags: the five system flags plus keywords, as one value.

public struct SystemFlags: OptionSet, Hashable, Sendable {
    public let rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }
    public static let seen = SystemFlags(rawValue: 1 << 0)
    public static let answered = SystemFlags(rawValue: 1 << 1)
    public static let flagged = SystemFlags(rawValue: 1 << 2)
    public static let deleted = SystemFlags(rawValue: 1 << 3)
    public static let draft = SystemFlags(rawValue: 1 << 4)

    /// IMAP spelling, in a stable order.
    public static let imapNames: [(SystemFlags, String)] = [
        (.answered, "\\Answered"), (.deleted, "\\Deleted"), (.draft, "\\Draft"),
        (.flagged, "\\Flagged"), (.seen, "\\Seen"),
    ]
}

/// The flags of one message. Keywords keep their case; IMAP compares them case-insensitively,
/// so equality here folds case too.
public struct MessageFlags: Hashable, Sendable, CustomStringConvertible {
    public var system: SystemFlags
    public private(set) var keywords: [String]

    public init(system: SystemFlags = [], keywords: some Sequence<String> = [String]()) {
        self.system = system
        self.keywords = []
        for k in keywords { insertKeyword(k) }
    }

    /// Parses IMAP flag atoms (`\Seen`, `$Forwarded`, ...). `\Recent` and unknown system flags are dropped.
    public init(imapFlags: some Sequence<String>) {
        self.init()
        for atom in imapFlags {
            if atom.hasPrefix("\\") {
                if let (f, _) = SystemFlags.imapNames.first(where: { $0.1.lowercased() == atom.lowercased() }) {
                    system.insert(f)
                }
            } else {
                insertKeyword(atom)
            }
        }
    }

    public mutating func insertKeyword(_ k: String) {
        guard !k.isEmpty, !keywords.contains(where: { $0.lowercased() == k.lowercased() }) else { return }
        keywords.append(k)
        keywords.sort { $0.lowercased() < $1.lowercased() }
    }

    /// All flags in IMAP syntax, system flags first, keywords sorted.
    public var imapAtoms: [String] {
        SystemFlags.imapNames.filter { system.contains($0.0) }.map(\.1) + keywords
    }

    /// A canonical text used in hashes and in the sync state.
    public var canonical: String { imapAtoms.joined(separator: " ") }
    public var description: String { "(" + canonical + ")" }

    public static func == (a: MessageFlags, b: MessageFlags) -> Bool {
        a.system == b.system && a.keywords.map { $0.lowercased() } == b.keywords.map { $0.lowercased() }
    }
    public func hash(into h: inout Hasher) {
        h.combine(system.rawValue)
        for k in keywords { h.combine(k.lowercased()) }
    }
}
