import Migration
import PowerShell

/// Conversions between the cmdlets' Exchange enum values and the Migration model.
enum EndpointSettings {
    /// Exchange's AuthenticationMethod has many members; IMAP endpoints use Basic or Ntlm.
    static func authentication(_ name: String?, _ context: CommandContext) throws -> IMAPAuthentication? {
        guard let name else { return nil }
        if let a = IMAPAuthentication.allCases.first(where: { $0.rawValue.caseInsensitiveCompare(name) == .orderedSame }) {
            return a
        }
        throw MigrationErrors.record(
            "The authentication method \(name) can't be used with an IMAP endpoint. Use Basic or Ntlm.",
            exception: "Microsoft.Exchange.Migration.MigrationPermanentException", category: .invalidArgument,
            target: name, command: context.commandName)
    }
}

extension EndpointSettings {
    /// The endpoint as it would be after `changes`, to validate and probe before saving.
    static func merged(_ e: MigrationEndpoint, _ c: EndpointChanges) -> MigrationEndpoint {
        var r = e
        r.remoteServer = c.remoteServer ?? r.remoteServer
        r.port = c.port ?? r.port
        r.security = c.security ?? r.security
        r.authentication = c.authentication ?? r.authentication
        r.acceptUntrustedCertificates = c.acceptUntrustedCertificates ?? r.acceptUntrustedCertificates
        r.maxConcurrentMigrations = c.maxConcurrentMigrations ?? r.maxConcurrentMigrations
        r.maxConcurrentIncrementalSyncs = c.maxConcurrentIncrementalSyncs ?? r.maxConcurrentIncrementalSyncs
        return r
    }
}
