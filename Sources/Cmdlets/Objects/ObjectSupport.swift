import Foundation
import PowerShell

/// Small helpers shared by the object builders.
enum ObjectSupport {
    /// Exchange stamps every object with the id of the runspace that produced it; migsh has one
    /// runspace per process.
    static let runspaceId = UUID()

    static func date(_ d: Date?) -> Value { d.map { .date($0) } ?? .null }
    static func text(_ s: String?) -> Value { s.map { .string($0) } ?? .null }
    static func list(_ items: [String]) -> Value { .list(items.map { .string($0) }) }

    /// Exchange prints an `Unlimited<int>` as the number or the word Unlimited.
    static func unlimited(_ n: Int?) -> Value { n.map { .int($0) } ?? .string("Unlimited") }

    static func object(_ typeName: String, base: [String] = [], identity: String?,
                       _ properties: [(String, Value)]) -> PSObject {
        let o = PSObject(typeNames: MigrationTypeNames.chain(typeName, base: base), properties: properties)
        o.toStringValue = identity
        return o
    }
}
