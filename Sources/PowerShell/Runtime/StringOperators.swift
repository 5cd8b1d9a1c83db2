import Foundation

/// `-match`, `-replace`, `-split`, `-join` and `-like` with PowerShell's rules.
public enum StringOperators {
    /// `-match` on one string: whether it matched and, when it did, the `$Matches` table
    /// (group numbers and names as keys, successful groups only).
    public static func match(_ input: String, pattern: String, caseSensitive: Bool) throws -> PSHashtable? {
        let regex = try RegexCache.regex(pattern, ignoreCase: !caseSensitive)
        let ns = input as NSString
        guard let m = regex.firstMatch(in: input, range: NSRange(location: 0, length: ns.length)) else { return nil }
        let table = PSHashtable()
        let names = groupNames(pattern)
        let numbers = dotNetNumbers(names, count: m.numberOfRanges)
        for g in 0..<m.numberOfRanges {
            let r = m.range(at: g)
            guard r.location != NSNotFound else { continue }
            let text = ns.substring(with: r)
            if let name = names[g] { table[.string(name)] = .string(text) } else { table[.int(numbers[g] ?? g)] = .string(text) }
        }
        return table
    }

    /// .NET numbers unnamed groups first (left to right), then named ones; ICU numbers all
    /// groups by position. Maps ICU index -> .NET number for the unnamed groups.
    static func dotNetNumbers(_ names: [Int: String], count: Int) -> [Int: Int] {
        var map: [Int: Int] = [0: 0]
        var next = 1
        for g in 1..<max(1, count) where names[g] == nil {
            map[g] = next
            next += 1
        }
        return map
    }

    /// Named groups in a pattern, by group number (ICU numbers named and unnamed groups together, left to right).
    static func groupNames(_ pattern: String) -> [Int: String] {
        var names: [Int: String] = [:]
        let chars = Array(pattern)
        var group = 0
        var i = 0
        var inClass = false
        while i < chars.count {
            let c = chars[i]
            if c == "\\" { i += 2; continue }
            if inClass { if c == "]" { inClass = false }; i += 1; continue }
            if c == "[" { inClass = true; i += 1; continue }
            if c == "(" {
                if i + 1 < chars.count, chars[i + 1] == "?" {
                    if i + 2 < chars.count, chars[i + 2] == "<" || chars[i + 2] == "'" || chars[i + 2] == "P",
                       i + 3 < chars.count, chars[i + 3] != "=", chars[i + 3] != "!" {
                        group += 1
                        let start = chars[i + 2] == "P" ? i + 4 : i + 3
                        var j = start
                        while j < chars.count, chars[j] != ">", chars[j] != "'" { j += 1 }
                        names[group] = String(chars[start..<min(j, chars.count)])
                    }
                } else {
                    group += 1
                }
            }
            i += 1
        }
        return names
    }

    /// `-replace`: regex replacement with .NET substitutions (`$1`, `${name}`, `$0`, `$&`, `$$`).
    /// `evaluator`, when given, computes each replacement (a script block replacement).
    public static func replace(_ input: String, pattern: String, replacement: String, caseSensitive: Bool,
                               evaluator: ((NSTextCheckingResult, NSString) throws -> String)? = nil) throws -> String {
        let regex = try RegexCache.regex(pattern, ignoreCase: !caseSensitive)
        let ns = input as NSString
        let matches = regex.matches(in: input, range: NSRange(location: 0, length: ns.length))
        if matches.isEmpty { return input }
        let names = groupNames(pattern)
        var out = ""
        var last = 0
        for m in matches {
            out += ns.substring(with: NSRange(location: last, length: m.range.location - last))
            if let evaluator { out += try evaluator(m, ns) } else { out += substitute(replacement, m, ns, names) }
            last = m.range.location + m.range.length
        }
        out += ns.substring(from: last)
        return out
    }

