import Foundation

/// The keys Sort-Object and Group-Object compute per object: property names or script blocks,
/// plain or in a hashtable (`@{Expression=...; Descending=$true}`).
struct SortKey {
    let expression: Value?          // nil: the object itself
    let descending: Bool?

    static func parse(_ property: Value?, commandName: String) throws -> [SortKey] {
        let items = Builtin.items(property)
        if items.isEmpty { return [SortKey(expression: nil, descending: nil)] }
        return try items.map { item in
            guard case .hashtable(let h) = item else { return SortKey(expression: item, descending: nil) }
            var expression: Value?
            var descending: Bool?
            for (k, v) in h.entries {
                let key = Conversion.toString(k).lowercased()
                if !key.isEmpty && "expression".hasPrefix(key) { expression = v }
                else if !key.isEmpty && "descending".hasPrefix(key) { descending = Conversion.toBool(v) }
                else if !key.isEmpty && "ascending".hasPrefix(key) { descending = !Conversion.toBool(v) }
                else {
                    throw ErrorRecord(message: "The \(Conversion.toString(k)) key is not valid.", errorId: "DictionaryKeyIllegal",
                                      category: .invalidArgument, commandName: commandName)
                }
            }
            guard let expression else {
                throw ErrorRecord(message: "The Expression key is missing.", errorId: "DictionaryKeyMissing",
                                  category: .invalidArgument, commandName: commandName)
            }
            return SortKey(expression: expression, descending: descending)
        }
    }

    func value(for object: Value, _ context: CommandContext) throws -> Value {
        guard let expression else { return object }
        return try Builtin.evaluate(expression, on: object, context)
    }

    /// Ordering of two key values; values that cannot be compared order by their text.
    static func compare(_ a: Value, _ b: Value, caseSensitive: Bool) -> Int {
        if let r = try? Comparison.compare(a, b, caseSensitive: caseSensitive) { return r }
        return Comparison.compareStrings(Conversion.toString(a), Conversion.toString(b), caseSensitive: caseSensitive)
    }
}
