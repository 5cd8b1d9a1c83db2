/// Binary operators, by PowerShell name (`-eq` is `.eq`); `c`/`i` prefixes are a flag on the node.
public enum BinaryOperator: String, Sendable, CaseIterable {
    // Logical and bitwise
    case and, or, xor, band, bor, bxor, shl, shr
    // Comparison
    case eq, ne, gt, ge, lt, le, like, notlike, match, notmatch
    case contains, notcontains, `in`, notin, replace, split, join
    case `is`, isnot, `as`
    // Arithmetic and others
    case plus = "+", minus = "-", multiply = "*", divide = "/", remainder = "%"
    case format = "f", range = ".."

    /// How pwsh spells it in source (without the case prefix).
    public var text: String {
        switch self {
        case .plus, .minus, .multiply, .divide, .remainder, .range: return rawValue
        default: return "-" + rawValue
        }
    }
}

public enum UnaryOperator: String, Sendable, CaseIterable {
    case not = "-not"
    case negate = "-"
    case plus = "+"
    case bnot = "-bnot"
    case join = "-join"
    case split = "-split"
    case preIncrement = "++"
    case preDecrement = "--"
    case postIncrement = "post++"
    case postDecrement = "post--"
}

public enum AssignmentOperator: String, Sendable, CaseIterable {
    case assign = "="
    case plusAssign = "+="
    case minusAssign = "-="
    case multiplyAssign = "*="
    case divideAssign = "/="
    case remainderAssign = "%="
}
