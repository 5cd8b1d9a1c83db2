import Foundation
import PowerShell

/// Reads bound parameter values in the shapes the migration cmdlets need. The binder has
/// already converted them to the declared types; these cover the few loose ends
/// (identity objects, Unlimited, string lists).
enum MigrationValues {
    /// An identity given as a string, or as an object carrying it (a piped batch, endpoint or user).
    static func identity(_ v: Value) -> String? {
        switch v {
        case .null: return nil
        case .string(let s): return s.trimmingCharacters(in: .whitespaces)
        case .object(let o):
            if let id = o["Identity"], let s = identity(id) { return s }
            return o.toStringValue
        case .guid(let g): return g.uuidString.lowercased()
        case .array(let a) where a.items.count == 1: return identity(a.items[0])
        case .int(let n): return String(n)
        default: return nil
        }
    }

    static func strings(_ v: Value?) -> [String]? {
        guard let v else { return nil }
        switch v {
        case .null: return []
        case .array(let a): return a.items.compactMap { identity($0) }
        default: return identity(v).map { [$0] }
        }
    }

    static func date(_ v: Value?) -> Date? {
        if case .date(let d)? = v { return d }
        return nil
    }

    static func seconds(_ v: Value?) -> TimeInterval? {
        switch v {
        case .timeSpan(let s)?: return s
        case .int(let n)?: return TimeInterval(n)
        default: return nil
        }
    }

    static func bool(_ v: Value?) -> Bool? {
        if case .bool(let b)? = v { return b }
        return nil
    }

    static func int(_ v: Value?) -> Int? {
        switch v {
        case .int(let n)?: return n
        case .double(let d)?: return Int(d)
        default: return nil
        }
    }

    static func bytes(_ v: Value?) -> [UInt8]? {
        switch v {
        case .bytes(let b)?: return b.bytes
        case .array(let a)?:
            var out: [UInt8] = []
            out.reserveCapacity(a.items.count)
            for item in a.items {
                guard case .int(let n) = item, (0...255).contains(n) else { return nil }
                out.append(UInt8(n))
            }
            return out
        default: return nil
        }
    }

    /// An `Unlimited<int>` parameter: nil when not given, `.some(nil)` for Unlimited.
    static func unlimited(_ context: CommandContext, _ name: String) throws -> Int?? {
        guard let v = context.parameters[name] else { return nil }
        switch try UnlimitedValue.parse(v, parameter: name, command: context.commandName) {
        case .unlimited: return .some(nil)
        case .limited(let n): return .some(n)
        }
    }
}
