import Foundation

/// Get-Variable, Set-Variable, New-Variable, Remove-Variable, Clear-Variable.
enum VariableCommands {
    static let variableType = "System.Management.Automation.PSVariable"
    static let registerView: Void = {
        FormatViews.register(typeName: variableType, view: .table([TableViewColumn("Name"), TableViewColumn("Value")]))
    }()

    static func variableObject(_ name: String, _ value: Value) -> Value {
        let o = PSObject(typeNames: [variableType, "System.Object"], properties: [("Name", .string(name)), ("Value", value)])
        o.toStringValue = name
        return .object(o)
    }

    static func notFound(_ name: String, _ context: CommandContext) -> ErrorRecord {
        Builtin.error(context, "Cannot find a variable with the name '\(name)'.", id: "VariableNotFound", category: .objectNotFound,
                      target: .string(name), exception: "System.Management.Automation.ItemNotFoundException")
    }

    static let scopeParameter = Builtin.param("Scope", .string, help: "Accepted for compatibility (Global, Script, Local).")

    static let declarations: [CommandDeclaration] = [
        CommandDeclaration(
            name: "Get-Variable", synopsis: "Gets the variables in the current console.",
            description: "Writes the variables whose names match (wildcards allowed), or their values with -ValueOnly.",
            parameters: [Builtin.param("Name", .array(.string), position: 0, byName: true, help: "Variable names or wildcard patterns."),
                         Builtin.param("ValueOnly", .switchParameter, help: "Writes the values instead of variable objects."),
                         Builtin.param("Exclude", .array(.string), help: "Names to leave out."),
                         Builtin.param("Include", .array(.string), help: "Names to keep."), scopeParameter],
            examples: [CommandExample("Get-Variable batch*", "Variables whose names start with batch."),
                       CommandExample("Get-Variable ErrorActionPreference -ValueOnly", "One value.")],
            outputTypes: [variableType],
            make: { VariableCommand(.get) }),
        CommandDeclaration(
            name: "Set-Variable", synopsis: "Sets the value of a variable, creating it when needed.",
            description: "Assigns the value (or the pipeline input) to the variable.",
            parameters: [Builtin.param("Name", .array(.string), position: 0, mandatory: true, byName: true, help: "The variable name."),
                         Builtin.param("Value", .object, position: 1, pipeline: true, byName: true, help: "The value."),
                         Builtin.param("PassThru", .switchParameter, help: "Writes the variable."),
                         Builtin.param("Option", .string, help: "Accepted for compatibility."),
                         Builtin.param("Description", .string, help: "Accepted for compatibility."), scopeParameter],
            examples: [CommandExample("Set-Variable -Name batch -Value 'IMAPBatch1'", "Same as $batch = 'IMAPBatch1'.")],
            make: { VariableCommand(.set) }),
        CommandDeclaration(
            name: "New-Variable", synopsis: "Creates a new variable.",
            description: "Creates the variable; fails when it already exists unless -Force.",
            parameters: [Builtin.param("Name", .string, position: 0, mandatory: true, byName: true, help: "The variable name."),
                         Builtin.param("Value", .object, position: 1, pipeline: true, byName: true, help: "The value."),
                         Builtin.param("Force", .switchParameter, help: "Replaces an existing variable."),
                         Builtin.param("PassThru", .switchParameter, help: "Writes the variable."),
                         Builtin.param("Option", .string, help: "Accepted for compatibility."),
                         Builtin.param("Description", .string, help: "Accepted for compatibility."), scopeParameter],
            examples: [CommandExample("New-Variable -Name total -Value 0", "Creates $total.")],
            make: { VariableCommand(.new) }),
        CommandDeclaration(
            name: "Remove-Variable", synopsis: "Deletes a variable and its value.",
            description: "Removes the variables.",
            parameters: [Builtin.param("Name", .array(.string), position: 0, mandatory: true, byName: true, help: "The variable names."),
                         Builtin.param("Force", .switchParameter, help: "Accepted for compatibility."), scopeParameter],
            examples: [CommandExample("Remove-Variable batch", "Deletes $batch.")],
            make: { VariableCommand(.remove) }),
        CommandDeclaration(
            name: "Clear-Variable", synopsis: "Deletes the value of a variable.",
            description: "Sets the variables to $null.",
            parameters: [Builtin.param("Name", .array(.string), position: 0, mandatory: true, byName: true, help: "The variable names."),
                         Builtin.param("PassThru", .switchParameter, help: "Writes the variables."), scopeParameter],
            examples: [CommandExample("Clear-Variable batch", "Sets $batch to $null.")],
            make: { VariableCommand(.clear) }),
    ]
}

final class VariableCommand: Cmdlet {
    enum Mode { case get, set, new, remove, clear }
    let mode: Mode
    init(_ mode: Mode) { self.mode = mode }

    func process(_ context: CommandContext) throws {
        _ = VariableCommands.registerView
        let p = context.parameters
        let session = context.session
        let names = Builtin.strings(p["Name"])
        switch mode {
        case .get:
            let include = Builtin.strings(p["Include"]).map { WildcardPattern($0) }
            let exclude = Builtin.strings(p["Exclude"]).map { WildcardPattern($0) }
            for name in names.isEmpty ? ["*"] : names {
                var matched: [String]
                if WildcardPattern.containsWildcard(name) {
                    let pattern = WildcardPattern(name)
                    matched = session.variableNames.filter { pattern.matches($0) }.sorted { $0.lowercased() < $1.lowercased() }
                } else {
                    guard session.variable(name) != nil || session.variableNames.contains(where: { $0.lowercased() == name.lowercased() }) else {
                        context.writeError(VariableCommands.notFound(name, context)); continue
                    }
                    matched = [name]
                }
                matched = matched.filter { n in (include.isEmpty || include.contains { $0.matches(n) }) && !exclude.contains { $0.matches(n) } }
                for n in matched {
                    let value = session.variable(n) ?? .null
                    context.write(p.isSet("ValueOnly") ? value : VariableCommands.variableObject(n, value))
                }
            }
        case .set, .new:
            let value = p["Value"] ?? .null
            for name in names {
                if mode == .new, !p.isSet("Force"), session.variable(name) != nil {
                    context.writeError(Builtin.error(context, "A variable with name '\(name)' already exists.", id: "VariableAlreadyExists",
                                                     category: .resourceExists, target: .string(name),
                                                     exception: "System.Management.Automation.SessionStateUnauthorizedAccessException"))
                    continue
                }
                session.setVariable(name, value)
                if p.isSet("PassThru") { context.write(VariableCommands.variableObject(name, value)) }
            }
        case .remove:
            for name in names where !session.removeVariable(name) {
                if session.variable(name) != nil { session.setVariable(name, .null) } else { context.writeError(VariableCommands.notFound(name, context)) }
            }
        case .clear:
            for name in names {
                session.setVariable(name, .null)
                if p.isSet("PassThru") { context.write(VariableCommands.variableObject(name, .null)) }
            }
        }
    }
}
