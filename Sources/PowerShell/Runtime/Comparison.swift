import Foundation

/// Equality and ordering as PowerShell's comparison operators apply them: the right
/// operand is converted to the left operand's type; strings compare case-insensitively
/// unless asked otherwise.
public enum Comparison {
    /// `-eq` for two scalars.
    public static func equals(_ left: Value, _ right: Value, caseSensitive: Bool = false) -> Bool {
        switch left {
        case .null: return right.isNull
        case .string(let l):
            if right.isNull { return false }
            let r = Conversion.toString(right)
            return caseSensitive ? l == r : l.lowercased() == r.lowercased()
        case .int(let l):
            switch right {
            case .int(let r): return l == r
            case .null: return false
            default:
                guard let r = try? Conversion.toNumber(right) else { return false }
                if case .int(let ri) = r { return l == ri }
                if case .double(let rd) = r { return Double(l) == rd }
                return false
            }
        case .double(let l):
            if right.isNull { return false }
            guard let r = try? Conversion.toDouble(right) else { return false }
            return l == r
        case .bool(let l):
            if right.isNull { return false }
            return l == Conversion.toBool(right)
        case .date(let l):
            guard case .date(let r) = Conversion.tryConvert(right, to: .dateTime) else { return false }
            return l == r
        case .timeSpan(let l):
            guard case .timeSpan(let r) = Conversion.tryConvert(right, to: .timeSpan) else { return false }
            return l == r
        case .guid(let l):
            guard case .guid(let r) = Conversion.tryConvert(right, to: .guid) else { return false }
            return l == r
        case .type(let l):
            if case .type(let r) = right { return l == r }
            if case .string(let s) = right, let r = TypeResolver.resolve(s) { return l == r }
            return false
        case .array(let l): if case .array(let r) = right { return l === r } else { return false }
        case .bytes(let l): if case .bytes(let r) = right { return l === r } else { return false }
        case .hashtable(let l): if case .hashtable(let r) = right { return l === r } else { return false }
        case .scriptBlock(let l): if case .scriptBlock(let r) = right { return l === r } else { return false }
        case .object(let l):
            if case .object(let r) = right { return l === r }
            // An object with a string form (an enum-like or regex object) equals that text.
            if let s = l.toStringValue, case .string = right { return equals(.string(s), right, caseSensitive: caseSensitive) }
            return false
        }
    }

    /// Ordering for `-lt -le -gt -ge` and sorting: negative, zero or positive.
    /// Throws pwsh's `Could not compare` error when the right side cannot take the left's type.
    public static func compare(_ left: Value, _ right: Value, caseSensitive: Bool = false) throws -> Int {
        switch (left, right) {
        case (.null, .null): return 0
        case (.null, _): return -1
        case (_, .null): return 1
        default: break
        }
        do {
            switch left {
            case .string(let l):
                return compareStrings(l, Conversion.toString(right), caseSensitive: caseSensitive)
            case .int(let l):
                if case .int(let r) = right { return l < r ? -1 : (l > r ? 1 : 0) }
                let r = try numberForCompare(right, leftType: left)
                return l2(Double(l), r)
            case .double(let l):
                return l2(l, try numberForCompare(right, leftType: left))
            case .bool(let l):
                let r = Conversion.toBool(right)
                return l == r ? 0 : (l ? 1 : -1)
            case .date(let l):
                guard case .date(let r) = try Conversion.convert(right, to: .dateTime) else { return 0 }
                return l < r ? -1 : (l > r ? 1 : 0)
            case .timeSpan(let l):
                guard case .timeSpan(let r) = try Conversion.convert(right, to: .timeSpan) else { return 0 }
                return l2(l, r)
            case .guid(let l):
                return compareStrings(l.uuidString, Conversion.toString(right), caseSensitive: false)
            default:
                if case .object(let o) = left, let s = o.toStringValue {
                    return compareStrings(s, Conversion.toString(right), caseSensitive: caseSensitive)
                }
                throw ErrorRecord(message: "Cannot compare \"\(Conversion.toString(left))\" because it is not IComparable.",
                                  errorId: "NotIcomparable", category: .invalidOperation, targetObject: left)
            }
        } catch let e as ErrorRecord where e.errorId != "NotIcomparable" {
            throw ErrorRecord(message: "Could not compare \"\(Conversion.toString(left))\" to \"\(Conversion.toString(right))\". Error: \"\(e.message)\"",
                              errorId: "ComparisonFailure", category: .invalidOperation, targetObject: left)
        }
    }

    private static func numberForCompare(_ right: Value, leftType: Value) throws -> Double {
        switch right {
        case .int(let r): return Double(r)
        case .double(let r): return r
        default:
            do { return try Conversion.toDouble(right) } catch {
                _ = try Conversion.convert(right, to: leftType.isDouble ? .double : .int)
                return 0
            }
        }
    }

    private static func l2(_ l: Double, _ r: Double) -> Int { l < r ? -1 : (l > r ? 1 : 0) }

    /// Culture-like string order: case-insensitive first, then lowercase before uppercase
    /// as .NET's invariant culture orders `a` before `A`.
    public static func compareStrings(_ l: String, _ r: String, caseSensitive: Bool) -> Int {
        switch l.compare(r, options: [.caseInsensitive]) {
        case .orderedAscending: return -1
        case .orderedDescending: return 1
        case .orderedSame:
            guard caseSensitive, l != r else { return 0 }
            // Invariant culture puts lowercase first.
            for (a, b) in zip(l, r) where a != b { return a.isLowercase ? -1 : 1 }
            return 0
        }
    }
}

extension Value {
    var isDouble: Bool { if case .double = self { return true } else { return false } }
}
