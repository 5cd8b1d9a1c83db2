import Migration
import PowerShell

/// New-MigrationEndpoint -IMAP: stores the connection settings of a source IMAP server.
enum NewMigrationEndpoint {
    static let imapSet = "IMAP"

    static let declaration = CommandDeclaration(
        name: "New-MigrationEndpoint",
        synopsis: "Creates an IMAP migration endpoint: the source server that migration batches copy mail from.",
        description: """
            Saves the host, port, connection security and concurrency limits of a source IMAP \
            server under a name. Batches refer to the endpoint by that name (-SourceEndpoint). \
            Before saving, migsh checks that the server is reachable exactly as \
            Test-MigrationServerAvailability does; if the check fails, no endpoint is created. \
            -SkipVerification saves the endpoint without contacting the server. The endpoint \
            holds no credentials: each user's login comes from the batch's CSV file.
            """,
        parameters: [
            SharedParameters.named("Name", .string, mandatory: true,
                                   help: "Unique name of the endpoint; it becomes the endpoint's Identity.",
                                   maxLength: 64),
            SharedParameters.named("IMAP", .switchParameter, set: imapSet, mandatory: true,
                                   help: "Creates an IMAP endpoint (the only kind migsh supports)."),
            SharedParameters.named("RemoteServer", .string, set: imapSet, mandatory: true,
                                   help: "Host name (FQDN) or IP address of the source IMAP server."),
            SharedParameters.named("Port", .int, set: imapSet,
                                   help: "TCP port of the IMAP server.", range: 1...65535, defaultDescription: "993"),
            SharedParameters.named("Security", MigrationEnums.security, set: imapSet,
                                   help: "None (plain text), Ssl (implicit TLS, usually port 993) or Tls (STARTTLS, usually port 143).",
                                   defaultDescription: "Ssl"),
            SharedParameters.named("Authentication", MigrationEnums.authentication, set: imapSet,
                                   help: "How users log in to the IMAP server: Basic (LOGIN) or Ntlm.",
                                   defaultDescription: "Basic"),
            SharedParameters.named("AcceptUntrustedCertificates", .switchParameter, set: imapSet,
                                   help: "Accepts a server certificate that fails verification. Not advisable outside tests."),
            SharedParameters.named("MaxConcurrentMigrations", MigrationEnums.unlimited, display: MigrationEnums.unlimitedName, set: imapSet,
                                   help: "How many mailboxes of all batches using this endpoint are migrated at the same time (at most 300).",
                                   defaultDescription: "100"),
            SharedParameters.named("MaxConcurrentIncrementalSyncs", MigrationEnums.unlimited, display: MigrationEnums.unlimitedName, set: imapSet,
                                   help: "How many incremental syncs run at the same time; not more than MaxConcurrentMigrations.",
                                   defaultDescription: "20"),
            SharedParameters.named("SkipVerification", .switchParameter,
                                   help: "Creates the endpoint without checking that the server can be reached."),
            SharedParameters.partition,
        ],
        defaultParameterSet: imapSet,
        examples: [
            CommandExample("New-MigrationEndpoint -IMAP -Name IMAPEndpoint -RemoteServer imap.contoso.com -Port 993 -Security Ssl",
                           "Creates the endpoint IMAPEndpoint for a server that speaks IMAP over implicit TLS on port 993."),
            CommandExample("New-MigrationEndpoint -IMAP -Name IMAPEndpoint -RemoteServer imap.contoso.com -Port 143 -Security Tls -MaxConcurrentMigrations 50 -MaxConcurrentIncrementalSyncs 25",
                           "Creates an endpoint that uses STARTTLS on port 143 and migrates at most 50 mailboxes at once, 25 during incremental syncs."),
        ],
        outputTypes: [MigrationTypeNames.endpoint],
        supportsShouldProcess: true, confirmImpact: .medium,
        make: { NewMigrationEndpointCommand() })
}

final class NewMigrationEndpointCommand: MigrationCmdlet {
    func process(_ context: CommandContext) throws {
        let p = context.parameters
        let name = p.string("Name") ?? ""
        let server = p.string("RemoteServer") ?? ""
        let port = MigrationValues.int(p["Port"]) ?? EndpointLimits.defaultPort
        let security = p.string("Security").flatMap(IMAPSecurity.init(rawValue:)) ?? .ssl
        let acceptUntrusted = p.isSet("AcceptUntrustedCertificates")
        var endpoint = MigrationEndpoint(
            name: name, remoteServer: server, port: port, security: security,
            authentication: try EndpointSettings.authentication(p.string("Authentication"), context) ?? .basic,
            acceptUntrustedCertificates: acceptUntrusted)
        if let m = try MigrationValues.unlimited(context, "MaxConcurrentMigrations") {
            endpoint.maxConcurrentMigrations = m ?? EndpointLimits.maxConcurrentMigrationsLimit
        }
        if let m = try MigrationValues.unlimited(context, "MaxConcurrentIncrementalSyncs") {
            endpoint.maxConcurrentIncrementalSyncs = m ?? endpoint.maxConcurrentMigrations
        }
        try reportingErrors(context, target: name) {
            if let invalid = endpoint.validationError() { throw invalid }
            // A taken name is refused before the (possibly slow) server check.
            if (try? store(context).endpoint(name)) != nil { throw MigrationError.endpointAlreadyExists(name) }
            guard try context.shouldProcess(target: name, action: context.commandName) else { return }
            if !p.isSet("SkipVerification") {
                let outcome = ServerAvailability.test(endpoint)
                if !outcome.succeeded {
                    context.writeError(ServerAvailability.failure(outcome, server: server, command: context.commandName))
                    return
                }
            }
            let created = try store(context).createEndpoint(endpoint)
            context.write(.object(MigrationEndpointObject.make(created, objectState: "New")))
        }
    }
}
