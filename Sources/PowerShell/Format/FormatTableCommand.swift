/// Format-Table: objects as a table (`-Property`, `-AutoSize`, `-Wrap`, `-HideTableHeaders`).
final class FormatTableCommand: FormatCommandBase {
    private var labels: [String]?

    static let declaration = CommandDeclaration(
        name: "Format-Table",
        synopsis: "Formats the output as a table.",
        description: "Shows each object as a row. Without -Property the type's table view is used, or the first ten properties. Columns are sized from the first rows (all rows with -AutoSize); longer values end in an ellipsis unless -Wrap is given.",
        parameters: [
            FormatInput.property("Properties (names, wildcards or calculated @{Name=...;Expression={...}}) to show as columns."),
            ParameterDeclaration("AutoSize", .switchParameter, help: "Sizes the columns from every row."),
            ParameterDeclaration("Wrap", .switchParameter, help: "Continues long values on the following lines instead of truncating them."),
            ParameterDeclaration("HideTableHeaders", .switchParameter, help: "Omits the column headers."),
            FormatInput.inputObject,
        ],
        examples: [CommandExample("Get-MigrationUser | Format-Table Identity,Status -AutoSize", "Shows two columns sized to their content.")],
        outputTypes: [FormatRecord.startType],
        make: { FormatTableCommand() })

    override func format(scalar v: Value, _ context: CommandContext) throws {
        if selector.isEmpty {
            try row([(TableColumnSpec(label: "", alignment: .left), v)], hide: true, context)
        } else {
            try row(try selector.resolve(scalar: v, context: context).map {
                (TableColumnSpec(label: $0.label, width: $0.width, alignment: $0.alignment ?? Self.alignment($0.value)), $0.value)
            }, hide: false, context)
        }
    }

    override func format(object o: PSObject, _ context: CommandContext) throws {
        try row(columns(for: o, context), hide: false, context)
    }

    private func columns(for o: PSObject, _ context: CommandContext) throws -> [(TableColumnSpec, Value)] {
        if selector.isEmpty {
            // Objects of one type follow each other: look their view up once.
            if viewTypeNames != o.typeNames {
                viewTypeNames = o.typeNames
                cachedView = FormatViews.tableView(typeNames: o.typeNames)
            }
            if let view = cachedView {
                return view.map { c in
                    let v = c.value.evaluate(on: o)
                    return (TableColumnSpec(label: c.label, width: c.width, alignment: c.alignment ?? Self.alignment(v)), v)
                }
            }
            return o.properties.prefix(10).map { (TableColumnSpec(label: $0.name, alignment: Self.alignment($0.value)), $0.value) }
        }
        return try selector.resolve(on: o, keepMissing: true, context: context).map {
            (TableColumnSpec(label: $0.label, width: $0.width, alignment: $0.alignment ?? Self.alignment($0.value)), $0.value)
        }
    }

    private var viewTypeNames: [String]?
    private var cachedView: [TableViewColumn]?

    private static func alignment(_ v: Value) -> ColumnAlignment { DisplayText.isRightAligned(v) ? .right : .left }

    /// The first object fixes the columns; later objects fill them by label.
    private func row(_ cols: [(TableColumnSpec, Value)], hide: Bool, _ context: CommandContext) throws {
        if labels == nil {
            labels = cols.map { $0.0.label }
            started = true
            FormatInput.write(.tableStart(TableHeader(
                columns: cols.map { $0.0 },
                hideHeaders: hide || context.parameters.isSet("HideTableHeaders"),
                wrap: context.parameters.isSet("Wrap"),
                autoSize: context.parameters.isSet("AutoSize"))), context)
        }
        let labels = labels ?? []
        let cells: [String]
        if cols.count == labels.count, zip(cols, labels).allSatisfy({ $0.0.0.label == $0.1 }) {
            // The usual case: the same columns as the first object, in the same order.
            cells = cols.map { DisplayText.cell($0.1, enumerationLimit: limit, table: true) }
        } else {
            var byLabel: [String: Value] = [:]
            for (spec, v) in cols where byLabel[spec.label.lowercased()] == nil { byLabel[spec.label.lowercased()] = v }
            cells = labels.map { DisplayText.cell(byLabel[$0.lowercased()] ?? .null, enumerationLimit: limit, table: true) }
        }
        FormatInput.write(.tableRow(cells), context)
    }
}
