/// PowerShell wildcard patterns (`-like`, `switch -Wildcard`, `Get-ChildItem *.csv`):
/// `*` any run, `?` one character, `[abc]`/`[a-z]` one of a set, backtick escapes the next character.
public struct WildcardPattern: Sendable {
    enum Element: Sendable, Equatable {
        case literal(Character)
        case any
        case star
        case set([ClosedRange<Character>])
    }

    let elements: [Element]
    let ignoreCase: Bool

    public init(_ pattern: String, ignoreCase: Bool = true) {
        self.ignoreCase = ignoreCase
        var out: [Element] = []
        let chars = Array(ignoreCase ? pattern.lowercased() : pattern)
        var i = 0
        while i < chars.count {
            let c = chars[i]
            switch c {
            case "`" where i + 1 < chars.count:
                out.append(.literal(chars[i + 1])); i += 2; continue
            case "*": if out.last != .star { out.append(.star) }
            case "?": out.append(.any)
            case "[":
                if let close = chars[(i + 1)...].firstIndex(of: "]"), close > i + 1 {
                    var ranges: [ClosedRange<Character>] = []
                    var j = i + 1
                    while j < close {
                        if j + 2 < close, chars[j + 1] == "-", chars[j] <= chars[j + 2] {
                            ranges.append(chars[j]...chars[j + 2]); j += 3
                        } else {
                            ranges.append(chars[j]...chars[j]); j += 1
                        }
                    }
                    out.append(.set(ranges)); i = close + 1; continue
                }
                out.append(.literal(c))
            default: out.append(.literal(c))
            }
            i += 1
        }
        elements = out
    }

    /// True when the pattern has no wildcard characters (a plain name).
    public var isLiteral: Bool { elements.allSatisfy { if case .literal = $0 { return true } else { return false } } }

    public static func containsWildcard(_ text: String) -> Bool {
        text.contains { $0 == "*" || $0 == "?" || $0 == "[" }
    }

    public func matches(_ text: String) -> Bool {
        let s = Array(ignoreCase ? text.lowercased() : text)
        // Iterative matcher with single-star backtracking (linear for typical patterns).
        var p = 0, t = 0
        var starP = -1, starT = 0
        while t < s.count {
            if p < elements.count, matchOne(elements[p], s[t]) {
                p += 1; t += 1
            } else if p < elements.count, elements[p] == .star {
                starP = p; starT = t; p += 1
            } else if starP >= 0 {
                p = starP + 1; starT += 1; t = starT
            } else {
                return false
            }
        }
        while p < elements.count, elements[p] == .star { p += 1 }
        return p == elements.count
    }

    private func matchOne(_ e: Element, _ c: Character) -> Bool {
        switch e {
        case .literal(let l): return l == c
        case .any: return true
        case .star: return false
        case .set(let ranges): return ranges.contains { $0.contains(c) }
        }
    }
}
