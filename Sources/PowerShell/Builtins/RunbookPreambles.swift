import Foundation

/// The session set-up lines Exchange runbooks start with (Import-Module, Connect-ExchangeOnline,
/// New-PSSession/Import-PSSession, Set-ExecutionPolicy ...). migsh is local, so each is a no-op that
/// accepts the parameters runbooks pass and writes one verbose line saying so.
enum RunbookPreambles {
    static func p(_ name: String, _ type: PSType = .string, position: Int? = nil, aliases: [String] = [], _ help: String = "Accepted for compatibility.") -> ParameterDeclaration {
        Builtin.param(name, type, position: position, aliases: aliases, help: help)
    }

    static let executionPolicy = PSType.enumeration(name: "Microsoft.PowerShell.ExecutionPolicy", values: [
        "Unrestricted", "RemoteSigned", "AllSigned", "Restricted", "Default", "Bypass", "Undefined"])
    static let executionPolicyScope = PSType.enumeration(name: "Microsoft.PowerShell.ExecutionPolicyScope", values: [
        "Process", "CurrentUser", "LocalMachine", "UserPolicy", "MachinePolicy"])
    static let authentication = PSType.enumeration(name: "System.Management.Automation.Runspaces.AuthenticationMechanism", values: [
        "Default", "Basic", "Negotiate", "NegotiateWithImplicitCredential", "Credssp", "Digest", "Kerberos"])
    static let sessionType = "System.Management.Automation.Runspaces.PSSession"

    static func noOp(_ name: String, _ synopsis: String, _ message: String, parameters: [ParameterDeclaration],
                     example: String, shouldProcess: Bool = false, description: String? = nil,
                     output: (@Sendable (CommandContext) -> Value?)? = nil) -> CommandDeclaration {
        CommandDeclaration(
            name: name, synopsis: synopsis,
            description: description ?? "migsh runs locally with no Microsoft service, so this command does nothing but write one verbose line. It accepts the parameters runbooks pass to it, so existing runbooks run unchanged.",
            parameters: parameters,
            examples: [CommandExample(example, "Runs as a local no-op.")],
            supportsShouldProcess: shouldProcess, confirmImpact: .low,
            make: { PreambleCommand(message: message, output: output) })
    }

