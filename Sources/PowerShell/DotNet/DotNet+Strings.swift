import Foundation

/// System.String instance methods. As in .NET they compare case-sensitively (Contains, Replace,
/// IndexOf, StartsWith) unless a StringComparison argument says otherwise; indexes count UTF-16 units.
enum DotNetStrings {
    static func property(_ s: String, _ name: String) -> Value? {
        name == "length" ? .int(s.utf16.count) : nil
    }

    /// A StringComparison / ignoreCase argument at `i`, if any.
    private static func ignoresCase(_ c: MethodCall, _ i: Int) -> Bool {
        guard c.count > i else { return false }
        switch c.arguments[i] {
        case .bool(let b): return b
        case .string(let mode): return mode.lowercased().hasSuffix("ignorecase")
        case .int(let n): return n % 2 == 1   // StringComparison enum values: odd = IgnoreCase
        default: return false
        }
    }

    /// Characters to trim: none given means whitespace.
    private static func trimSet(_ c: MethodCall) -> (Character) -> Bool {
        guard c.count > 0 else { return { $0.isWhitespace } }
        let chars = Set(c.rest(from: 0).flatMap { DotNetValue.string($0) })
        return { chars.contains($0) }
    }

    private static func utf16Index(_ s: String, _ offset: Int, _ c: MethodCall, _ what: String) throws -> String.Index {
        guard offset >= 0, offset <= s.utf16.count else {
            throw c.exception("\(what) cannot be less than zero or greater than the length of the string. (Parameter '\(what.lowercased())')")
        }
        return String.Index(utf16Offset: offset, in: s)
    }

