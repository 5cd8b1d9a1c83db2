/// The `-word` operators, spelled without dash; `c`/`i` prefixed forms map to the same operator.
public struct DashOperator: Sendable {
    public let name: String
    public let binary: BinaryOperator?
    public let unary: UnaryOperator?
    public let caseSensitive: Bool

    /// Every spelling pwsh accepts (lower case), in a fixed order: `Token.aux` indexes this table.
    public static let all: [DashOperator] = build()

    private static func build() -> [DashOperator] {
        var table: [DashOperator] = []
        let comparison: [BinaryOperator] = [.eq, .ne, .gt, .ge, .lt, .le, .like, .notlike, .match, .notmatch,
                                            .contains, .notcontains, .in, .notin, .replace, .is, .isnot, .as]
        for op in comparison {
            table.append(DashOperator(name: op.rawValue, binary: op, unary: nil, caseSensitive: false))
            if op != .is && op != .isnot && op != .as {
                table.append(DashOperator(name: "i" + op.rawValue, binary: op, unary: nil, caseSensitive: false))
                table.append(DashOperator(name: "c" + op.rawValue, binary: op, unary: nil, caseSensitive: true))
            }
        }
        table.append(DashOperator(name: "split", binary: .split, unary: .split, caseSensitive: false))
        table.append(DashOperator(name: "isplit", binary: .split, unary: .split, caseSensitive: false))
        table.append(DashOperator(name: "csplit", binary: .split, unary: .split, caseSensitive: true))
        table.append(DashOperator(name: "join", binary: .join, unary: .join, caseSensitive: false))
        for op in [BinaryOperator.and, .or, .xor, .band, .bor, .bxor, .shl, .shr] {
            table.append(DashOperator(name: op.rawValue, binary: op, unary: nil, caseSensitive: false))
        }
        table.append(DashOperator(name: "f", binary: .format, unary: nil, caseSensitive: false))
        table.append(DashOperator(name: "not", binary: nil, unary: .not, caseSensitive: false))
        table.append(DashOperator(name: "bnot", binary: nil, unary: .bnot, caseSensitive: false))
        return table
    }

    /// Finds the operator spelled by the lower-cased ASCII bytes, if any.
    static func lookup(_ lowered: ArraySlice<UInt8>) -> Int? {
        // Small table: a linear scan over ~70 short names is cheap and allocation-free.
        outer: for (i, op) in all.enumerated() {
            let u = op.name.utf8
            if u.count != lowered.count { continue }
            var j = lowered.startIndex
            for b in u {
                if b != lowered[j] { continue outer }
                j += 1
            }
            return i
        }
        return nil
    }

    /// pwsh's binary precedence (higher binds tighter).
    public static func precedence(_ op: BinaryOperator) -> Int {
        switch op {
        case .and, .or, .xor: return 1
        case .band, .bor, .bxor: return 2
        case .plus, .minus: return 9
        case .multiply, .divide, .remainder: return 10
        case .format: return 12
        case .range: return 13
        default: return 5
        }
    }
}
