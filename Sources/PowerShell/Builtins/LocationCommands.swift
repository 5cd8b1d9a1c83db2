import Foundation

/// Get-Location, Set-Location, Push-Location, Pop-Location.
enum LocationCommands {
    static let pathInfoType = "System.Management.Automation.PathInfo"

    static func pathInfo(_ path: String) -> Value {
        let o = PSObject(typeNames: [pathInfoType, "System.Object"], properties: [
            ("Drive", .string("/")), ("Provider", .string("Microsoft.PowerShell.Core\\FileSystem")),
            ("ProviderPath", .string(path)), ("Path", .string(path))])
        o.toStringValue = path
        return .object(o)
    }

    static let registerView: Void = {
        FormatViews.register(typeName: pathInfoType, view: .table([TableViewColumn("Path")]))
    }()

    /// Push-Location's stacks, one per session.
    private final class Stacks: @unchecked Sendable {
        let lock = NSLock()
        var stacks: [ObjectIdentifier: [String]] = [:]
    }
    private static let stacks = Stacks()

    static func push(_ path: String, _ session: SessionState) {
        stacks.lock.lock(); defer { stacks.lock.unlock() }
        stacks.stacks[ObjectIdentifier(session), default: []].append(path)
    }

    static func pop(_ session: SessionState) -> String? {
        stacks.lock.lock(); defer { stacks.lock.unlock() }
        return stacks.stacks[ObjectIdentifier(session)]?.popLast()
    }

    /// Moves the session to a directory, with pwsh's error when it does not exist.
    static func change(to shown: String, _ context: CommandContext) throws {
        let path = try Builtin.resolve(context, shown)
        guard Builtin.exists(path, directory: true) else {
            if Builtin.exists(path) {
                throw Builtin.error(context, "Cannot find path '\(shown)' because it does not exist.", id: "PathNotFound",
                                    category: .objectNotFound, target: .string(shown), exception: "System.Management.Automation.ItemNotFoundException")
            }
            throw Builtin.pathNotFound(context, shown)
        }
        context.session.currentDirectory = (path as NSString).standardizingPath
    }

    static let pathParameter = ParameterDeclaration("Path", .string, sets: [.all(position: 0, valueFromPipeline: true, valueFromPipelineByPropertyName: true)],
                                                    help: "The directory to go to.", completion: .files)

    static let declarations: [CommandDeclaration] = [
        CommandDeclaration(
            name: "Get-Location", synopsis: "Gets information about the current working location.",
            description: "Writes a PathInfo object for the current directory; its Path property is the directory.",
            parameters: [Builtin.param("PSProvider", .array(.string), help: "Accepted for compatibility."),
                         Builtin.param("PSDrive", .array(.string), help: "Accepted for compatibility."),
                         Builtin.param("Stack", .switchParameter, help: "Lists the locations saved by Push-Location.")],
            examples: [CommandExample("Get-Location", "Shows the current directory."), CommandExample("(Get-Location).Path", "The directory as a string.")],
            outputTypes: [pathInfoType],
            make: { GetLocationCommand() }),
        CommandDeclaration(
            name: "Set-Location", synopsis: "Sets the current working location to a specified location.",
            description: "Makes the directory the current one; relative paths in later commands start there. Windows paths map through MIGSH_DRIVE_C.",
            parameters: [pathParameter,
                         Builtin.param("LiteralPath", .string, aliases: ["PSPath", "LP"], completion: .files, help: "The directory, used exactly as written."),
                         Builtin.param("PassThru", .switchParameter, help: "Writes the new location.")],
            examples: [CommandExample("Set-Location C:\\Migration", "Goes to the migration folder."), CommandExample("cd ..", "Goes up one level.")],
            make: { SetLocationCommand(mode: .set) }),
        CommandDeclaration(
            name: "Push-Location", synopsis: "Adds the current location to the top of a location stack.",
            description: "Saves the current directory, then goes to -Path when given. Pop-Location returns to it.",
            parameters: [pathParameter, Builtin.param("PassThru", .switchParameter, help: "Writes the new location.")],
            examples: [CommandExample("Push-Location C:\\Temp; ...; Pop-Location", "Works in C:\\Temp, then comes back.")],
            make: { SetLocationCommand(mode: .push) }),
        CommandDeclaration(
            name: "Pop-Location", synopsis: "Changes the current location to the location most recently pushed onto the stack.",
            description: "Returns to the directory saved by the last Push-Location.",
            parameters: [Builtin.param("PassThru", .switchParameter, help: "Writes the new location.")],
            examples: [CommandExample("Pop-Location", "Goes back to the saved directory.")],
            make: { SetLocationCommand(mode: .pop) }),
    ]
}

final class GetLocationCommand: Cmdlet {
    func process(_ context: CommandContext) throws {
        _ = LocationCommands.registerView
        context.write(LocationCommands.pathInfo(context.session.currentDirectory))
    }
}

final class SetLocationCommand: Cmdlet {
    enum Mode { case set, push, pop }
    let mode: Mode
    init(mode: Mode) { self.mode = mode }

    func process(_ context: CommandContext) throws {
        let p = context.parameters
        switch mode {
        case .set:
            let target = p.string("LiteralPath") ?? p.string("Path") ?? (context.session.environment["HOME"] ?? NSHomeDirectory())
            try LocationCommands.change(to: target, context)
        case .push:
            let current = context.session.currentDirectory
            if let target = p.string("Path") { try LocationCommands.change(to: target, context) }
            LocationCommands.push(current, context.session)
        case .pop:
            guard let previous = LocationCommands.pop(context.session) else { return }
            context.session.currentDirectory = previous
        }
        if p.isSet("PassThru") {
            _ = LocationCommands.registerView
            context.write(LocationCommands.pathInfo(context.session.currentDirectory))
        }
    }
}
