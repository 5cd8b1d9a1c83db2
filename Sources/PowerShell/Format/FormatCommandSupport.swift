/// What Format-Table, Format-List and Format-Wide share: reading the session's
/// `$FormatEnumerationLimit`, turning pipeline input into the objects to format,
/// and writing FormatItems as format records.
enum FormatInput {
    static func enumerationLimit(_ context: CommandContext) -> Int {
        switch context.session.variable("FormatEnumerationLimit") {
        case .int(let n)?: return n
        case .double(let d)?: return Int(d)
        default: return DisplayText.defaultEnumerationLimit
        }
    }

    /// The object being processed: pipeline input, else -InputObject.
    static func current(_ context: CommandContext) -> Value? {
        if let v = context.currentInput { return v }
        return context.parameters["InputObject"]
    }

    /// What one input stands for: format records pass through, arrays given with
    /// -InputObject are enumerated, hashtables are shown entry by entry as Name/Value.
    enum Unit {
        case record([FormatItem])
        case object(PSObject)
        case scalar(Value)
    }

    static func units(_ value: Value) -> [Unit] {
        if let items = FormatRecord.decode(value) { return [.record(items)] }
        switch value {
        case .null: return []
        case .array(let a): return a.items.flatMap(units)
        case .hashtable(let h):
            return h.entries.map { .object(PSObject(typeNames: ["System.Collections.DictionaryEntry", "System.Object"],
                                                    properties: [("Name", $0.key), ("Value", $0.value)])) }
        case .object(let o): return [.object(o)]
        default: return [.scalar(value)]
        }
    }

    static func write(_ item: FormatItem, _ context: CommandContext) {
        for record in FormatRecord.encode(item) { context.write(record) }
    }

    static let inputObject = ParameterDeclaration("InputObject", .object, sets: [.all(valueFromPipeline: true)],
                                                  help: "The objects to format.")
    static func property(_ help: String) -> ParameterDeclaration {
        ParameterDeclaration("Property", .array(.object), sets: [.all(position: 0)], help: help)
    }
}

/// What every Format-* command keeps: its -Property selection, the session's
/// `$FormatEnumerationLimit`, and whether it opened a block that `end` must close.
class FormatCommandBase: Cmdlet {
    var selector = PropertySelector.none
    var limit = DisplayText.defaultEnumerationLimit
    var started = false

    func begin(_ context: CommandContext) throws {
        selector = try PropertySelector(context.parameters["Property"])
        limit = FormatInput.enumerationLimit(context)
    }

    /// Passes records already formatted upstream straight on; each scalar and object goes to the
    /// subclass's own layout.
    func process(_ context: CommandContext) throws {
        guard let input = FormatInput.current(context) else { return }
        for unit in FormatInput.units(input) {
            switch unit {
            case .record(let items): items.forEach { FormatInput.write($0, context) }
            case .scalar(let v): try format(scalar: v, context)
            case .object(let o): try format(object: o, context)
            }
        }
    }

    func format(scalar: Value, _ context: CommandContext) throws {}
    func format(object: PSObject, _ context: CommandContext) throws {}

    func end(_ context: CommandContext) throws {
        if started { FormatInput.write(.end, context) }
    }
}
