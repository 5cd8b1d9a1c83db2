/// Checks whether an IMAP server can be reached as configured: resolve, connect, negotiate TLS as asked, read
/// the greeting and capabilities, optionally log in, log out. Used by Test-MigrationServerAvailability and
/// New-MigrationEndpoint. Never throws and never waits longer than `timeout` in total.
public struct ServerProbe: Sendable {
    public struct Credentials: Sendable {
        public var user: String
        public var password: String
        public init(user: String, password: String) { self.user = user; self.password = password }
    }

    public var host: String
    public var port: Int
    public var security: Security
    public var timeout: Duration
    public var tls: TLSConfiguration
    public var credentials: Credentials?

    public init(host: String, port: Int, security: Security, timeout: Duration = .seconds(30),
                tls: TLSConfiguration = .default, credentials: Credentials? = nil) {
        self.host = host; self.port = port; self.security = security; self.timeout = timeout
        self.tls = tls; self.credentials = credentials
    }

    /// Why a probe failed.
    public enum FailureKind: Hashable, Sendable {
        case nameNotResolved
        case connectionRefused
        case timedOut(TimeoutPhase)
        case tlsHandshakeFailed
        case certificateProblem(CertificateProblem)
        case startTLSNotOffered
        case notIMAPServer
        case loginFailed
        case connectionClosed
        case networkError
    }

    public struct Failure: Hashable, Sendable {
        public var kind: FailureKind
        /// The summary Exchange prints: "The connection to the server '<host>' could not be completed."
        /// (or the login failure sentence).
        public var message: String
        /// The specific cause in one sentence, e.g. "The server's certificate is not trusted: self-signed certificate."
        public var reason: String
        /// The underlying error.
        public var error: IMAPError
    }

    public struct Success: Hashable, Sendable {
        public var capabilities: [Capability]
        public var greeting: String
        /// "TLSv1.3" etc.; nil for Security .none.
        public var tlsProtocol: String?
        /// True when credentials were given and the login worked.
        public var loggedIn: Bool
    }

    public enum Outcome: Hashable, Sendable {
        case success(Success)
        case failure(Failure)
    }

    /// Runs the probe.
    public func run() -> Outcome {
        let deadline = ContinuousClock.Instant.after(timeout)
        let options = ConnectionOptions(security: security, tls: tls, connectTimeout: timeout, readTimeout: timeout,
                                        deadline: deadline)
        do {
            let connection = try IMAPConnection.connect(host: host, port: port, options: options)
            defer { connection.logout() }
            var loggedIn = false
            if let credentials {
                try connection.login(user: credentials.user, password: credentials.password)
                loggedIn = true
            }
            let caps = connection.capabilities.map(\.name).sorted()
            return .success(Success(capabilities: caps.map(Capability.init), greeting: connection.greeting.text,
                                    tlsProtocol: connection.tlsProtocol, loggedIn: loggedIn))
        } catch {
            return .failure(describe(error))
        }
    }

    /// Maps an error to the failure kind and the texts shown to the admin.
    func describe(_ error: IMAPError) -> Failure {
        let unreachable = "The connection to the server '\(host)' could not be completed."
        func failure(_ kind: FailureKind, _ reason: String, message: String? = nil) -> Failure {
            Failure(kind: kind, message: message ?? unreachable, reason: reason, error: error)
        }
        switch error {
        case .nameNotResolved(_, let why):
            return failure(.nameNotResolved, "The server name '\(host)' could not be resolved (\(why)).")
        case .connectionRefused:
            return failure(.connectionRefused, "The server '\(host)' refused the connection on port \(port).")
        case .timedOut(let phase):
            return failure(.timedOut(phase), "The server did not respond within \(Self.seconds(timeout)) seconds "
                + "(timed out while \(phase.rawValue)).")
        case .certificateRejected(let problem, let why):
            return failure(.certificateProblem(problem), "TLS negotiation failed: the server's certificate was "
                + "rejected (\(why)).")
        case .tlsHandshakeFailed(let why):
            return failure(.tlsHandshakeFailed, "TLS negotiation failed: \(why).")
        case .startTLSNotOffered:
            return failure(.startTLSNotOffered, "The server does not offer STARTTLS on port \(port), so a TLS "
                + "connection could not be negotiated.")
        case .notIMAP(let sent):
            return failure(.notIMAPServer, "The server on port \(port) is not an IMAP server (it answered \"\(sent)\").")
        case .parse(let e):
            return failure(.notIMAPServer, "The server sent a reply that is not valid IMAP (\(e)).")
        case .commandFailed(let command, _, _, let text) where command == "LOGIN":
            return failure(.loginFailed, "The server rejected the user name or password: \(text)",
                           message: "The IMAP server '\(host)' rejected the login.")
        case .connectionClosed(let bye):
            return failure(.connectionClosed, "The server closed the connection" + (bye.map { ": \($0)" } ?? "."))
        case .commandFailed, .protocolViolation, .network, .usage:
            return failure(.networkError, "\(error)")
        }
    }

    private static func seconds(_ d: Duration) -> String {
        let s = d.components.seconds, frac = d.components.attoseconds / 100_000_000_000_000_000
        return frac == 0 ? "\(s)" : "\(s).\(frac)"
    }
}