    static func method(_ s: String, _ c: MethodCall) throws -> Value? {
        switch c.lowerName {
        case "toupper", "toupperinvariant": try c.expect(0, 1); return .string(s.uppercased())
        case "tolower", "tolowerinvariant": try c.expect(0, 1); return .string(s.lowercased())
        case "trim":
            let f = trimSet(c)
            return .string(String(s.drop(while: f).reversed().drop(while: f).reversed()))
        case "trimstart": return .string(String(s.drop(while: trimSet(c))))
        case "trimend": return .string(String(s.reversed().drop(while: trimSet(c)).reversed()))
        case "tostring": try c.expect(0, 1); return .string(s)
        case "contains":
            try c.expect(1, 2)
            let needle = c.string(0)
            return .bool(ignoresCase(c, 1) ? s.range(of: needle, options: .caseInsensitive) != nil || needle.isEmpty
                         : needle.isEmpty || s.contains(needle))
        case "startswith", "endswith":
            try c.expect(1, 2, 3)
            let needle = c.string(0)
            let opts: String.CompareOptions = ignoresCase(c, 1) ? [.caseInsensitive, c.lowerName == "endswith" ? .backwards : .anchored]
                : [c.lowerName == "endswith" ? .backwards : .anchored]
            guard !needle.isEmpty else { return .bool(true) }
            guard let r = s.range(of: needle, options: opts.union(.literal)) else { return .bool(false) }
            return .bool(c.lowerName == "endswith" ? r.upperBound == s.endIndex : r.lowerBound == s.startIndex)
        case "indexof", "lastindexof":
            try c.expect(1, 2, 3)
            let needle = c.string(0)
            var searchRange = s.startIndex..<s.endIndex
            var ignore = false
            if c.count >= 2 {
                if case .int(let start) = c.arguments[1] {
                    let i = try utf16Index(s, start, c, "StartIndex")
                    searchRange = c.lowerName == "indexof" ? i..<s.endIndex : s.startIndex..<min(s.endIndex, s.index(i, offsetBy: 1, limitedBy: s.endIndex) ?? s.endIndex)
                    ignore = ignoresCase(c, 2)
                } else { ignore = ignoresCase(c, 1) }
            }
            var opts: String.CompareOptions = [.literal]
            if ignore { opts.insert(.caseInsensitive) }
            if c.lowerName == "lastindexof" { opts.insert(.backwards) }
            guard let r = s.range(of: needle, options: opts, range: searchRange) else { return .int(-1) }
            return .int(r.lowerBound.utf16Offset(in: s))
        case "indexofany":
            try c.expect(1)
            let set = Set(c.string(0))
            return .int(s.firstIndex { set.contains($0) }.map { $0.utf16Offset(in: s) } ?? -1)
        case "substring":
            try c.expect(1, 2)
            let start = try c.int(0)
            let from = try utf16Index(s, start, c, "StartIndex")
            if c.count == 1 { return .string(String(s[from...])) }
            let len = try c.int(1)
            guard len >= 0, start + len <= s.utf16.count else {
                throw c.exception("Index and length must refer to a location within the string. (Parameter 'length')")
            }
            return .string(String(s[from..<String.Index(utf16Offset: start + len, in: s)]))
        case "replace":
            try c.expect(2, 3)
            let old = c.string(0)
            guard !old.isEmpty else { throw c.exception("The value cannot be an empty string. (Parameter 'oldValue')") }
            let new = c.arguments[1].isNull ? "" : c.string(1)
            return .string(s.replacingOccurrences(of: old, with: new, options: ignoresCase(c, 2) ? [.caseInsensitive, .literal] : [.literal]))
        case "split":
            guard c.count >= 1 else { return DotNetValue.strings(s.split(whereSeparator: \.isWhitespace).map(String.init)) }
            return DotNetValue.strings(split(s, c))
        case "padleft", "padright":
            try c.expect(1, 2)
            let width = try c.int(0)
            let pad = c.count == 2 ? (c.string(1).first ?? " ") : " "
            let n = max(0, width - s.count)
            let padding = String(repeating: pad, count: n)
            return .string(c.lowerName == "padleft" ? padding + s : s + padding)
        case "insert":
            try c.expect(2)
            var t = s
            t.insert(contentsOf: c.string(1), at: try utf16Index(s, try c.int(0), c, "StartIndex"))
            return .string(t)
        case "remove":
            try c.expect(1, 2)
            let start = try c.int(0)
            let from = try utf16Index(s, start, c, "StartIndex")
            if c.count == 1 { return .string(String(s[..<from])) }
            let len = try c.int(1)
            guard len >= 0, start + len <= s.utf16.count else {
                throw c.exception("Index and count must refer to a location within the string. (Parameter 'count')")
            }
            var t = s
            t.removeSubrange(from..<String.Index(utf16Offset: start + len, in: s))
            return .string(t)
        case "equals":
            try c.expect(1, 2)
            guard case .string(let other) = c.arguments[0] else { return .bool(false) }
            return .bool(ignoresCase(c, 1) ? s.caseInsensitiveCompare(other) == .orderedSame : s == other)
        case "compareto":
            try c.expect(1)
            let r = s.compare(c.string(0), options: [.caseInsensitive])
            return .int(r == .orderedAscending ? -1 : r == .orderedSame ? s.compare(c.string(0)).rawValue : 1)
        case "tochararray":
            try c.expect(0)
            return .list(s.map { .string(String($0)) })
        case "chars":
            try c.expect(1)
            let i = try c.int(0)
            guard i >= 0, i < s.utf16.count else { throw c.exception("Index was outside the bounds of the array.") }
            return .string(String(s[String.Index(utf16Offset: i, in: s)]))
        case "normalize": return .string(s.precomposedStringWithCanonicalMapping)
        case "isnormalized": return .bool(true)
        case "gethashcode": try c.expect(0); return .int(s.hashValue & 0x7FFF_FFFF)
        case "format":
            return .string(try ValueFormatting.composite(s, c.rest(from: 0)))
        default: return nil
        }
    }

    /// String.Split: a string separator splits on the whole string (pwsh 7 / .NET Core), several
    /// separators or a char array split on each; a count limits the parts; RemoveEmptyEntries drops empties.
    private static func split(_ s: String, _ c: MethodCall) -> [String] {
        var separators: [String] = []
        var limit = Int.max
        var removeEmpty = false
        for (i, arg) in c.arguments.enumerated() {
            switch arg {
            case .array(let a) where i == 0: separators = a.items.map(DotNetValue.string)
            case .string(let str) where i == 0: separators = [str]
            case .string(let opt): removeEmpty = removeEmpty || opt.lowercased().contains("removeemptyentries")
            case .int(let n) where i > 0: limit = max(1, n)
            default: separators = [DotNetValue.string(arg)]
            }
        }
        separators = separators.filter { !$0.isEmpty }
        if separators.isEmpty { return [s] }
        var parts: [String] = []
        var rest = Substring(s)
        while parts.count < limit - 1 {
            var best: Range<Substring.Index>?
            for sep in separators {
                if let r = rest.range(of: sep, options: .literal), best == nil || r.lowerBound < best!.lowerBound { best = r }
            }
            guard let r = best else { break }
            let piece = String(rest[..<r.lowerBound])
            if !(removeEmpty && piece.isEmpty) { parts.append(piece) }
            rest = rest[r.upperBound...]
        }
        if !(removeEmpty && rest.isEmpty) { parts.append(String(rest)) }
        return parts
    }
}
