import Foundation

/// Write-Output, Write-Host, Write-Warning, Write-Verbose, Write-Debug, Write-Information.
enum WriteCommands {
    static let consoleColor = TypeResolver.enums["consolecolor"]!

    static let declarations: [CommandDeclaration] = [
        CommandDeclaration(
            name: "Write-Output", synopsis: "Writes objects to the pipeline.",
            description: "Sends each object to the next command in the pipeline, or to the console when it is the last command. Arrays are sent one element at a time unless -NoEnumerate is given.",
            parameters: [
                Builtin.remaining(Builtin.param("InputObject", .array(.object), position: 0, mandatory: true, pipeline: true,
                                                help: "The objects to send down the pipeline.")),
                Builtin.param("NoEnumerate", .switchParameter, help: "Sends a collection as one object."),
            ],
            examples: [CommandExample("Write-Output \"Batch created\"", "Writes a string to the pipeline."),
                       CommandExample("Write-Output 1,2,3 | Measure-Object", "Sends three numbers down the pipeline.")],
            outputTypes: ["System.Management.Automation.PSObject"],
            make: { WriteOutputCommand() }),
        CommandDeclaration(
            name: "Write-Host", synopsis: "Writes text straight to the host.",
            description: "Writes text to the console, bypassing the pipeline. Arrays are joined with -Separator. Colours are used only on a terminal.",
            parameters: [
                Builtin.remaining(Builtin.param("Object", .object, position: 0, pipeline: true, help: "The objects to display.")),
                Builtin.param("NoNewline", .switchParameter, help: "Does not end the text with a newline."),
                Builtin.param("Separator", .object, help: "The text placed between the displayed objects."),
                Builtin.param("ForegroundColor", consoleColor, help: "The text colour."),
                Builtin.param("BackgroundColor", consoleColor, help: "The background colour."),
            ],
            examples: [CommandExample("Write-Host \"Migration started\" -ForegroundColor Green", "Writes green text to the console."),
                       CommandExample("Write-Host 1,2,3 -Separator ', '", "Writes 1, 2, 3.")],
            make: { WriteHostCommand() }),
        streamCommand("Write-Warning", "Writes a warning message.",
                      "Writes a message to the warning stream; the console shows it as WARNING: text.") { $0.writeWarning($1) },
        streamCommand("Write-Verbose", "Writes a verbose message.",
                      "Writes a message to the verbose stream; it is shown (VERBOSE: text) when -Verbose is given or $VerbosePreference is Continue.") { $0.writeVerbose($1) },
        streamCommand("Write-Debug", "Writes a debug message.",
                      "Writes a message to the debug stream; it is shown (DEBUG: text) when -Debug is given or $DebugPreference is Continue.") { $0.writeDebug($1) },
        CommandDeclaration(
            name: "Write-Information", synopsis: "Writes an informational message.",
            description: "Writes a message to the information stream. migsh shows it on the host when -InformationAction Continue is given.",
            parameters: [
                Builtin.param("MessageData", .object, position: 0, mandatory: true, aliases: ["Msg", "Message"], help: "The message."),
                Builtin.param("Tags", .array(.string), position: 1, help: "Tags for the message."),
            ],
            examples: [CommandExample("Write-Information 'Batch started' -InformationAction Continue", "Shows the message.")],
            make: { WriteInformationCommand() }),
    ]

    static func streamCommand(_ name: String, _ synopsis: String, _ description: String,
                              _ write: @escaping @Sendable (CommandContext, String) -> Void) -> CommandDeclaration {
        CommandDeclaration(
            name: name, synopsis: synopsis, description: description,
            parameters: [Builtin.param("Message", .string, position: 0, mandatory: true, pipeline: true, aliases: ["Msg"],
                                       help: "The message text.")],
            examples: [CommandExample("\(name) \"Checking the endpoint\"", "Writes the message to its stream.")],
            make: { StreamWriteCommand(write) })
    }

    /// Write-Host's text: collections are flattened and joined by the separator.
    static func hostText(_ value: Value, separator: String) -> String {
        switch value {
        case .array(let a): return a.items.map { hostText($0, separator: separator) }.joined(separator: separator)
        default: return Conversion.toString(value)
        }
    }
}

final class WriteOutputCommand: Cmdlet {
    func process(_ context: CommandContext) throws {
        guard let value = context.parameters["InputObject"] ?? context.currentInput else { return }
        if context.parameters.isSet("NoEnumerate") || context.currentInput != nil { context.write(value); return }
        for item in Conversion.enumerate(value) ?? [value] { context.write(item) }
    }
}

final class WriteHostCommand: Cmdlet {
    func process(_ context: CommandContext) throws {
        let p = context.parameters
        let separator = p["Separator"].map { Conversion.toString($0) } ?? " "
        let text = p["Object"].map { WriteCommands.hostText($0, separator: separator) } ?? ""
        let foreground = p["ForegroundColor"].map { Conversion.toString($0) }
        let background = p["BackgroundColor"].map { Conversion.toString($0) }
        // The host colours only a terminal.
        context.host.write(text, foreground: foreground, background: background, newline: !p.isSet("NoNewline"))
    }
}

final class StreamWriteCommand: Cmdlet {
    let write: @Sendable (CommandContext, String) -> Void
    init(_ write: @escaping @Sendable (CommandContext, String) -> Void) { self.write = write }
    func process(_ context: CommandContext) throws {
        write(context, context.parameters.string("Message") ?? Conversion.toString(context.parameters["Message"] ?? .null))
    }
}

final class WriteInformationCommand: Cmdlet {
    func process(_ context: CommandContext) throws {
        let text = Conversion.toString(context.parameters["MessageData"] ?? .null)
        if case .string(let pref)? = context.session.variable("InformationPreference"), pref.lowercased() == "continue" {
            context.host.write(text, foreground: nil, newline: true)
        }
    }
}
