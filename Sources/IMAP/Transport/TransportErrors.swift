/// What went wrong with a certificate, from OpenSSL's verification result.
public enum CertificateProblem: Hashable, Sendable {
    case selfSigned
    case untrustedIssuer
    case hostnameMismatch
    case expired
    case notYetValid
    case other
}

/// The phase of a connection that timed out.
public enum TimeoutPhase: String, Hashable, Sendable {
    case resolve = "name resolution", connect = "connecting", tlsHandshake = "TLS handshake"
    case read = "waiting for the server", write = "sending to the server"
}

/// Every failure of the IMAP client, typed so callers can tell a wrong password from a dead network.
public enum IMAPError: Error, Hashable, Sendable, CustomStringConvertible {
    /// DNS could not resolve the host name (message from getaddrinfo).
    case nameNotResolved(host: String, reason: String)
    case connectionRefused(host: String, port: Int)
    case timedOut(TimeoutPhase)
    /// Another socket error (errno text).
    case network(String)
    /// The server closed the connection; `bye` holds its BYE text if it sent one.
    case connectionClosed(bye: String?)
    /// The TLS handshake failed for a reason other than the certificate (OpenSSL's reason).
    case tlsHandshakeFailed(String)
    /// The server's certificate was refused; `reason` is OpenSSL's verify message.
    case certificateRejected(CertificateProblem, reason: String)
    /// Security .tls was asked for but the server does not announce STARTTLS.
    case startTLSNotOffered
    /// The peer did not send an IMAP greeting; what it sent instead (truncated).
    case notIMAP(String)
    /// The server sent bytes that are not valid IMAP.
    case parse(IMAPParseError)
    /// A command was answered NO or BAD.
    case commandFailed(command: String, status: ResponseStatus, code: ResponseCode?, text: String)
    /// The server broke the protocol in a way the parser allows (e.g. an unexpected continuation request).
    case protocolViolation(String)
    /// The caller asked for something this connection cannot do (e.g. a second command while a literal waits).
    case usage(String)

    public var description: String {
        switch self {
        case .nameNotResolved(let host, let reason): return "the name '\(host)' could not be resolved: \(reason)"
        case .connectionRefused(let host, let port): return "connection to \(host) port \(port) was refused"
        case .timedOut(let phase): return "timed out while \(phase.rawValue)"
        case .network(let message): return "network error: \(message)"
        case .connectionClosed(let bye): return "the server closed the connection" + (bye.map { ": \($0)" } ?? "")
        case .tlsHandshakeFailed(let reason): return "TLS negotiation failed: \(reason)"
        case .certificateRejected(_, let reason): return "the server's certificate was rejected: \(reason)"
        case .startTLSNotOffered: return "the server does not offer STARTTLS"
        case .notIMAP(let sent): return "the server did not answer like an IMAP server (it sent \"\(sent)\")"
        case .parse(let error): return error.description
        case .commandFailed(let command, let status, _, let text): return "\(command) failed: \(status.rawValue) \(text)"
        case .protocolViolation(let message): return "protocol violation: \(message)"
        case .usage(let message): return message
        }
    }
}
