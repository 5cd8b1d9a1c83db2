import Foundation

/// Sort-Object: a stable sort by one or more keys, case-insensitive unless -CaseSensitive.
final class SortObjectCommand: Cmdlet {
    static let declaration = CommandDeclaration(
        name: "Sort-Object", synopsis: "Sorts objects by property values.",
        description: "Collects the input and writes it sorted by the given properties or script blocks (each may be @{Expression=...; Descending=$true}). Equal objects keep their input order. Strings compare case-insensitively unless -CaseSensitive is given.",
        parameters: [
            Builtin.inputObject,
            Builtin.param("Property", .array(.object), position: 0, help: "The properties or script blocks to sort by."),
            Builtin.param("Descending", .switchParameter, help: "Sorts from largest to smallest."),
            Builtin.param("Unique", .switchParameter, help: "Writes only one of each group of equal objects."),
            Builtin.param("CaseSensitive", .switchParameter, help: "Sorts upper and lower case apart."),
            Builtin.param("Stable", .switchParameter, help: "Keeps the input order of equal objects (always the case here)."),
            Builtin.param("Top", .int, help: "Writes only this many objects from the start of the sorted list."),
            Builtin.param("Bottom", .int, help: "Writes only this many objects from the end of the sorted list."),
            Builtin.param("Culture", .string, help: "Accepted for compatibility; sorting uses the invariant culture."),
        ],
        examples: [
            CommandExample("Get-MigrationUser | Sort-Object Status, Identity", "Sorts by status, then identity."),
            CommandExample("Get-ChildItem | Sort-Object Length -Descending", "Largest files first."),
            CommandExample("'b','a','B' | Sort-Object -Unique", "Writes a and b."),
        ],
        make: { SortObjectCommand() })

    private var items: [Value] = []

    func process(_ context: CommandContext) throws {
        if let v = Builtin.input(context) { items.append(v) }
    }

    func end(_ context: CommandContext) throws {
        let p = context.parameters
        let keys = try SortKey.parse(p["Property"], commandName: context.commandName)
        let descending = p.isSet("Descending")
        let cs = p.isSet("CaseSensitive")
        let keyed = try items.enumerated().map { (i, v) in (i, v, try keys.map { try $0.value(for: v, context) }) }
        func order(_ a: (Int, Value, [Value]), _ b: (Int, Value, [Value])) -> Int {
            for (k, key) in keys.enumerated() {
                var r = SortKey.compare(a.2[k], b.2[k], caseSensitive: cs)
                if key.descending ?? descending { r = -r }
                if r != 0 { return r }
            }
            return 0
        }
        var sorted = keyed.sorted { a, b in
            let r = order(a, b)
            return r != 0 ? r < 0 : a.0 < b.0
        }
        if p.isSet("Unique") {
            var kept: [(Int, Value, [Value])] = []
            for item in sorted where kept.last.map({ order($0, item) != 0 }) ?? true { kept.append(item) }
            sorted = kept
        }
        var out = sorted.map(\.1)
        if let top = Builtin.int(context, "Top") { out = Array(out.prefix(top)) }
        if let bottom = Builtin.int(context, "Bottom") { out = Array(out.suffix(bottom)) }
        for v in out { context.write(v) }
    }
}
