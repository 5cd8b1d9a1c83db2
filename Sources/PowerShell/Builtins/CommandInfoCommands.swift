import Foundation

/// Get-Command and Get-Help, both read from the command declarations in the registry.
enum CommandInfoCommands {
    static let cmdletInfoType = "System.Management.Automation.CmdletInfo"
    static let aliasInfoType = "System.Management.Automation.AliasInfo"

    static let registerViews: Void = {
        let columns = [TableViewColumn("CommandType"), TableViewColumn("Name"), TableViewColumn("Version"), TableViewColumn("Source")]
        FormatViews.register(typeName: cmdletInfoType, view: .table(columns))
        FormatViews.register(typeName: aliasInfoType, view: .table(columns))
    }()

    static func info(_ d: CommandDeclaration) -> Value {
        let o = PSObject(typeNames: [cmdletInfoType, "System.Management.Automation.CommandInfo", "System.Object"], properties: [
            ("CommandType", .string("Cmdlet")), ("Name", .string(d.name)), ("Version", .string("1.0")),
            ("Source", .string("migsh")), ("Definition", .string(CommandSyntax.lines(d).joined(separator: "\n"))),
            ("ParameterSets", .list(CommandSyntax.setNames(d).map { .string($0) })),
            ("Parameters", .list(d.parameters.map { .string($0.name) })),
            ("OutputType", .list(d.outputTypes.map { .string($0) }))])
        o.toStringValue = d.name
        return .object(o)
    }

    static func aliasInfo(_ alias: String, _ target: String) -> Value {
        let o = PSObject(typeNames: [aliasInfoType, "System.Management.Automation.CommandInfo", "System.Object"], properties: [
            ("CommandType", .string("Alias")), ("Name", .string("\(alias) -> \(target)")), ("Version", .string("")),
            ("Source", .string("")), ("Definition", .string(target)), ("ReferencedCommand", .string(target))])
        o.toStringValue = alias
        return .object(o)
    }

    static func notFound(_ name: String, _ context: CommandContext) -> ErrorRecord {
        Builtin.error(context, "The term '\(name)' is not recognized as a name of a cmdlet, function, script file, or executable program.\nCheck the spelling of the name, or if a path was included, verify that the path is correct and try again.",
                      id: "CommandNotFoundException", category: .objectNotFound, target: .string(name),
                      exception: "System.Management.Automation.CommandNotFoundException")
    }

    static let declarations: [CommandDeclaration] = [
        CommandDeclaration(
            name: "Get-Command", synopsis: "Gets all commands.",
            description: "Lists the commands and aliases migsh knows, or those matching -Name (wildcards allowed). -Syntax writes each command's syntax lines.",
            parameters: [ParameterDeclaration("Name", .array(.string), sets: [.all(position: 0, valueFromPipeline: true, valueFromPipelineByPropertyName: true)],
                                              help: "Command names or wildcard patterns.", completion: .provider("CommandName")),
                         Builtin.param("Verb", .array(.string), help: "Commands with these verbs."),
                         Builtin.param("Noun", .array(.string), help: "Commands with these nouns."),
                         Builtin.param("Module", .array(.string), help: "Accepted for compatibility."),
                         Builtin.param("CommandType", .string, aliases: ["Type"], help: "Cmdlet or Alias."),
                         Builtin.param("Syntax", .switchParameter, help: "Writes the syntax lines."),
                         Builtin.param("All", .switchParameter, help: "Accepted for compatibility."),
                         Builtin.param("ListImported", .switchParameter, help: "Accepted for compatibility.")],
            examples: [CommandExample("Get-Command *Migration*", "The migration cmdlets."),
                       CommandExample("Get-Command New-MigrationBatch -Syntax", "Its syntax.")],
            outputTypes: [cmdletInfoType],
            make: { GetCommandCommand() }),
        CommandDeclaration(
            name: "Get-Help", synopsis: "Displays information about PowerShell commands.",
            description: "Shows a command's help, written from its declaration: synopsis, syntax per parameter set, description; -Detailed/-Full add every parameter (type, position, whether required, pipeline input, aliases) and the examples; -Examples shows only the examples; -Parameter shows the named parameters.",
            parameters: [ParameterDeclaration("Name", .string, sets: [.all(position: 0, valueFromPipelineByPropertyName: true)],
                                              help: "The command to describe.", completion: .provider("CommandName")),
                         ParameterDeclaration("Full", .switchParameter, sets: [ParameterSetMembership("AllUsersView")], help: "The whole help."),
                         ParameterDeclaration("Detailed", .switchParameter, sets: [ParameterSetMembership("DetailedView", mandatory: true)], help: "Adds parameters and examples."),
                         ParameterDeclaration("Examples", .switchParameter, sets: [ParameterSetMembership("Examples", mandatory: true)], help: "Only the examples."),
                         ParameterDeclaration("Parameter", .array(.string), sets: [ParameterSetMembership("Parameters", mandatory: true)], help: "Only these parameters."),
                         Builtin.param("Online", .switchParameter, help: "Not available: migsh has no online help."),
                         Builtin.param("Category", .array(.string), help: "Accepted for compatibility.")],
            defaultParameterSet: "AllUsersView",
            examples: [CommandExample("Get-Help New-MigrationBatch -Full", "All of its help."),
                       CommandExample("Get-Help Get-Content -Parameter Encoding", "One parameter.")],
            make: { GetHelpCommand() }),
    ]
}