    static func substitute(_ template: String, _ m: NSTextCheckingResult, _ ns: NSString, _ names: [Int: String]) -> String {
        // `$n` counts as .NET does (unnamed groups first); find the ICU index for it.
        let icuIndex = Dictionary(dotNetNumbers(names, count: m.numberOfRanges).map { ($0.value, $0.key) }, uniquingKeysWith: { a, _ in a })
        func group(_ netNumber: Int) -> String? {
            guard let g = icuIndex[netNumber], g < m.numberOfRanges else { return nil }
            let r = m.range(at: g)
            return r.location == NSNotFound ? "" : ns.substring(with: r)
        }
        let chars = Array(template)
        var out = ""
        var i = 0
        while i < chars.count {
            let c = chars[i]
            guard c == "$", i + 1 < chars.count else { out.append(c); i += 1; continue }
            let n = chars[i + 1]
            if n == "$" { out.append("$"); i += 2; continue }
            if n == "&" { out += group(0) ?? ""; i += 2; continue }
            if n.isASCII, n.isNumber {
                var j = i + 1
                var num = 0
                // Longest group number that exists, as .NET does.
                var best: (Int, Int)? = nil
                while j < chars.count, chars[j].isASCII, chars[j].isNumber {
                    num = num * 10 + Int(String(chars[j]))!
                    if icuIndex[num] != nil { best = (num, j + 1) }
                    j += 1
                }
                if let (g, end) = best { out += group(g) ?? ""; i = end } else { out.append(c); i += 1 }
                continue
            }
            if n == "{", let close = chars[(i + 2)...].firstIndex(of: "}") {
                let name = String(chars[(i + 2)..<close])
                if let g = Int(name), icuIndex[g] != nil { out += group(g) ?? ""; i = close + 1; continue }
                if let g = names.first(where: { $0.value.caseInsensitiveCompare(name) == .orderedSame })?.key {
                    let r = m.range(at: g)
                    out += r.location == NSNotFound ? "" : ns.substring(with: r); i = close + 1; continue
                }
            }
            out.append(c); i += 1
        }
        return out
    }

    /// Options of the binary `-split` operator.
    public struct SplitOptions: Sendable {
        public var simpleMatch = false
        public var ignoreCase = true
        public var multiline = false
        public var singleline = false
        public var explicitCapture = false
        public init() {}

        /// Parses `'SimpleMatch, IgnoreCase'` style option text.
        public init(_ text: String, caseSensitive: Bool) throws {
            ignoreCase = !caseSensitive
            for raw in text.split(separator: ",") {
                let word = raw.trimmingCharacters(in: .whitespaces).lowercased()
                switch word {
                case "simplematch": simpleMatch = true
                case "regexmatch", "none", "cultureinvariant", "ignorepatternwhitespace", "": break
                case "ignorecase": ignoreCase = true
                case "multiline": multiline = true
                case "singleline": singleline = true
                case "explicitcapture": explicitCapture = true
                default:
                    throw Conversion.castError(.string(String(raw)), to: .enumeration(name: "System.Management.Automation.SplitOptions", values: []),
                                               reason: Conversion.enumErrorText(String(raw), values: ["SimpleMatch", "RegexMatch", "CultureInvariant", "IgnorePatternWhitespace", "ExplicitCapture", "IgnoreCase", "Multiline", "Singleline"]))
                }
            }
        }
    }

    /// Binary `-split`: regex (or simple) delimiter, empty items kept, captured groups included,
    /// at most `maxCount` pieces when positive (the last piece keeps the rest).
    public static func split(_ input: String, delimiter: String, maxCount: Int = 0, options: SplitOptions = SplitOptions()) throws -> [String] {
        let pattern = options.simpleMatch ? NSRegularExpression.escapedPattern(for: delimiter) : delimiter
        let regex = try RegexCache.regex(pattern, ignoreCase: options.ignoreCase, multiline: options.multiline,
                                         singleline: options.singleline)
        let ns = input as NSString
        var matches = regex.matches(in: input, range: NSRange(location: 0, length: ns.length))
        if maxCount < 0 {
            // From the right: keep the last |maxCount|-1 delimiters.
            let keep = -maxCount - 1
            if matches.count > keep { matches = Array(matches.suffix(keep)) }
        } else if maxCount > 0, matches.count > maxCount - 1 {
            matches = Array(matches.prefix(maxCount - 1))
        }
        var parts: [String] = []
        var last = 0
        for m in matches {
            if m.range.length == 0 && (m.range.location == 0 || m.range.location == ns.length) { continue }
            parts.append(ns.substring(with: NSRange(location: last, length: m.range.location - last)))
            for g in 1..<max(1, m.numberOfRanges) {
                let r = m.range(at: g)
                if r.location != NSNotFound { parts.append(ns.substring(with: r)) }
            }
            last = m.range.location + m.range.length
        }
        parts.append(ns.substring(from: last))
        return parts
    }

    /// Unary `-split`: runs of whitespace, leading and trailing whitespace ignored.
    public static func splitWhitespace(_ input: String) -> [String] {
        input.split(whereSeparator: { $0.isWhitespace }).map(String.init)
    }

    public static func join(_ items: [Value], separator: String) -> String {
        items.map { Conversion.toString($0) }.joined(separator: separator)
    }

    public static func like(_ input: String, pattern: String, caseSensitive: Bool) -> Bool {
        WildcardPattern(pattern, ignoreCase: !caseSensitive).matches(input)
    }
}
