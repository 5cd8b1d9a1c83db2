import Migration
import PowerShell

/// Test-MigrationServerAvailability: checks that an IMAP server answers, either from the
/// given settings (IMAP set) or from a stored endpoint (TestEndpoint set).
enum TestMigrationServerAvailability {
    static let imapSet = "IMAP"
    static let endpointSet = "TestEndpoint"

    static let declaration = CommandDeclaration(
        name: "Test-MigrationServerAvailability",
        synopsis: "Checks that migsh can reach an IMAP server before you create an endpoint or a batch.",
        description: """
            Connects to the IMAP server the way a migration would: it resolves the host name, opens \
            the TCP connection, negotiates TLS when -Security asks for it (implicit TLS for Ssl, \
            STARTTLS for Tls), reads the server greeting and capabilities, and logs out. No user \
            logs in: the IMAP set has no credentials. The result object says Success or Failed; when \
            it fails, Message says what went wrong and ErrorDetail names the cause (name not \
            resolved, connection refused, timeout, certificate or TLS failure, STARTTLS not offered, \
            not an IMAP server). With -Endpoint the settings of an existing migration endpoint are used.
            """,
        parameters: [
            SharedParameters.named("Imap", .switchParameter, set: imapSet, mandatory: true,
                                   help: "Selects the IMAP test. Exchange requires it for this parameter set."),
            SharedParameters.named("RemoteServer", .string, set: imapSet, mandatory: true,
                                   help: "Host name (FQDN) or IP address of the IMAP server."),
            SharedParameters.named("Port", .int, set: imapSet, mandatory: true,
                                   help: "TCP port of the IMAP server: usually 993 for Ssl, 143 for None or Tls.",
                                   range: 1...65535),
            SharedParameters.named("Security", MigrationEnums.security, set: imapSet,
                                   help: "How the connection is protected: None (plain text), Ssl (TLS from the first byte) or Tls (STARTTLS on a plain connection).",
                                   defaultDescription: "None"),
            SharedParameters.named("Authentication", MigrationEnums.authentication, set: imapSet,
                                   help: "Accepted for Exchange compatibility (Basic or Ntlm); the test does not log in, so it has no effect.",
                                   defaultDescription: "Basic"),
            SharedParameters.named("AcceptUntrustedCertificates", .switchParameter, set: imapSet,
                                   help: "Accepts a server certificate that fails verification (self-signed, unknown CA, wrong host name). Use only for testing."),
            SharedParameters.named("Endpoint", MigrationEnums.endpointId, display: MigrationEnums.endpointIdName, set: endpointSet, mandatory: true,
                                   help: "Name of an existing migration endpoint whose settings are tested.",
                                   completion: .provider(SharedParameters.endpointProvider)),
            SharedParameters.partition,
        ],
        defaultParameterSet: imapSet,
        examples: [
            CommandExample("Test-MigrationServerAvailability -IMAP -RemoteServer imap.contoso.com -Port 993 -Security Ssl",
                           "Connects to imap.contoso.com on port 993 with implicit TLS and reports whether the server answered as an IMAP server."),
            CommandExample("Test-MigrationServerAvailability -Endpoint IMAPEndpoint",
                           "Tests the server settings stored in the migration endpoint IMAPEndpoint."),
            CommandExample("(Get-MigrationEndpoint).Identity | ForEach-Object { Test-MigrationServerAvailability -Endpoint $_ }",
                           "Tests every migration endpoint."),
        ],
        outputTypes: [MigrationTypeNames.testOutcome],
        supportsShouldProcess: true, confirmImpact: .low,
        make: { TestMigrationServerAvailabilityCommand() })
}

final class TestMigrationServerAvailabilityCommand: MigrationCmdlet {
    func process(_ context: CommandContext) throws {
        let p = context.parameters
        let target: ServerAvailability.Target
        if context.parameterSetName == TestMigrationServerAvailability.endpointSet {
            guard let name = p["Endpoint"].flatMap(MigrationValues.identity) else { return }
            var found: ServerAvailability.Target?
            try reportingErrors(context, target: name) { found = .init(try store(context).endpoint(name)) }
            guard let found else { return }
            target = found
        } else {
            target = ServerAvailability.Target(
                server: p.string("RemoteServer") ?? "", port: MigrationValues.int(p["Port"]) ?? 993,
                security: p.string("Security").flatMap(IMAPSecurity.init(rawValue:)) ?? .unencrypted,
                acceptUntrustedCertificates: p.isSet("AcceptUntrustedCertificates"))
        }
        guard try context.shouldProcess(target: target.server, action: context.commandName) else { return }
        context.write(.object(TestOutcomeObject.make(ServerAvailability.test(target: target))))
    }
}
