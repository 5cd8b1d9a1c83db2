import Migration
import PowerShell

/// The reachability check shared by Test-MigrationServerAvailability and the endpoint cmdlets,
/// over the IMAP module's server probe. It never logs in.
enum ServerAvailability {
    struct Target: Sendable, Equatable {
        var server: String
        var port: Int
        var security: IMAPSecurity
        var acceptUntrustedCertificates: Bool

        init(server: String, port: Int, security: IMAPSecurity, acceptUntrustedCertificates: Bool) {
            self.server = server
            self.port = port
            self.security = security
            self.acceptUntrustedCertificates = acceptUntrustedCertificates
        }

        init(_ e: MigrationEndpoint) {
            self.init(server: e.remoteServer, port: e.port, security: e.security,
                      acceptUntrustedCertificates: e.acceptUntrustedCertificates)
        }

        /// How Exchange-style output shows the tested IMAP settings.
        var settingsText: String { "\(server):\(port) (Security: \(security.rawValue))" }
    }

    static func test(_ endpoint: MigrationEndpoint) -> AvailabilityOutcome { test(target: Target(endpoint)) }

    static func connectionFailedMessage(_ server: String) -> String {
        "The connection to the server '\(server)' could not be completed."
    }

    /// The error New-/Set-MigrationEndpoint report when the check fails: Exchange's connection
    /// failure text, then the cause.
    static func failure(_ outcome: AvailabilityOutcome, server: String, command: String) -> ErrorRecord {
        MigrationErrors.record(
            outcome.message + (outcome.reason.isEmpty ? "" : " " + outcome.reason),
            exception: MigrationErrors.connectionFailedException, category: .connectionError,
            target: server, command: command)
    }
}
