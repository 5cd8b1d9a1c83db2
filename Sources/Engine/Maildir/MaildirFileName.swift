// A Maildir message file name: "<base>:2,<flag letters>", the base optionally carrying ",S=<size>".
// Flag letters (sorted): D draft, F flagged, R answered, S seen, T deleted, and Dovecot keyword letters a-z.

struct MaildirFileName: Hashable {
    var base: String
    /// All letters after ":2,", kept so unknown letters (e.g. "P") survive a flag change.
    var letters: String

    init(base: String, letters: String) { self.base = base; self.letters = String(letters.sorted()) }

    init(parsing name: String) {
        if let r = name.firstRange(of: ":2,") {
            base = String(name[..<r.lowerBound]); letters = String(name[r.upperBound...])
        } else if let colon = name.firstIndex(of: ":") {
            base = String(name[..<colon]); letters = ""
        } else {
            base = name; letters = ""
        }
    }

    var fileName: String { base + ":2," + letters }

    /// The size recorded in the base as ",S=<n>", if any.
    var recordedSize: Int? {
        for part in base.split(separator: ",") where part.hasPrefix("S=") { return Int(part.dropFirst(2)) }
        return nil
    }

    private static let systemLetters: [(Character, SystemFlags)] = [
        ("D", .draft), ("F", .flagged), ("R", .answered), ("S", .seen), ("T", .deleted),
    ]

    func flags(keywords: DovecotKeywords) -> MessageFlags {
        var f = MessageFlags()
        for ch in letters {
            if let (_, flag) = Self.systemLetters.first(where: { $0.0 == ch }) {
                f.system.insert(flag)
            } else if let k = keywords.keyword(for: ch) {
                f.insertKeyword(k)
            }
        }
        return f
    }

    /// The same file with letters for `flags`; keywords get letters from (and are added to) `keywords`.
    /// Keywords beyond Dovecot's 26 letters cannot be stored and are dropped (the verifier reports them).
    func with(flags: MessageFlags, keywords: inout DovecotKeywords) -> MaildirFileName {
        let known = Set(Self.systemLetters.map(\.0))
        var out = letters.filter { ch in !ch.isLowercase && !known.contains(ch) }
        for (ch, flag) in Self.systemLetters where flags.system.contains(flag) { out.append(ch) }
        for k in flags.keywords { if let ch = keywords.letter(for: k, adding: true) { out.append(ch) } }
        return MaildirFileName(base: base, letters: out)
    }
}

/// The per-folder `dovecot-keywords` file: "<index> <keyword>" lines, index 0 being letter "a".
struct DovecotKeywords {
    private(set) var names: [String?] = []
    private(set) var changed = false

    init() {}
    init(fileText: String) {
        for line in fileText.split(separator: "\n") {
            let parts = line.split(separator: " ", maxSplits: 1)
            guard parts.count == 2, let idx = Int(parts[0]), idx >= 0, idx < 26 else { continue }
            while names.count <= idx { names.append(nil) }
            names[idx] = String(parts[1])
        }
    }

    func keyword(for letter: Character) -> String? {
        guard let a = letter.asciiValue, a >= 97, a < 97 + 26 else { return nil }
        let i = Int(a - 97)
        return i < names.count ? names[i] : nil
    }

    mutating func letter(for keyword: String, adding: Bool) -> Character? {
        if let i = names.firstIndex(where: { $0?.lowercased() == keyword.lowercased() }) {
            return Character(Unicode.Scalar(UInt8(97 + i)))
        }
        guard adding, names.count < 26 else { return nil }
        names.append(keyword)
        changed = true
        return Character(Unicode.Scalar(UInt8(97 + names.count - 1)))
    }

    mutating func markSaved() { changed = false }

    var fileText: String {
        names.enumerated().compactMap { i, n in n.map { "\(i) \($0)\n" } }.joined()
    }
}
