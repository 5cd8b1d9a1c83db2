import Foundation

/// PowerShell's arithmetic operators: the left operand's type decides (`'ab' * 3`,
/// `@(1) + 2`, `@{a=1} + @{b=2}`, `7 / 2` = 3.5), integers widen to double on overflow.
public enum Arithmetic {
    public enum Op: String, Sendable { case add = "+", subtract = "-", multiply = "*", divide = "/", remainder = "%" }

    public static func apply(_ op: Op, _ left: Value, _ right: Value) throws -> Value {
        switch op {
        case .add: return try add(left, right)
        case .subtract: return try subtract(left, right)
        case .multiply: return try multiply(left, right)
        case .divide, .remainder: return try numeric(op, left, right)
        }
    }

    public static func add(_ left: Value, _ right: Value) throws -> Value {
        switch left {
        case .null:
            // `$null + x` is x (and `$null + $null` stays null).
            if case .array(let a) = right { return .list(a.items) }
            return right
        case .string(let l): return .string(l + Conversion.toString(right))
        case .array(let l):
            if let items = Conversion.enumerate(right) { return .list(l.items + items) }
            return .list(l.items + [right])
        case .bytes(let l):
            if let items = Conversion.enumerate(right) { return .list(l.bytes.map { .int(Int($0)) } + items) }
            return .list(l.bytes.map { .int(Int($0)) } + [right])
        case .hashtable(let l):
            guard case .hashtable(let r) = right else { throw noOperator(left, "op_Addition") }
            let merged = PSHashtable(ordered: l.isOrdered)
            for (k, v) in l.entries { merged[k] = v }
            for (k, v) in r.entries {
                guard merged.add(k, v) else {
                    throw ErrorRecord(message: "Item has already been added. Key in dictionary: '\(Conversion.toString(k))'  Key being added: '\(Conversion.toString(k))'",
                                      errorId: "System.ArgumentException", category: .invalidOperation,
                                      exceptionType: "System.ArgumentException")
                }
            }
            return .hashtable(merged)
        case .date(let d):
            switch right {
            case .timeSpan(let t): return .date(d.addingTimeInterval(t))
            case .int(let ticks): return .date(d.addingTimeInterval(Double(ticks) / 10_000_000))
            default: throw noOperator(left, "op_Addition")
            }
        case .timeSpan(let t):
            switch right {
            case .timeSpan(let u): return .timeSpan(t + u)
            case .date(let d): return .date(d.addingTimeInterval(t))
            default: throw noOperator(left, "op_Addition")
            }
        case .int, .double, .bool:
            return try numeric(.add, left, right)
        default:
            throw noOperator(left, "op_Addition")
        }
    }

    public static func subtract(_ left: Value, _ right: Value) throws -> Value {
        switch left {
        case .date(let d):
            switch right {
            case .date(let e): return .timeSpan(d.timeIntervalSince(e))
            case .timeSpan(let t): return .date(d.addingTimeInterval(-t))
            default: throw noOperator(left, "op_Subtraction")
            }
        case .timeSpan(let t):
            guard case .timeSpan(let u) = right else { throw noOperator(left, "op_Subtraction") }
            return .timeSpan(t - u)
        case .null, .int, .double, .bool, .string:
            return try numeric(.subtract, left, right)
        default:
            throw noOperator(left, "op_Subtraction")
        }
    }

    public static func multiply(_ left: Value, _ right: Value) throws -> Value {
        switch left {
        case .string(let s):
            let n = try Conversion.toInt(right)
            guard n >= 0 else { throw argumentOutOfRange() }
            return .string(String(repeating: s, count: n))
        case .array(let a):
            let n = try Conversion.toInt(right)
            guard n >= 0 else { throw argumentOutOfRange() }
            var out: [Value] = []
            out.reserveCapacity(a.items.count * n)
            for _ in 0..<n { out += a.items }
            return .list(out)
        case .null, .int, .double, .bool:
            return try numeric(.multiply, left, right)
        default:
            throw noOperator(left, "op_Multiply")
        }
    }