final class GetCommandCommand: Cmdlet {
    func process(_ context: CommandContext) throws {
        _ = CommandInfoCommands.registerViews
        let p = context.parameters
        let names = Builtin.strings(p["Name"])
        let registry = context.registry
        let verbs = Builtin.strings(p["Verb"]).map { WildcardPattern($0) }
        let nouns = Builtin.strings(p["Noun"]).map { WildcardPattern($0) }
        let wantAliases = p.string("CommandType").map { $0.lowercased() == "alias" || $0.lowercased() == "all" } ?? true
        let wantCmdlets = p.string("CommandType").map { $0.lowercased() != "alias" } ?? true
        func filtered(_ d: CommandDeclaration) -> Bool {
            let parts = d.name.split(separator: "-", maxSplits: 1).map(String.init)
            if !verbs.isEmpty && !verbs.contains(where: { $0.matches(parts[0]) }) { return false }
            if !nouns.isEmpty && !(parts.count > 1 && nouns.contains(where: { $0.matches(parts[1]) })) { return false }
            return true
        }
        var results: [Value] = []
        var syntax: [String] = []
        let patterns = names.isEmpty ? ["*"] : names
        for name in patterns {
            var found = false
            if WildcardPattern.containsWildcard(name) {
                let pattern = WildcardPattern(name)
                if wantCmdlets {
                    for d in registry.declarations.sorted(by: { $0.name.lowercased() < $1.name.lowercased() })
                    where pattern.matches(d.name) && filtered(d) {
                        found = true; results.append(CommandInfoCommands.info(d)); syntax += CommandSyntax.lines(d)
                    }
                }
                if wantAliases && names.count > 0 && verbs.isEmpty && nouns.isEmpty {
                    for a in registry.aliases where pattern.matches(a.alias) { found = true; results.append(CommandInfoCommands.aliasInfo(a.alias, a.target)) }
                }
                continue
            }
            if let target = registry.aliasTarget(name), let d = registry.lookup(target) {
                found = true
                results.append(CommandInfoCommands.aliasInfo(name, d.name)); syntax += CommandSyntax.lines(d)
            } else if let d = registry.lookup(name), filtered(d) {
                found = true
                results.append(CommandInfoCommands.info(d)); syntax += CommandSyntax.lines(d)
            }
            if !found { context.writeError(CommandInfoCommands.notFound(name, context)) }
        }
        if p.isSet("Syntax") {
            // pwsh writes the syntax as one text: a blank line around each parameter set's line.
            if !syntax.isEmpty { context.write(.string("\n" + syntax.joined(separator: "\n\n") + "\n")) }
        } else {
            results.forEach(context.write)
        }
    }
}

final class GetHelpCommand: Cmdlet {
    func process(_ context: CommandContext) throws {
        let p = context.parameters
        guard let name = p.string("Name"), !name.isEmpty else {
            context.write(.string(Self.overview(context.registry)))
            return
        }
        var declarations: [CommandDeclaration] = []
        if let d = context.registry.lookup(name) { declarations = [d] }
        else if WildcardPattern.containsWildcard(name) {
            let pattern = WildcardPattern(name)
            declarations = context.registry.declarations.filter { pattern.matches($0.name) }
        }
        guard !declarations.isEmpty else {
            throw Builtin.error(context, "Get-Help could not find \(name) in a help file in this session. To download updated help topics type: \"Update-Help\". To get help online, search for the help topic in the TechNet library at https:/go.microsoft.com/fwlink/?LinkID=107116.",
                                id: "HelpNotFound", category: .resourceUnavailable, target: .string(name),
                                exception: "Microsoft.PowerShell.Commands.HelpNotFoundException")
        }
        if declarations.count > 1 {
            for d in declarations { context.write(.string("\(d.name.padding(toLength: max(d.name.count, 40), withPad: " ", startingAt: 0)) \(d.synopsis)")) }
            return
        }
        let view: HelpText.View
        if p.isBound("Parameter") { view = .parameter(Builtin.strings(p["Parameter"])) }
        else if p.isSet("Examples") { view = .examples }
        else if p.isSet("Full") { view = .full }
        else if p.isSet("Detailed") { view = .detailed }
        else { view = .standard }
        context.write(.string(HelpText.render(declarations[0], view: view, width: context.host.width)))
    }

    static func overview(_ registry: CommandRegistry) -> String {
        let lines = ["", "TOPIC", "    migsh help", "", "SHORT DESCRIPTION",
                     "    migsh runs PowerShell runbooks for IMAP migrations. Every command documents itself:",
                     "", "        Get-Command            lists the commands",
                     "        Get-Help <command>     shows a command's help (-Full, -Examples, -Parameter)",
                     "        Get-Command <c> -Syntax shows its syntax", ""]
        return lines.joined(separator: "\n")
    }
}
