/// Format-Table: objects as a table (`-Property`, `-AutoSize`, `-Wrap`, `-HideTableHeaders`).
final class FormatTableCommand: Cmdlet {
    private var selector: PropertySelector!
    private var labels: [String]?
    private var started = false
    private var limit = DisplayText.defaultEnumerationLimit

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

    func begin(_ context: CommandContext) throws {
        selector = try PropertySelector(context.parameters["Property"])
        limit = FormatInput.enumerationLimit(context)
    }

    func process(_ context: CommandContext) throws {
        guard let input = FormatInput.current(context) else { return }
        for unit in FormatInput.units(input) {
            switch unit {
            case .record(let items): items.forEach { FormatInput.write($0, context) }
            case .scalar(let v) where !selector.isEmpty:
                try row(try selector.resolve(scalar: v, context: context).map {
                    (TableColumnSpec(label: $0.label, width: $0.width, alignment: $0.alignment ?? Self.alignment($0.value)), $0.value)
                }, hide: false, context)
            case .scalar(let v): try row([(TableColumnSpec(label: "", alignment: .left), v)], hide: true, context)
            case .object(let o): try row(columns(for: o, context), hide: false, context)
            }
        }
    }

    func end(_ context: CommandContext) throws {
        if started { FormatInput.write(.end, context) }
    }

    private func columns(for o: PSObject, _ context: CommandContext) throws -> [(TableColumnSpec, Value)] {
        if selector.isEmpty {
            if let view = FormatViews.tableView(typeNames: o.typeNames) {
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
        var byLabel: [String: Value] = [:]
        for (spec, v) in cols where byLabel[spec.label.lowercased()] == nil { byLabel[spec.label.lowercased()] = v }
        let cells = (labels ?? []).map { DisplayText.cell(byLabel[$0.lowercased()] ?? .null, enumerationLimit: limit, table: true) }
        FormatInput.write(.tableRow(cells), context)
    }
}

/// Format-List: each object as `Label : value` lines (`-Property` with wildcards and calculated properties).
final class FormatListCommand: Cmdlet {
    private var selector: PropertySelector!
    private var started = false
    private var limit = DisplayText.defaultEnumerationLimit

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

    func begin(_ context: CommandContext) throws {
        selector = try PropertySelector(context.parameters["Property"])
        limit = FormatInput.enumerationLimit(context)
    }

    func process(_ context: CommandContext) throws {
        guard let input = FormatInput.current(context) else { return }
        for unit in FormatInput.units(input) {
            switch unit {
            case .record(let items): items.forEach { FormatInput.write($0, context) }
            case .scalar(let v) where !selector.isEmpty:
                started = true
                FormatInput.write(.listEntry(try selector.resolve(scalar: v, context: context).map {
                    ListLine($0.label, DisplayText.cell($0.value, enumerationLimit: limit))
                }), context)
            case .scalar(let v):
                started = true
                FormatInput.write(.line(DisplayText.line(v)), context)
            case .object(let o):
                // An object with none of the asked-for properties shows nothing at all.
                let entry = try lines(for: o, context)
                if entry.isEmpty { continue }
                started = true
                FormatInput.write(.listEntry(entry), context)
            }
        }
    }

    func end(_ context: CommandContext) throws {
        if started { FormatInput.write(.end, context) }
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

/// Format-Wide: one property of each object, in columns across the screen.
final class FormatWideCommand: Cmdlet {
    private var started = false

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

    func process(_ context: CommandContext) throws {
        guard let input = FormatInput.current(context) else { return }
        let selector = try PropertySelector(context.parameters["Property"])
        for unit in FormatInput.units(input) {
            var text: String
            switch unit {
            case .record(let items): items.forEach { FormatInput.write($0, context) }; continue
            case .scalar(let v): text = DisplayText.cell(v)
            case .object(let o):
                if selector.isEmpty {
                    let first = FormatViews.tableView(typeNames: o.typeNames)?.first?.value.evaluate(on: o)
                        ?? o.properties.first?.value ?? .null
                    text = DisplayText.cell(first)
                } else {
                    text = DisplayText.cell(try selector.resolve(on: o, keepMissing: true, context: context).first?.value ?? .null)
                }
            }
            if !started {
                started = true
                var columns: Int? = 2
                if case .int(let n)? = context.parameters["Column"] { columns = n } else if context.parameters.isSet("AutoSize") { columns = nil }
                FormatInput.write(.wideStart(columns: columns), context)
            }
            FormatInput.write(.wideEntry(text), context)
        }
    }

    func end(_ context: CommandContext) throws {
        if started { FormatInput.write(.end, context) }
    }
}