    static let declarations: [CommandDeclaration] = [
        noOp("Import-Module", "Adds modules to the current session.", "Import-Module: the migration cmdlets are built into migsh; nothing to import.",
             parameters: [p("Name", .array(.string), position: 0, "The modules to import."), p("DisableNameChecking", .switchParameter),
                          p("Force", .switchParameter), p("Global", .switchParameter), p("Prefix"), p("MinimumVersion"), p("MaximumVersion"),
                          p("RequiredVersion"), p("ArgumentList", .array(.object), aliases: ["Args"]), p("PassThru", .switchParameter),
                          p("AsCustomObject", .switchParameter), p("Scope"), p("Function", .array(.string)), p("Cmdlet", .array(.string)),
                          p("Variable", .array(.string)), p("Alias", .array(.string)), p("NoClobber", .switchParameter),
                          p("SkipEditionCheck", .switchParameter), p("UseWindowsPowerShell", .switchParameter, aliases: ["UseWinPS"]),
                          p("PSSession", .object)],
             example: "Import-Module ExchangeOnlineManagement"),
        noOp("Connect-ExchangeOnline", "Connects to Exchange Online.", "Connect-ExchangeOnline: migsh runs the migration cmdlets locally; no connection is made.",
             parameters: [p("ConnectionUri", position: 0), p("AzureADAuthorizationEndpointUri", position: 1),
                          p("ExchangeEnvironmentName", position: 2), p("PSSessionOption", .object, position: 3),
                          p("DelegatedOrganization", position: 4), p("Prefix", position: 5), p("CommandName", .array(.string), position: 6),
                          p("FormatTypeName", .array(.string), position: 7), p("UserPrincipalName"), p("Credential", .object),
                          p("ShowBanner", .switchParameter), p("ShowProgress", .bool), p("Organization"), p("AppId"),
                          p("CertificateThumbprint"), p("CertificateFilePath"), p("CertificatePassword", .object), p("Certificate", .object),
                          p("AccessToken"), p("Device", .switchParameter), p("InlineCredential", .switchParameter),
                          p("ManagedIdentity", .switchParameter), p("ManagedIdentityAccountId"), p("UseRPSSession", .switchParameter),
                          p("SkipLoadingFormatData", .switchParameter), p("SkipLoadingCmdletHelp", .switchParameter),
                          p("TrackPerformance", .bool), p("UseMultithreading", .bool), p("PageSize", .int), p("EnableErrorReporting", .switchParameter),
                          p("LogDirectoryPath"), p("LogLevel"), p("BypassMailboxAnchoring", .switchParameter), p("LoadCmdletHelp", .switchParameter)],
             example: "Connect-ExchangeOnline -UserPrincipalName admin@contoso.com -ShowBanner:$false"),
        noOp("Disconnect-ExchangeOnline", "Disconnects from Exchange Online.", "Disconnect-ExchangeOnline: nothing to disconnect; migsh runs locally.",
             parameters: [p("ConnectionId", .array(.string)), p("ModulePrefix", .array(.string))],
             example: "Disconnect-ExchangeOnline -Confirm:$false", shouldProcess: true),
        noOp("New-PSSession", "Creates a persistent connection to a local or remote computer.", "New-PSSession: migsh runs the Exchange cmdlets locally; this session object is a placeholder.",
             parameters: [p("ComputerName", .array(.string), position: 0, aliases: ["Cn"]), p("ConfigurationName"),
                          p("ConnectionUri", .array(.string), aliases: ["URI", "CU"]), p("Credential", .object),
                          p("Authentication", authentication), p("AllowRedirection", .switchParameter), p("SessionOption", .object),
                          p("Name", .array(.string)), p("Port", .int), p("UseSSL", .switchParameter), p("ApplicationName"),
                          p("CertificateThumbprint"), p("EnableNetworkAccess", .switchParameter), p("ThrottleLimit", .int)],
             example: "$Session = New-PSSession -ConfigurationName Microsoft.Exchange -ConnectionUri https://outlook.office365.com/powershell-liveid/ -Credential $UserCredential -Authentication Basic -AllowRedirection",
             output: { context in
                 let p = context.parameters
                 let o = PSObject(typeNames: [sessionType, "System.Object"], properties: [
                     ("Id", .int(1)), ("Name", .string(p.string("Name") ?? "WinRM1")),
                     ("ComputerName", .string(Builtin.strings(p["ConnectionUri"]).first.flatMap { URL(string: $0)?.host } ?? Builtin.strings(p["ComputerName"]).first ?? "localhost")),
                     ("ComputerType", .string("RemoteMachine")), ("State", .string("Opened")),
                     ("ConfigurationName", .string(p.string("ConfigurationName") ?? "Microsoft.PowerShell")),
                     ("Availability", .string("Available"))])
                 o.toStringValue = "[PSSession]" + (p.string("Name") ?? "WinRM1")
                 return .object(o)
             }),
        noOp("Import-PSSession", "Imports commands from another session into the current session.", "Import-PSSession: the Exchange cmdlets are built into migsh; nothing to import.",
             parameters: [p("Session", .object, position: 0), p("CommandName", .array(.string), position: 2, aliases: ["Name"]),
                          p("FormatTypeName", .array(.string), position: 3), p("DisableNameChecking", .switchParameter),
                          p("AllowClobber", .switchParameter), p("Prefix"), p("Module", .array(.string), aliases: ["PSSnapin"]),
                          p("ArgumentList", .array(.object), aliases: ["Args"]), p("CommandType"), p("Certificate", .object)],
             example: "Import-PSSession $Session -DisableNameChecking -AllowClobber"),
        noOp("Remove-PSSession", "Closes one or more PowerShell sessions.", "Remove-PSSession: nothing to close; migsh runs locally.",
             parameters: [p("Session", .array(.object), position: 0), p("Id", .array(.int)), p("Name", .array(.string)),
                          p("ComputerName", .array(.string), aliases: ["Cn"]), p("InstanceId", .array(.object))],
             example: "Remove-PSSession $Session", shouldProcess: true),
        noOp("Get-PSSession", "Gets the PowerShell sessions on local and remote computers.", "Get-PSSession: migsh keeps no remote sessions.",
             parameters: [p("ComputerName", .array(.string), position: 0, aliases: ["Cn"]), p("Name", .array(.string)), p("Id", .array(.int)),
                          p("State"), p("ConfigurationName")],
             example: "Get-PSSession | Remove-PSSession"),
        noOp("Set-ExecutionPolicy", "Sets the PowerShell execution policies.", "Set-ExecutionPolicy: migsh does not restrict scripts; the policy is ignored.",
             parameters: [p("ExecutionPolicy", executionPolicy, position: 0), p("Scope", executionPolicyScope, position: 1),
                          p("Force", .switchParameter)],
             example: "Set-ExecutionPolicy RemoteSigned -Scope CurrentUser", shouldProcess: true),
        noOp("Set-StrictMode", "Establishes and enforces coding rules in expressions, scripts, and script blocks.",
             "Set-StrictMode: accepted; migsh does not enforce strict mode.",
             parameters: [p("Version", position: nil, aliases: ["v"]), p("Off", .switchParameter)],
             example: "Set-StrictMode -Version Latest",
             description: "Accepted so that scripts using it run; migsh does not enforce strict mode (an unset variable still reads as $null). Writes one verbose line."),
        noOp("Start-Transcript", "Creates a record of all or part of a PowerShell session to a text file.",
             "Start-Transcript: migsh does not record transcripts; no transcript file is written.",
             parameters: [p("Path", position: 0), p("LiteralPath", aliases: ["PSPath"]), p("OutputDirectory"),
                          p("Append", .switchParameter), p("Force", .switchParameter), p("NoClobber", .switchParameter, aliases: ["NoOverwrite"]),
                          p("IncludeInvocationHeader", .switchParameter), p("UseMinimalHeader", .switchParameter)],
             example: "Start-Transcript -Path C:\\Logs\\migration.log -Append", shouldProcess: true,
             description: "Accepted so that runbooks which log their session run unchanged; migsh does not record transcripts, and says so in one verbose line. Redirect migsh's output (migsh -File x.ps1 > log.txt 2>&1) to keep a log."),
        noOp("Stop-Transcript", "Stops a transcript.", "Stop-Transcript: no transcript was being recorded.",
             parameters: [], example: "Stop-Transcript",
             description: "Accepted so that runbooks which log their session run unchanged; writes one verbose line."),
        noOp("Get-ExecutionPolicy", "Gets the execution policies for the current session.", "Get-ExecutionPolicy: migsh does not restrict scripts.",
             parameters: [p("Scope", executionPolicyScope), p("List", .switchParameter)],
             example: "Get-ExecutionPolicy", output: { _ in .string("Unrestricted") }),
    ]
}

final class PreambleCommand: Cmdlet {
    let message: String
    let output: (@Sendable (CommandContext) -> Value?)?
    init(message: String, output: (@Sendable (CommandContext) -> Value?)?) { self.message = message; self.output = output }

    func end(_ context: CommandContext) throws {
        context.writeVerbose(message)
        if let v = output?(context) { context.write(v) }
    }
}
