import Foundation

/// The comparison, string and type operators (`-eq … -as`), with pwsh's collection rules:
/// a collection on the left filters (`1,2,3 -gt 1` → 2,3), `-contains`/`-in`/`-is` stay Boolean.
public enum BinaryOperators {
    public enum Kind: String, Sendable, CaseIterable {
        case eq, ne, gt, ge, lt, le, like, notlike, match, notmatch
        case contains, notcontains, `in`, notin, replace, split, join, `is`, isnot, `as`
    }

    /// Parses an operator spelling (`-eq`, `-CEQ`, `-ilike`, en dash allowed) into its kind and case rule.
    public static func parse(_ text: String) -> (kind: Kind, caseSensitive: Bool)? {
        var name = text.lowercased()
        if let f = name.first, f == "-" || f == "\u{2013}" || f == "\u{2014}" || f == "\u{2015}" { name.removeFirst() }
        if let k = Kind(rawValue: name) { return (k, false) }
        if name.count > 1, let k = Kind(rawValue: String(name.dropFirst())) {
            if name.hasPrefix("c") { return (k, true) }
            if name.hasPrefix("i") { return (k, false) }
        }
        return nil
    }

    /// The outcome of an operator: its value and, for a scalar `-match`, the new `$Matches`.
    public struct Result {
        public var value: Value
        public var matches: PSHashtable?
    }

    public static func evaluate(_ kind: Kind, _ left: Value, _ right: Value, caseSensitive: Bool = false,
                                scriptReplacement: ((Value) throws -> String)? = nil) throws -> Result {
        switch kind {
        case .contains, .notcontains:
            let items = Conversion.enumerate(left) ?? [left]
            let found = items.contains { Comparison.equals($0, right, caseSensitive: caseSensitive) }
            return Result(value: .bool(kind == .contains ? found : !found))
        case .in, .notin:
            let items = Conversion.enumerate(right) ?? [right]
            let found = items.contains { Comparison.equals($0, left, caseSensitive: caseSensitive) }
            return Result(value: .bool(kind == .in ? found : !found))
        case .is, .isnot:
            let type = try typeOperand(right)
            let yes = Conversion.isInstance(left, of: type)
            return Result(value: .bool(kind == .is ? yes : !yes))
        case .as:
            return Result(value: Conversion.tryConvert(left, to: try typeOperand(right)))
        case .join:
            let items = Conversion.enumerate(left) ?? [left]
            return Result(value: .string(StringOperators.join(items, separator: Conversion.toString(right))))
        case .replace:
            return Result(value: try replace(left, right, caseSensitive: caseSensitive, scriptReplacement: scriptReplacement))
        case .split:
            return Result(value: try split(left, right, caseSensitive: caseSensitive))
        case .match, .notmatch:
            let pattern = Conversion.toString(right)
            if let items = Conversion.enumerate(left) {
                let kept = try items.filter { item in
                    let m = try StringOperators.match(Conversion.toString(item), pattern: pattern, caseSensitive: caseSensitive) != nil
                    return kind == .match ? m : !m
                }
                return Result(value: .list(kept))
            }
            let table = try StringOperators.match(Conversion.toString(left), pattern: pattern, caseSensitive: caseSensitive)
            let matched = table != nil
            return Result(value: .bool(kind == .match ? matched : !matched), matches: table)
        case .eq, .ne, .gt, .ge, .lt, .le, .like, .notlike:
            if let items = Conversion.enumerate(left) {
                let kept = try items.filter { try scalarTest(kind, $0, right, caseSensitive) }
                return Result(value: .list(kept))
            }
            return Result(value: .bool(try scalarTest(kind, left, right, caseSensitive)))
        }
    }

    static func scalarTest(_ kind: Kind, _ l: Value, _ r: Value, _ cs: Bool) throws -> Bool {
        switch kind {
        case .eq: return Comparison.equals(l, r, caseSensitive: cs)
        case .ne: return !Comparison.equals(l, r, caseSensitive: cs)
        case .gt: return try Comparison.compare(l, r, caseSensitive: cs) > 0
        case .ge: return try Comparison.compare(l, r, caseSensitive: cs) >= 0
        case .lt: return try Comparison.compare(l, r, caseSensitive: cs) < 0
        case .le: return try Comparison.compare(l, r, caseSensitive: cs) <= 0
        case .like: return StringOperators.like(Conversion.toString(l), pattern: Conversion.toString(r), caseSensitive: cs)
        case .notlike: return !StringOperators.like(Conversion.toString(l), pattern: Conversion.toString(r), caseSensitive: cs)
        default: return false
        }
    }

