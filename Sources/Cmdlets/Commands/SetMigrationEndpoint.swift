import Migration
import PowerShell

/// Set-MigrationEndpoint: changes an endpoint's settings.
enum SetMigrationEndpoint {
    static let declaration = CommandDeclaration(
        name: "Set-MigrationEndpoint",
        synopsis: "Changes the server settings or concurrency limits of a migration endpoint.",
        description: """
            Only the parameters you give change. When the server, port or security changes, migsh \
            checks that the new settings reach the server before saving them, unless \
            -SkipVerification is given. MaxConcurrentIncrementalSyncs can't exceed \
            MaxConcurrentMigrations. Batches pick up the new settings the next time they sync. \
            Nothing is written to the pipeline.
            """,
        parameters: [
            SharedParameters.identity(MigrationEnums.endpointId, display: MigrationEnums.endpointIdName, provider: SharedParameters.endpointProvider,
                                      mandatory: true, help: "Name of the endpoint to change."),
            SharedParameters.named("RemoteServer", .string, help: "New host name (FQDN) or IP address of the IMAP server."),
            SharedParameters.named("Port", .int, help: "New TCP port of the IMAP server.", range: 1...65535),
            SharedParameters.named("Security", MigrationEnums.security, help: "New connection security: None, Ssl or Tls."),
            SharedParameters.named("Authentication", MigrationEnums.authentication, help: "New login method: Basic or Ntlm."),
            SharedParameters.named("AcceptUntrustedCertificates", .bool,
                                   help: "$true accepts server certificates that fail verification; $false verifies them again. (A Boolean here, a switch on New-MigrationEndpoint.)"),
            SharedParameters.named("MaxConcurrentMigrations", MigrationEnums.unlimited, display: MigrationEnums.unlimitedName,
                                   help: "New limit of mailboxes migrated at the same time (at most 300)."),
            SharedParameters.named("MaxConcurrentIncrementalSyncs", MigrationEnums.unlimited, display: MigrationEnums.unlimitedName,
                                   help: "New limit of incremental syncs at the same time; not more than MaxConcurrentMigrations."),
            SharedParameters.named("SkipVerification", .switchParameter,
                                   help: "Saves changed server settings without checking that the server can be reached."),
            SharedParameters.partition,
        ],
        examples: [
            CommandExample("Set-MigrationEndpoint IMAPEndpoint -MaxConcurrentMigrations 30 -MaxConcurrentIncrementalSyncs 10",
                           "Lowers the concurrency limits of IMAPEndpoint."),
            CommandExample("Set-MigrationEndpoint -Identity IMAPEndpoint -RemoteServer imap2.contoso.com -Port 143 -Security Tls",
                           "Points the endpoint at another server, which is checked before the change is saved."),
        ],
        supportsShouldProcess: true, confirmImpact: .medium,
        make: { SetMigrationEndpointCommand() })
}

final class SetMigrationEndpointCommand: MigrationCmdlet {
    func process(_ context: CommandContext) throws {
        let p = context.parameters
        guard let id = identity(context) else { return }
        var changes = EndpointChanges(
            remoteServer: p.string("RemoteServer"), port: MigrationValues.int(p["Port"]),
            security: p.string("Security").flatMap(IMAPSecurity.init(rawValue:)),
            authentication: try EndpointSettings.authentication(p.string("Authentication"), context),
            acceptUntrustedCertificates: MigrationValues.bool(p["AcceptUntrustedCertificates"]))
        if let m = try MigrationValues.unlimited(context, "MaxConcurrentMigrations") {
            changes.maxConcurrentMigrations = m ?? EndpointLimits.maxConcurrentMigrationsLimit
        }
        if let m = try MigrationValues.unlimited(context, "MaxConcurrentIncrementalSyncs") {
            changes.maxConcurrentIncrementalSyncs = m ?? changes.maxConcurrentMigrations
        }
        try reportingErrors(context, target: id) {
            let s = try store(context)
            let current = try s.endpoint(id)
            let proposed = EndpointSettings.merged(current, changes)
            if let invalid = proposed.validationError() { throw invalid }
            guard try context.shouldProcess(target: current.identity, action: context.commandName) else { return }
            let serverChanged = proposed.remoteServer != current.remoteServer || proposed.port != current.port
                || proposed.security != current.security
                || proposed.acceptUntrustedCertificates != current.acceptUntrustedCertificates
            if serverChanged && !p.isSet("SkipVerification") {
                let outcome = ServerAvailability.test(proposed)
                if !outcome.succeeded {
                    context.writeError(ServerAvailability.failure(outcome, server: proposed.remoteServer,
                                                                  command: context.commandName))
                    return
                }
            }
            _ = try s.setEndpoint(id, changes)
        }
    }
}
