import Foundation
import PowerShell

/// Exchange's `Unlimited<int>` parameters (-ResultSize, -MaxConcurrentMigrations, -BadItemLimit):
/// a non-negative number, or the word Unlimited in any case.
enum UnlimitedValue: Equatable {
    case limited(Int)
    case unlimited

    static func parse(_ value: Value, parameter: String, command: String) throws -> UnlimitedValue {
        switch value {
        case .int(let n) where n >= 0: return .limited(n)
        case .double(let d) where d >= 0 && d == d.rounded() && d <= Double(Int32.max): return .limited(Int(d))
        case .string(let s):
            let t = s.trimmingCharacters(in: .whitespaces)
            if t.caseInsensitiveCompare("Unlimited") == .orderedSame { return .unlimited }
            if let n = Int(t), n >= 0 { return .limited(n) }
        case .object(let o) where o.toStringValue != nil:
            return try parse(.string(o.toStringValue!), parameter: parameter, command: command)
        default: break
        }
        throw MigrationErrors.cannotConvert(value, parameter: parameter, typeName: "Unlimited", command: command)
    }

    /// The limit as a count, with `unlimited` mapped to `unlimitedCount`.
    func count(unlimitedCount: Int) -> Int {
        switch self { case .limited(let n): return n; case .unlimited: return unlimitedCount }
    }
}