    /// The right side of `-is`/`-as`: a type literal or a type name.
    public static func typeOperand(_ v: Value) throws -> PSType {
        switch v {
        case .type(let t): return t
        case .string(let s):
            guard let t = TypeResolver.resolve(s) else { throw TypeResolver.notFound(s) }
            return t
        default:
            throw ErrorRecord(message: "The right operand of '-is', '-isnot' and '-as' must be a type.",
                              errorId: "IsOperatorRequiresType", category: .invalidOperation)
        }
    }

    static func replace(_ left: Value, _ right: Value, caseSensitive: Bool,
                        scriptReplacement: ((Value) throws -> String)?) throws -> Value {
        let operands = Conversion.enumerate(right) ?? [right]
        guard operands.count <= 2 else {
            throw ErrorRecord(message: "The -replace operator allows only two elements to follow it, not \(operands.count).",
                              errorId: "BadReplaceArgument", category: .invalidOperation)
        }
        let pattern = operands.isEmpty ? "" : Conversion.toString(operands[0])
        let replacementValue = operands.count > 1 ? operands[1] : .string("")
        func one(_ input: Value) throws -> Value {
            let text = Conversion.toString(input)
            if case .scriptBlock = replacementValue, let scriptReplacement {
                return .string(try StringOperators.replace(text, pattern: pattern, replacement: "", caseSensitive: caseSensitive) { m, ns in
                    try scriptReplacement(matchObject(m, ns))
                })
            }
            return .string(try StringOperators.replace(text, pattern: pattern, replacement: Conversion.toString(replacementValue),
                                                       caseSensitive: caseSensitive))
        }
        if let items = Conversion.enumerate(left) { return .list(try items.map(one)) }
        return try one(left)
    }

    /// A System.Text.RegularExpressions.Match-like object for script-block replacements.
    static func matchObject(_ m: NSTextCheckingResult, _ ns: NSString) -> Value {
        let groups = (0..<m.numberOfRanges).map { g -> Value in
            let r = m.range(at: g)
            let o = PSObject(typeNames: ["System.Text.RegularExpressions.Group", "System.Object"],
                             properties: [("Value", .string(r.location == NSNotFound ? "" : ns.substring(with: r))),
                                          ("Success", .bool(r.location != NSNotFound)), ("Index", .int(r.location))])
            o.toStringValue = r.location == NSNotFound ? "" : ns.substring(with: r)
            return .object(o)
        }
        let value = ns.substring(with: m.range)
        let o = PSObject(typeNames: ["System.Text.RegularExpressions.Match", "System.Object"],
                         properties: [("Value", .string(value)), ("Index", .int(m.range.location)),
                                      ("Length", .int(m.range.length)), ("Success", .bool(true)), ("Groups", .list(groups))])
        o.toStringValue = value
        return .object(o)
    }

    static func split(_ left: Value, _ right: Value, caseSensitive: Bool) throws -> Value {
        let operands = Conversion.enumerate(right) ?? [right]
        let delimiter = operands.isEmpty ? " " : Conversion.toString(operands[0])
        let maxCount = operands.count > 1 ? try Conversion.toInt(operands[1]) : 0
        let options = operands.count > 2
            ? try StringOperators.SplitOptions(Conversion.toString(operands[2]), caseSensitive: caseSensitive)
            : { var o = StringOperators.SplitOptions(); o.ignoreCase = !caseSensitive; return o }()
        let inputs = Conversion.enumerate(left) ?? [left]
        var out: [Value] = []
        for input in inputs {
            out += try StringOperators.split(Conversion.toString(input), delimiter: delimiter, maxCount: maxCount, options: options)
                .map { .string($0) }
        }
        return .list(out)
    }
}
