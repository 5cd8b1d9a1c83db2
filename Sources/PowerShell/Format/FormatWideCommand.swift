/// Format-Wide: one property of each object, in columns across the screen.
final class FormatWideCommand: FormatCommandBase {

    static let declaration = CommandDeclaration(
        name: "Format-Wide",
        synopsis: "Formats objects as a wide table that shows one property of each object.",
        description: "Shows one value per object in columns (two by default). -Column sets the number of columns; -AutoSize fits as many as the widest value allows.",
        parameters: [
            ParameterDeclaration("Property", .object, sets: [.all(position: 0)], help: "The property to show; the first property by default."),
            ParameterDeclaration("Column", .int, help: "The number of columns.", range: 1...Int.max),
            ParameterDeclaration("AutoSize", .switchParameter, help: "Fits as many columns as the widest value allows."),
            FormatInput.inputObject,
        ],
        examples: [CommandExample("Get-ChildItem | Format-Wide Name -Column 3", "Lists file names in three columns.")],
        outputTypes: [FormatRecord.startType],
        make: { FormatWideCommand() })

    override func format(scalar v: Value, _ context: CommandContext) {
        entry(DisplayText.cell(v), context)
    }

    override func format(object o: PSObject, _ context: CommandContext) throws {
        if selector.isEmpty {
            let first = FormatViews.tableView(typeNames: o.typeNames)?.first?.value.evaluate(on: o)
                ?? o.properties.first?.value ?? .null
            entry(DisplayText.cell(first), context)
        } else {
            entry(DisplayText.cell(try selector.resolve(on: o, keepMissing: true, context: context).first?.value ?? .null), context)
        }
    }

    private func entry(_ text: String, _ context: CommandContext) {
        if !started {
            started = true
            var columns: Int? = 2
            if case .int(let n)? = context.parameters["Column"] { columns = n } else if context.parameters.isSet("AutoSize") { columns = nil }
            FormatInput.write(.wideStart(columns: columns), context)
        }
        FormatInput.write(.wideEntry(text), context)
    }
}
