import Foundation

/// Group-Object: groups objects with equal key values, in order of first appearance.
final class GroupObjectCommand: Cmdlet {
    static let groupInfoType = "Microsoft.PowerShell.Commands.GroupInfo"
    static let groupInfoNoElementType = "Microsoft.PowerShell.Commands.GroupInfoNoElement"

    static let declaration = CommandDeclaration(
        name: "Group-Object", synopsis: "Groups objects that contain the same value for specified properties.",
        description: "Writes one GroupInfo per distinct key (Count, Name, Group), in the order the keys first appear. Keys compare case-insensitively unless -CaseSensitive. -AsHashTable writes one hashtable from key to the grouped objects instead.",
        parameters: [
            Builtin.inputObject,
            Builtin.param("Property", .array(.object), position: 0, help: "The properties or script blocks to group by."),
            Builtin.param("NoElement", .switchParameter, help: "Leaves the Group property out."),
            Builtin.param("AsHashTable", .switchParameter, aliases: ["AHT"], help: "Writes a hashtable of key to grouped objects."),
            Builtin.param("AsString", .switchParameter, help: "Uses the keys' text as hashtable keys."),
            Builtin.param("CaseSensitive", .switchParameter, help: "Groups upper and lower case apart."),
            Builtin.param("Culture", .string, help: "Accepted for compatibility."),
        ],
        examples: [
            CommandExample("Get-MigrationUser | Group-Object Status", "Counts users per status."),
            CommandExample("Get-MigrationUser | Group-Object Status -NoElement | Sort-Object Count -Descending", "Statuses, most common first."),
            CommandExample("$byBatch = Get-MigrationUser | Group-Object BatchId -AsHashTable", "A hashtable from batch to its users."),
        ],
        outputTypes: [groupInfoType],
        make: { GroupObjectCommand() })

    static let registerView: Void = {
        FormatViews.register(typeName: groupInfoType, view: .table([
            TableViewColumn("Count", alignment: .right), TableViewColumn("Name"), TableViewColumn("Group")]))
        FormatViews.register(typeName: groupInfoNoElementType, view: .table([
            TableViewColumn("Count", alignment: .right), TableViewColumn("Name")]))
    }()

    private var keys: [SortKey] = []
    private var groups: [(key: [Value], name: String, items: [Value])] = []
    private var index: [String: Int] = [:]

    func begin(_ context: CommandContext) throws {
        _ = Self.registerView
        keys = try SortKey.parse(context.parameters["Property"], commandName: context.commandName)
    }

    func process(_ context: CommandContext) throws {
        guard let input = Builtin.input(context) else { return }
        let values = try keys.map { try $0.value(for: input, context) }
        let name = values.map { Conversion.toString($0) }.joined(separator: ", ")
        let lookup = context.parameters.isSet("CaseSensitive") ? name : name.lowercased()
        if let i = index[lookup] { groups[i].items.append(input) } else {
            index[lookup] = groups.count
            groups.append((values, name, [input]))
        }
    }

    func end(_ context: CommandContext) throws {
        let p = context.parameters
        if p.isSet("AsHashTable") {
            let table = PSHashtable()
            for g in groups {
                let key: Value = p.isSet("AsString") || g.key.count != 1 ? .string(g.name) : g.key[0]
                table[key] = .list(g.items)
            }
            context.write(.hashtable(table))
            return
        }
        for g in groups {
            let o: PSObject
            if p.isSet("NoElement") {
                o = PSObject(typeNames: [Self.groupInfoNoElementType, Self.groupInfoType, "System.Object"],
                             properties: [("Count", .int(g.items.count)), ("Name", .string(g.name))])
            } else {
                o = PSObject(typeNames: [Self.groupInfoType, "System.Object"],
                             properties: [("Count", .int(g.items.count)), ("Name", .string(g.name)),
                                          ("Group", .list(g.items)), ("Values", .list(g.key))])
            }
            o.toStringValue = Self.groupInfoType
            context.write(.object(o))
        }
    }
}
