import Foundation

/// Read-Host, Get-Credential, ConvertTo-SecureString, Clear-Host, Get-History.
enum HostCommands {
    static func nonInteractive(_ context: CommandContext) -> ErrorRecord {
        Builtin.error(context, "PowerShell is in NonInteractive mode. Read and Prompt functionality is not available.",
                      id: "System.Management.Automation.PSInvalidOperationException", category: .invalidOperation,
                      exception: "System.Management.Automation.PSInvalidOperationException")
    }

    static let historyType = "Microsoft.PowerShell.Commands.HistoryInfo"
    static let registerView: Void = {
        FormatViews.register(typeName: historyType, view: .table([TableViewColumn("Id", alignment: .right), TableViewColumn("CommandLine")]))
    }()

    static let declarations: [CommandDeclaration] = [
        CommandDeclaration(
            name: "Read-Host", synopsis: "Reads a line of input from the console.",
            description: "Shows the prompt followed by ': ' and reads one line; -AsSecureString hides the typing and returns a SecureString. In a non-interactive run it fails instead of waiting.",
            parameters: [Builtin.param("Prompt", .object, position: 0, pipeline: false, help: "The text shown before the input."),
                         Builtin.param("AsSecureString", .switchParameter, help: "Hides the input and returns a SecureString."),
                         Builtin.param("MaskInput", .switchParameter, help: "Hides the input but returns a string.")],
            examples: [CommandExample("$batch = Read-Host 'Batch name'", "Asks for a batch name.")],
            outputTypes: ["System.String", SecureText.secureStringType],
            make: { ReadHostCommand() }),
        CommandDeclaration(
            name: "Get-Credential", synopsis: "Gets a credential object based on a user name and password.",
            description: "Prompts for a user name and password (the password is not echoed) and writes a PSCredential. The password is never shown. In a non-interactive run it fails instead of waiting.",
            parameters: [ParameterDeclaration("Credential", .object, sets: [.all(position: 0)], help: "A user name (or credential) to start from."),
                         Builtin.param("Message", .string, help: "The text shown above the prompt."),
                         Builtin.param("UserName", .string, help: "The user name to ask the password for."),
                         Builtin.param("Title", .string, help: "The title of the prompt.")],
            examples: [CommandExample("$UserCredential = Get-Credential", "Asks for a user name and password."),
                       CommandExample("Get-Credential admin@contoso.com", "Asks for that user's password.")],
            outputTypes: [SecureText.credentialType],
            make: { GetCredentialCommand() }),
        CommandDeclaration(
            name: "ConvertTo-SecureString", synopsis: "Converts plain text to a secure string.",
            description: "With -AsPlainText (and -Force, as pwsh requires) wraps the text in a SecureString whose value is never displayed.",
            parameters: [Builtin.param("String", .string, position: 0, mandatory: true, pipeline: true, help: "The text to protect."),
                         Builtin.param("AsPlainText", .switchParameter, help: "The input is plain text."),
                         Builtin.param("Force", .switchParameter, help: "Confirms that plain text is intended."),
                         Builtin.param("Key", .bytes, help: "Not supported."),
                         Builtin.param("SecureKey", .object, help: "Not supported.")],
            examples: [CommandExample("$pw = ConvertTo-SecureString 'P@ssw0rd' -AsPlainText -Force", "Makes a SecureString for New-Object PSCredential.")],
            outputTypes: [SecureText.secureStringType],
            make: { ConvertToSecureStringCommand() }),
        CommandDeclaration(
            name: "Clear-Host", synopsis: "Clears the display in the host program.",
            description: "Clears the terminal screen.",
            examples: [CommandExample("cls", "Clears the screen.")],
            make: { ClearHostCommand() }),
        CommandDeclaration(
            name: "Get-History", synopsis: "Gets a list of the commands entered during the current session.",
            description: "Writes the lines entered at the REPL (this and earlier sessions), numbered; -Count keeps the most recent ones.",
            parameters: [Builtin.param("Id", .array(.long), position: 0, help: "The numbers of the entries to get."),
                         Builtin.param("Count", .int, position: 1, help: "How many of the most recent entries to get.")],
            examples: [CommandExample("Get-History -Count 10", "The last ten commands."), CommandExample("h", "All of them.")],
            outputTypes: [historyType],
            make: { GetHistoryCommand() }),
    ]
}

final class ReadHostCommand: Cmdlet {
    func process(_ context: CommandContext) throws {
        guard context.host.isInteractive else { throw HostCommands.nonInteractive(context) }
        let p = context.parameters
        let prompt = p["Prompt"].map { Conversion.toString($0) + ": " } ?? ""
        let secure = p.isSet("AsSecureString") || p.isSet("MaskInput")
        guard let line = context.host.readLine(prompt: prompt, secure: secure) else {
            throw Builtin.error(context, "Input ended before a line was read.", id: "ReadHostEndOfInput", category: .readError)
        }
        context.write(p.isSet("AsSecureString") ? SecureText.secureString(line) : .string(line))
    }
}

final class GetCredentialCommand: Cmdlet {
    func process(_ context: CommandContext) throws {
        let p = context.parameters
        if let given = p["Credential"], SecureText.userName(of: given) != nil { context.write(given); return }
        guard context.host.isInteractive else { throw HostCommands.nonInteractive(context) }
        if let message = p.string("Message") { context.host.write(message, foreground: nil, newline: true) }
        var user = p.string("UserName") ?? p["Credential"].map { Conversion.toString($0) } ?? ""
        if user.isEmpty {
            context.host.write("PowerShell credential request", foreground: nil, newline: true)
            context.host.write("Enter your credentials.", foreground: nil, newline: true)
            guard let u = context.host.readLine(prompt: "User: ", secure: false) else { throw HostCommands.nonInteractive(context) }
            user = u
        }
        guard let password = context.host.readLine(prompt: "Password for user \(user): ", secure: true) else {
            throw HostCommands.nonInteractive(context)
        }
        context.write(SecureText.credential(userName: user, password: .string(password)))
    }
}

final class ConvertToSecureStringCommand: Cmdlet {
    func process(_ context: CommandContext) throws {
        let p = context.parameters
        guard p.isSet("AsPlainText") else {
            throw Builtin.error(context, "Encrypted standard strings cannot be read here; use -AsPlainText -Force.",
                                id: "ImportSecureString", category: .invalidArgument, exception: "System.NotSupportedException")
        }
        context.write(SecureText.secureString(p.string("String") ?? ""))
    }
}

final class ClearHostCommand: Cmdlet {
    func process(_ context: CommandContext) throws { context.host.clear() }
}

final class GetHistoryCommand: Cmdlet {
    func process(_ context: CommandContext) throws {
        _ = HostCommands.registerView
        var entries = Array(context.host.history.enumerated()).map { (id: $0.offset + 1, line: $0.element) }
        let ids = Builtin.items(context.parameters["Id"]).compactMap { try? Conversion.toInt($0) }
        if !ids.isEmpty { entries = entries.filter { ids.contains($0.id) } }
        if let count = Builtin.int(context, "Count") { entries = Array(entries.suffix(max(0, count))) }
        for e in entries {
            let o = PSObject(typeNames: [HostCommands.historyType, "System.Object"], properties: [
                ("Id", .int(e.id)), ("CommandLine", .string(e.line)), ("ExecutionStatus", .string("Completed"))])
            o.toStringValue = e.line
            context.write(.object(o))
        }
    }
}
