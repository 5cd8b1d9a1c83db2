import Foundation

/// Small helpers the builtin cmdlets share: reading input and properties, running script
/// blocks for a value, and pwsh-shaped errors.
enum Builtin {
    /// The object being processed: pipeline input, else -InputObject.
    static func input(_ context: CommandContext) -> Value? {
        context.currentInput ?? context.parameters["InputObject"]
    }

    /// A property of any value: an object's own property, a hashtable key, or a .NET property.
    static func property(_ value: Value, _ name: String) -> Value {
        switch value {
        case .object(let o): return o[name] ?? DotNet.property(of: value, name: name) ?? .null
        case .hashtable(let h): return h[name] ?? DotNet.property(of: value, name: name) ?? .null
        case .null: return .null
        default: return DotNet.property(of: value, name: name) ?? .null
        }
    }

    /// What a script block (or a property name) gives for one value: one object, an array, or null.
    static func evaluate(_ expression: Value, on value: Value, _ context: CommandContext) throws -> Value {
        if case .scriptBlock(let block) = expression {
            return collapse(try context.invoke(block, dollarUnder: value, arguments: []))
        }
        return property(value, Conversion.toString(expression))
    }

    /// Pipeline output as one value: nothing is null, one object is itself, more is an array.
    static func collapse(_ values: [Value]) -> Value {
        switch values.count {
        case 0: return .null
        case 1: return values[0]
        default: return .list(values)
        }
    }

    /// Items of a parameter value: arrays enumerate, null is none, a scalar is one item.
    static func items(_ value: Value?) -> [Value] {
        guard let value else { return [] }
        if case .null = value { return [] }
        return Conversion.enumerate(value) ?? [value]
    }

    static func strings(_ value: Value?) -> [String] { items(value).map { Conversion.toString($0) } }

    static func int(_ context: CommandContext, _ name: String) -> Int? {
        guard let v = context.parameters[name] else { return nil }
        return try? Conversion.toInt(v)
    }

    /// An error record as a cmdlet raises it (`Get-Content: Cannot find path …`).
    static func error(_ context: CommandContext, _ message: String, id: String, category: ErrorCategory,
                      target: Value? = nil, exception: String = "System.Management.Automation.RuntimeException") -> ErrorRecord {
        ErrorRecord(message: message, errorId: "\(id),\(commandTypeName(context.commandName))", category: category,
                    targetObject: target, exceptionType: exception, commandName: context.commandName)
    }

    /// `Get-Content` -> `Microsoft.PowerShell.Commands.GetContentCommand`, the suffix of FullyQualifiedErrorId.
    static func commandTypeName(_ name: String) -> String {
        "Microsoft.PowerShell.Commands." + name.replacingOccurrences(of: "-", with: "") + "Command"
    }

    /// pwsh's "Cannot find path" error for a missing item. Like pwsh it names the full path;
    /// a path the user wrote absolute (`C:\...`, `/srv/...`) is shown as written.
    static func pathNotFound(_ context: CommandContext, _ shown: String, resolved: String? = nil) -> ErrorRecord {
        let isAbsolute = shown.hasPrefix("/") || shown.hasPrefix("\\") || shown.hasPrefix("~")
            || (shown.count >= 2 && Array(shown)[1] == ":")
        let named = isAbsolute ? shown : (resolved ?? (try? context.session.resolvePath(shown)) ?? shown)
        return error(context, "Cannot find path '\(named)' because it does not exist.", id: "PathNotFound",
              category: .objectNotFound, target: .string(shown),
              exception: "System.Management.Automation.ItemNotFoundException")
    }

    /// Resolves a user path; a resolution failure (unmapped drive) becomes this command's error.
    static func resolve(_ context: CommandContext, _ path: String) throws -> String {
        do { return try context.session.resolvePath(path) } catch var e as ErrorRecord {
            if e.commandName == nil { e.commandName = context.commandName }
            throw e
        }
    }

    static func exists(_ path: String, directory: Bool? = nil) -> Bool {
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDir) else { return false }
        return directory.map { $0 == isDir.boolValue } ?? true
    }

    /// A parameter declaration in every set (the common shape of builtin parameters).
    static func param(_ name: String, _ type: PSType, position: Int? = nil, mandatory: Bool = false,
                      pipeline: Bool = false, byName: Bool = false, aliases: [String] = [],
                      completion: CompletionKind = .none, help: String) -> ParameterDeclaration {
        ParameterDeclaration(name, type, aliases: aliases,
                             sets: [.all(position: position, mandatory: mandatory, valueFromPipeline: pipeline,
                                         valueFromPipelineByPropertyName: byName)],
                             help: help, completion: completion)
    }

    /// The parameter with ValueFromRemainingArguments set.
    static func remaining(_ p: ParameterDeclaration) -> ParameterDeclaration {
        var p = p
        p.valueFromRemainingArguments = true
        return p
    }

    static let inputObject = param("InputObject", .object, pipeline: true, help: "The objects to process.")
}
