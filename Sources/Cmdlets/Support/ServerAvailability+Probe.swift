import IMAP
import Migration

/// Runs the IMAP module's server probe for a target and words the result as Exchange does:
/// Message is Exchange's connection-failure sentence, ErrorDetail the exception chain naming
/// the cause (the inner exception names are inferred from Exchange's published IMAP failures).
extension ServerAvailability {
    static func test(target: Target) -> AvailabilityOutcome {
        let security: Security = switch target.security {
        case .unencrypted: .none
        case .ssl: .ssl
        case .tls: .tls
        }
        let probe = ServerProbe(host: target.server, port: target.port, security: security, timeout: timeout,
                                tls: TLSConfiguration(verifyCertificates: !target.acceptUntrustedCertificates))
        switch probe.run() {
        case .success:
            return AvailabilityOutcome(succeeded: true, message: "", errorDetail: "", reason: "",
                                       connectionSettings: target.settingsText)
        case .failure(let f):
            let detail = "\(MigrationErrors.connectionFailedException): \(f.message) ---> \(innerException(f.kind)): \(f.reason)"
            return AvailabilityOutcome(succeeded: false, message: f.message, errorDetail: detail, reason: f.reason,
                                       connectionSettings: target.settingsText)
        }
    }

    /// Exchange gives up on a server after a while; 30 seconds keeps a runbook from hanging.
    static let timeout: Duration = .seconds(30)

    static func innerException(_ kind: ServerProbe.FailureKind) -> String {
        switch kind {
        case .tlsHandshakeFailed, .certificateProblem, .startTLSNotOffered:
            return "Microsoft.Exchange.Connections.Common.SslStreamFailureException"
        case .notIMAPServer:
            return "Microsoft.Exchange.Connections.Common.UnsupportedRemoteServerException"
        case .loginFailed:
            return "Microsoft.Exchange.Connections.Common.AuthenticationFailedException"
        case .nameNotResolved, .connectionRefused, .timedOut, .connectionClosed, .networkError:
            return "Microsoft.Exchange.Connections.Common.RemoteNetworkErrorTransientException"
        }
    }
}
