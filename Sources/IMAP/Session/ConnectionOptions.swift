/// How to secure the connection (Exchange's `-Security`).
public enum Security: String, Hashable, Sendable, CaseIterable {
    /// Plain text (usually port 143).
    case none
    /// Implicit TLS from the first byte (usually port 993).
    case ssl
    /// STARTTLS on a plain port; refuses to continue in plain text if the server does not offer it.
    case tls
}

/// Connection settings. Every wait is bounded: by `connectTimeout` while connecting and negotiating, by
/// `readTimeout` while waiting for server bytes, and by `deadline` overall if set (probes use it).
public struct ConnectionOptions: Sendable {
    public var security: Security
    public var tls: TLSConfiguration
    public var connectTimeout: Duration
    public var readTimeout: Duration
    public var deadline: ContinuousClock.Instant?
    public var limits: ParserLimits

    public init(security: Security = .ssl, tls: TLSConfiguration = .default, connectTimeout: Duration = .seconds(30),
                readTimeout: Duration = .seconds(120), deadline: ContinuousClock.Instant? = nil,
                limits: ParserLimits = .default) {
        self.security = security; self.tls = tls; self.connectTimeout = connectTimeout
        self.readTimeout = readTimeout; self.deadline = deadline; self.limits = limits
    }
}