    /// Arithmetic on two numbers; strings are parsed (converted to the left operand's type).
    static func numeric(_ op: Op, _ left: Value, _ right: Value) throws -> Value {
        let l = try operand(left, other: right)
        let r = try operand(right, other: left)
        if case .int(let a) = l, case .int(let b) = r {
            switch op {
            case .add:
                let (v, o) = a.addingReportingOverflow(b)
                return o ? .double(Double(a) + Double(b)) : .int(v)
            case .subtract:
                let (v, o) = a.subtractingReportingOverflow(b)
                return o ? .double(Double(a) - Double(b)) : .int(v)
            case .multiply:
                let (v, o) = a.multipliedReportingOverflow(by: b)
                return o ? .double(Double(a) * Double(b)) : .int(v)
            case .divide:
                guard b != 0 else { throw divideByZero() }
                if a % b == 0 && !(a == Int.min && b == -1) { return .int(a / b) }
                return .double(Double(a) / Double(b))
            case .remainder:
                guard b != 0 else { throw divideByZero() }
                return .int(a % b)
            }
        }
        let a = double(l), b = double(r)
        switch op {
        case .add: return .double(a + b)
        case .subtract: return .double(a - b)
        case .multiply: return .double(a * b)
        case .divide:
            if b == 0 { throw divideByZero() }
            return .double(a / b)
        case .remainder:
            if b == 0 { throw divideByZero() }
            return .double(a.truncatingRemainder(dividingBy: b))
        }
    }

    private static func double(_ v: Value) -> Double {
        switch v { case .int(let i): return Double(i); case .double(let d): return d; default: return 0 }
    }

    /// A number for arithmetic; the error names the other operand's type, as pwsh converts to it.
    private static func operand(_ v: Value, other: Value) throws -> Value {
        do { return try Conversion.toNumber(v) } catch {
            let target: PSType = other.isDouble ? .double : .int
            if case .string(let s) = v {
                throw Conversion.castError(v, to: target, reason: NumberFormatting.formatErrorText(s))
            }
            throw Conversion.castError(v, to: target, reason: nil)
        }
    }

    /// Unary minus.
    public static func negate(_ v: Value) throws -> Value {
        switch try Conversion.toNumber(v) {
        case .int(let i): return i == Int.min ? .double(-Double(i)) : .int(-i)
        case .double(let d): return .double(-d)
        default: return .int(0)
        }
    }

    public enum BitOp: Sendable { case and, or, xor, shiftLeft, shiftRight }

    public static func bitwise(_ op: BitOp, _ left: Value, _ right: Value) throws -> Value {
        let a = try Conversion.toInt(left), b = try Conversion.toInt(right)
        switch op {
        case .and: return .int(a & b)
        case .or: return .int(a | b)
        case .xor: return .int(a ^ b)
        case .shiftLeft: return .int(a << b)
        case .shiftRight: return .int(a >> b)
        }
    }

    public static func bitwiseNot(_ v: Value) throws -> Value {
        let a = try Conversion.toInt(v)
        return .int(Int32(exactly: a) != nil ? Int(~Int32(a)) : ~a)
    }

    /// `a..b`: the bounds of an inclusive integer range (single-character strings give
    /// character ranges, which the caller maps back with `rangeCharacters`).
    public static func rangeBounds(_ left: Value, _ right: Value) throws -> (Int, Int, isCharacter: Bool) {
        if case .string(let l) = left, case .string(let r) = right, l.count == 1, r.count == 1,
           NumberFormatting.parse(l) == nil || NumberFormatting.parse(r) == nil,
           let a = l.unicodeScalars.first, let b = r.unicodeScalars.first {
            return (Int(a.value), Int(b.value), true)
        }
        return (try rangeBound(left), try rangeBound(right), false)
    }

    private static func rangeBound(_ v: Value) throws -> Int {
        guard case .int(let i) = try Conversion.convert(v, to: .int) else { return 0 }
        return i
    }

    /// The values of a range, materialized (callers that stream iterate the bounds instead).
    public static func range(_ left: Value, _ right: Value) throws -> [Value] {
        let (a, b, isChar) = try rangeBounds(left, right)
        let seq: [Int] = a <= b ? Array(a...b) : Array(stride(from: a, through: b, by: -1))
        if isChar { return seq.map { .string(String(Character(UnicodeScalar(UInt32($0))!))) } }
        return seq.map { .int($0) }
    }

    static func divideByZero() -> ErrorRecord {
        ErrorRecord(message: "Attempted to divide by zero.", errorId: "RuntimeException", category: .notSpecified,
                    exceptionType: "System.DivideByZeroException")
    }

    static func argumentOutOfRange() -> ErrorRecord {
        ErrorRecord(message: "Specified argument was out of the range of valid values.", errorId: "RuntimeException",
                    category: .invalidArgument, exceptionType: "System.ArgumentOutOfRangeException")
    }

    /// `Method invocation failed because [T] does not contain a method named 'op_Addition'.`
    public static func noOperator(_ left: Value, _ method: String) -> ErrorRecord {
        ErrorRecord(message: "Method invocation failed because [\(Conversion.typeName(of: left))] does not contain a method named '\(method)'.",
                    errorId: "MethodNotFound", category: .invalidOperation, targetObject: left)
    }
}
