import Foundation

/// New-Object: the object types runbooks create (PSObject with -Property, ArrayList and
/// generic lists, hashtables, PSCredential, DateTime, TimeSpan, Guid).
final class NewObjectCommand: Cmdlet {
    static let declaration = CommandDeclaration(
        name: "New-Object", synopsis: "Creates an instance of a .NET object.",
        description: "Creates PSObject/PSCustomObject (properties from -Property), System.Collections.ArrayList and System.Collections.Generic.List[...] (arrays that grow with .Add), Hashtable, OrderedDictionary, PSCredential (user name and SecureString), DateTime, TimeSpan and Guid.",
        parameters: [
            ParameterDeclaration("TypeName", .string, sets: [ParameterSetMembership("Net", position: 0, mandatory: true)], help: "The type to create."),
            ParameterDeclaration("ArgumentList", .array(.object), aliases: ["Args"], sets: [ParameterSetMembership("Net", position: 1)],
                                 help: "Arguments for the type's constructor."),
            Builtin.param("Property", .hashtable, help: "Property names and values to set on the new object."),
            ParameterDeclaration("ComObject", .string, sets: [ParameterSetMembership("Com", mandatory: true)], help: "Not supported on this platform."),
            Builtin.param("Strict", .switchParameter, help: "Accepted for compatibility."),
        ],
        defaultParameterSet: "Net",
        examples: [CommandExample("New-Object PSObject -Property @{Identity='b1'; Status='Completed'}", "A custom object."),
                   CommandExample("$list = New-Object System.Collections.ArrayList; [void]$list.Add('x')", "A growing list."),
                   CommandExample("$cred = New-Object System.Management.Automation.PSCredential ($user, $securePassword)", "A credential.")],
        make: { NewObjectCommand() })

    func process(_ context: CommandContext) throws {
        let p = context.parameters
        if let com = p.string("ComObject") {
            throw Builtin.error(context, "A COM object (\(com)) cannot be created: COM is not available on this platform.",
                                id: "NoCOMClassIdentified", category: .resourceUnavailable, exception: "System.PlatformNotSupportedException")
        }
        let typeName = p.string("TypeName") ?? ""
        let args = Builtin.items(p["ArgumentList"])
        let value = try create(typeName, args, context)
        if case .hashtable(let props)? = p["Property"] {
            switch value {
            case .object(let o): for (k, v) in props.entries { o[Conversion.toString(k)] = v }
            case .hashtable(let h): for (k, v) in props.entries { h[k] = v }
            default: break
            }
        }
        context.write(value)
    }

    /// ArrayList and List[T] (`List[string]` or `List``1[System.String]` spellings).
    private func listInfo(_ lowerName: String) -> PSListInfo? {
        if lowerName == "collections.arraylist" { return .arrayList }
        guard lowerName.hasPrefix("collections.generic.list") else { return nil }
        var inner = String(lowerName.dropFirst("collections.generic.list".count))
        if inner.hasPrefix("`1") { inner.removeFirst(2) }
        while inner.hasPrefix("[") && inner.hasSuffix("]") { inner = String(inner.dropFirst().dropLast()) }
        let element = inner.isEmpty ? PSType.object : (TypeResolver.resolve(inner) ?? .object)
        return PSListInfo(typeName: PSList.genericTypeName(element), elementType: element)
    }

    private func create(_ typeName: String, _ args: [Value], _ context: CommandContext) throws -> Value {
        var name = typeName.trimmingCharacters(in: .whitespaces).lowercased()
        if name.hasPrefix("system.") { name.removeFirst(7) }
        if let list = listInfo(name) { return try PSList.make(list, from: args.first.map { Conversion.enumerate($0).map(Value.list) ?? .null } ?? .null) }
        if name.hasPrefix("collections.generic.hashset") || name == "collections.queue" || name == "collections.stack" {
            let initial = args.first.map { Conversion.enumerate($0) ?? [] } ?? []
            let set = PSArray(initial)
            set.list = .arrayList
            return .array(set)
        }
        switch name {
        case "object", "psobject", "management.automation.psobject", "pscustomobject", "management.automation.pscustomobject":
            return .object(PSObject())
        case "collections.hashtable", "hashtable", "collections.generic.dictionary[string,object]", "collections.generic.dictionary[string,string]":
            return .hashtable(PSHashtable())
        case "collections.specialized.ordereddictionary":
            return .hashtable(PSHashtable(ordered: true))
        case "management.automation.pscredential", "pscredential":
            guard args.count == 2 else { throw overload("PSCredential", args.count, context) }
            return SecureText.credential(userName: Conversion.toString(args[0]), password: args[1])
        case "security.securestring":
            return SecureText.secureString("")
        case "datetime":
            guard args.count >= 3 else { throw overload("DateTime", args.count, context) }
            let n = try args.map { try Conversion.toInt($0) }
            let comps = DateComponents(year: n[0], month: n[1], day: n[2], hour: n.count > 3 ? n[3] : 0,
                                       minute: n.count > 4 ? n[4] : 0, second: n.count > 5 ? n[5] : 0)
            guard let d = DateConversion.calendar.date(from: comps) else { throw overload("DateTime", args.count, context) }
            return .date(d)
        case "timespan":
            let n = try args.map { try Conversion.toDouble($0) }
            switch n.count {
            case 3: return .timeSpan(n[0] * 3600 + n[1] * 60 + n[2])
            case 4: return .timeSpan(n[0] * 86400 + n[1] * 3600 + n[2] * 60 + n[3])
            default: throw overload("TimeSpan", args.count, context)
            }
        case "guid":
            if args.isEmpty { return .guid(UUID(uuid: (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0))) }
            return try Conversion.convert(args[0], to: .guid)
        case "string":
            return .string(args.map { Conversion.toString($0) }.joined())
        default:
            throw Builtin.error(context, "Cannot find type [\(typeName)]: verify that the assembly containing this type is loaded.",
                                id: "TypeNotFound", category: .invalidType, target: .string(typeName),
                                exception: "System.Management.Automation.PSArgumentException")
        }
    }

