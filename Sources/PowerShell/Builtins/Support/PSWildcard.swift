/// PowerShell wildcard patterns (`*`, `?`, `[a-z]`, backtick escapes), as `-like`, Select-Object
/// property names and Get-ChildItem -Filter use them. Matching is case-insensitive unless asked.
public struct PSWildcard: Sendable {
    private enum Element: Sendable { case literal(Character), any, anySequence, set([ClosedRange<Character>], negated: Bool) }
    private let elements: [Element]
    private let caseSensitive: Bool
    public let pattern: String

    public init(_ pattern: String, caseSensitive: Bool = false) {
        self.pattern = pattern
        self.caseSensitive = caseSensitive
        var out: [Element] = []
        var chars = Array(caseSensitive ? pattern : pattern.lowercased())[...]
        while let c = chars.popFirst() {
            switch c {
            case "*": if case .anySequence? = out.last {} else { out.append(.anySequence) }
            case "?": out.append(.any)
            case "`": out.append(.literal(chars.popFirst() ?? "`"))
            case "[":
                guard let close = chars.firstIndex(of: "]") else { out.append(.literal("[")); continue }
                var body = Array(chars[chars.startIndex..<close])[...]
                chars = chars[chars.index(after: close)...]
                let negated = body.first == "!"
                if negated { body = body.dropFirst() }
                var ranges: [ClosedRange<Character>] = []
                while let a = body.popFirst() {
                    if body.count >= 2, body.first == "-" {
                        body = body.dropFirst(); let b = body.popFirst()!
                        if a <= b { ranges.append(a...b) }
                    } else { ranges.append(a...a) }
                }
                out.append(.set(ranges, negated: negated))
            default: out.append(.literal(c))
            }
        }
        elements = out
    }

    /// True when the text has wildcard characters (so a name is a pattern, not a literal).
    public static func hasWildcards(_ text: String) -> Bool { text.contains { $0 == "*" || $0 == "?" || $0 == "[" } }

    public func matches(_ text: String) -> Bool {
        let t = Array(caseSensitive ? text : text.lowercased())
        // Iterative matcher with backtracking to the last `*`: linear for typical patterns.
        var ti = 0, pi = 0, starP = -1, starT = 0
        while ti < t.count {
            if pi < elements.count {
                switch elements[pi] {
                case .anySequence: starP = pi; starT = ti; pi += 1; continue
                case .any: ti += 1; pi += 1; continue
                case .literal(let c) where c == t[ti]: ti += 1; pi += 1; continue
                case .set(let ranges, let negated) where ranges.contains { $0.contains(t[ti]) } != negated:
                    ti += 1; pi += 1; continue
                default: break
                }
            }
            guard starP >= 0 else { return false }
            pi = starP + 1; starT += 1; ti = starT
        }
        while pi < elements.count, case .anySequence = elements[pi] { pi += 1 }
        return pi == elements.count
    }
}
