/// Format-List: each object as `Label : value` lines (`-Property` with wildcards and calculated properties).
final class FormatListCommand: FormatCommandBase {

    static let declaration = CommandDeclaration(
        name: "Format-List",
        synopsis: "Formats the output as a list of properties, one per line.",
        description: "Shows each property of each object on its own line as 'Name : Value'. -Property selects and orders properties and accepts wildcards such as Max* or *.",
        parameters: [
            FormatInput.property("Properties (names, wildcards or calculated @{Name=...;Expression={...}}) to show."),
            FormatInput.inputObject,
        ],
        examples: [CommandExample("Get-MigrationBatch IMAPBatch1 | Format-List Status,Max*", "Shows the status and every property whose name starts with Max.")],
        outputTypes: [FormatRecord.startType],
        make: { FormatListCommand() })

    override func format(scalar v: Value, _ context: CommandContext) throws {
        open(context)
        if selector.isEmpty {
            FormatInput.write(.line(DisplayText.line(v)), context)
        } else {
            FormatInput.write(.listEntry(try selector.resolve(scalar: v, context: context).map {
                ListLine($0.label, DisplayText.cell($0.value, enumerationLimit: limit))
            }), context)
        }
    }

    override func format(object o: PSObject, _ context: CommandContext) throws {
        // An object with none of the asked-for properties shows nothing at all.
        let entry = try lines(for: o, context)
        if entry.isEmpty { return }
        open(context)
        FormatInput.write(.listEntry(entry), context)
    }

    /// The first entry opens the block (FormatStartData, GroupStartData, as pwsh writes them).
    private func open(_ context: CommandContext) {
        if started { return }
        started = true
        FormatInput.write(.listStart, context)
    }

    private func lines(for o: PSObject, _ context: CommandContext) throws -> [ListLine] {
        if selector.isEmpty {
            if let view = FormatViews.listView(typeNames: o.typeNames) {
                return view.map { ListLine($0.label, DisplayText.cell($0.value.evaluate(on: o), enumerationLimit: limit)) }
            }
            return o.properties.map { ListLine($0.name, DisplayText.cell($0.value, enumerationLimit: limit)) }
        }
        return try selector.resolve(on: o, keepMissing: false, context: context).map {
            ListLine($0.label, DisplayText.cell($0.value, enumerationLimit: limit))
        }
    }
}