    private func overload(_ type: String, _ count: Int, _ context: CommandContext) -> ErrorRecord {
        Builtin.error(context, "A constructor was not found. Cannot find an appropriate constructor for type \(type).",
                      id: "CannotFindAppropriateCtor", category: .objectNotFound, exception: "System.Management.Automation.PSArgumentException")
    }
}

/// Invoke-Expression: runs text as PowerShell in the current scope.
final class InvokeExpressionCommand: Cmdlet {
    static let declaration = CommandDeclaration(
        name: "Invoke-Expression", synopsis: "Runs commands or expressions on the local computer.",
        description: "Parses the string as PowerShell and runs it in the current scope; its output goes down the pipeline.",
        parameters: [Builtin.param("Command", .string, position: 0, mandatory: true, pipeline: true, help: "The PowerShell text to run.")],
        examples: [CommandExample("Invoke-Expression 'Get-MigrationBatch | fl'", "Runs a command held in a string."),
                   CommandExample("iex $script", "Runs a script held in a variable.")],
        make: { InvokeExpressionCommand() })

    func process(_ context: CommandContext) throws {
        guard let text = context.parameters.string("Command") else { return }
        for v in try context.invokeScript(text) { context.write(v) }
    }
}

/// Tee-Object: passes its input on and also saves it to a file (as formatted text) or a variable.
final class TeeObjectCommand: Cmdlet {
    static let declaration = CommandDeclaration(
        name: "Tee-Object", synopsis: "Saves command output in a file or variable and also sends it down the pipeline.",
        description: "Writes every input object to the pipeline and, at the same time, to a file (formatted as the console shows it; -Append adds) or into a variable.",
        parameters: [
            Builtin.inputObject,
            ParameterDeclaration("FilePath", .string, aliases: ["Path"], sets: [ParameterSetMembership("File", position: 0, mandatory: true)],
                                 help: "The file to write.", completion: .files),
            ParameterDeclaration("LiteralPath", .string, aliases: ["PSPath", "LP"], sets: [ParameterSetMembership("LiteralFile", mandatory: true)],
                                 help: "The file, used exactly as written.", completion: .files),
            ParameterDeclaration("Append", .switchParameter, sets: [ParameterSetMembership("File"), ParameterSetMembership("LiteralFile")],
                                 help: "Adds to the end of the file."),
            ParameterDeclaration("Encoding", .string, sets: [ParameterSetMembership("File"), ParameterSetMembership("LiteralFile")],
                                 help: "The text encoding of the file."),
            ParameterDeclaration("Variable", .string, sets: [ParameterSetMembership("Variable", mandatory: true)], help: "The variable to fill."),
        ],
        defaultParameterSet: "File",
        examples: [CommandExample("Get-MigrationUser | Tee-Object -FilePath users.txt | Measure-Object", "Saves the users as text and counts them."),
                   CommandExample("Get-MigrationBatch | Tee-Object -Variable batches", "Shows the batches and keeps them in $batches.")],
        make: { TeeObjectCommand() })

    private var collected: [Value] = []
    private var pipeline: OutputPipeline?
    private var handle: FileHandle?
    private var encoding = PSEncoding.utf8

    func begin(_ context: CommandContext) throws {
        let p = context.parameters
        guard let shown = p.string("LiteralPath") ?? p.string("FilePath") else { return }
        let path = try Builtin.resolve(context, shown)
        if let e = p["Encoding"] { encoding = PSEncoding.from(e) ?? .utf8 }
        if !(p.isSet("Append") && Builtin.exists(path)) {
            guard FileManager.default.createFile(atPath: path, contents: Data(encoding.preamble)) else {
                throw Builtin.error(context, "Could not find a part of the path '\(shown)'.", id: "FileOpenFailure",
                                    category: .objectNotFound, target: .string(shown), exception: "System.IO.DirectoryNotFoundException")
            }
        }
        handle = FileHandle(forWritingAtPath: path)
        _ = try? handle?.seekToEnd()
        pipeline = OutputPipeline(context, width: context.host.width) { [unowned self] line in
            try? self.handle?.write(contentsOf: Data(self.encoding.encode(line + "\n", preamble: false)))
        }
    }

    func process(_ context: CommandContext) throws {
        guard let v = Builtin.input(context) else { return }
        if context.parameters.isBound("Variable") { collected.append(v) }
        pipeline?.add(v)
        context.write(v)
    }

    func end(_ context: CommandContext) throws {
        if let name = context.parameters.string("Variable") { context.session.setVariable(name, Builtin.collapse(collected)) }
        pipeline?.finish()
        try? handle?.close()
        handle = nil
    }
}
