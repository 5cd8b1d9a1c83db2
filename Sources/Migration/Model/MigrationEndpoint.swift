import Foundation

/// An IMAP migration endpoint (Exchange's `MigrationEndpoint`, reference §3).
/// Its Identity is its name; lookups ignore case.
public struct MigrationEndpoint: Sendable, Equatable {
    public var name: String
    public var guid: UUID
    public var endpointType: MigrationType
    public var remoteServer: String
    public var port: Int
    public var security: IMAPSecurity
    public var authentication: IMAPAuthentication
    public var acceptUntrustedCertificates: Bool
    public var maxConcurrentMigrations: Int
    public var maxConcurrentIncrementalSyncs: Int
    public var creationDateTime: Date
    public var lastModifiedTime: Date

    public var identity: String { name }

    /// Exchange's documented defaults: port 993, Basic, 100 migrations and 20 incremental syncs at once.
    public init(name: String, remoteServer: String, port: Int = EndpointLimits.defaultPort,
                security: IMAPSecurity = .ssl, authentication: IMAPAuthentication = .basic,
                acceptUntrustedCertificates: Bool = false,
                maxConcurrentMigrations: Int = EndpointLimits.defaultMaxConcurrentMigrations,
                maxConcurrentIncrementalSyncs: Int = EndpointLimits.defaultMaxConcurrentIncrementalSyncs,
                guid: UUID = UUID(), creationDateTime: Date = Date(), lastModifiedTime: Date? = nil) {
        self.name = name
        self.guid = guid
        self.endpointType = .imap
        self.remoteServer = remoteServer
        self.port = port
        self.security = security
        self.authentication = authentication
        self.acceptUntrustedCertificates = acceptUntrustedCertificates
        self.maxConcurrentMigrations = maxConcurrentMigrations
        self.maxConcurrentIncrementalSyncs = maxConcurrentIncrementalSyncs
        self.creationDateTime = creationDateTime
        self.lastModifiedTime = lastModifiedTime ?? creationDateTime
    }
}

/// Exchange's numbers for endpoints (reference §3.1, §3.3).
public enum EndpointLimits {
    public static let defaultPort = 993
    public static let defaultMaxConcurrentMigrations = 100
    public static let defaultMaxConcurrentIncrementalSyncs = 20
    /// EXO refuses more than 300 concurrent migrations on an endpoint.
    public static let maxConcurrentMigrationsLimit = 300
}

/// The changes `Set-MigrationEndpoint` may make; nil leaves a property alone.
public struct EndpointChanges: Sendable, Equatable {
    public var remoteServer: String?
    public var port: Int?
    public var security: IMAPSecurity?
    public var authentication: IMAPAuthentication?
    public var acceptUntrustedCertificates: Bool?
    public var maxConcurrentMigrations: Int?
    public var maxConcurrentIncrementalSyncs: Int?

    public init(remoteServer: String? = nil, port: Int? = nil, security: IMAPSecurity? = nil,
                authentication: IMAPAuthentication? = nil, acceptUntrustedCertificates: Bool? = nil,
                maxConcurrentMigrations: Int? = nil, maxConcurrentIncrementalSyncs: Int? = nil) {
        self.remoteServer = remoteServer
        self.port = port
        self.security = security
        self.authentication = authentication
        self.acceptUntrustedCertificates = acceptUntrustedCertificates
        self.maxConcurrentMigrations = maxConcurrentMigrations
        self.maxConcurrentIncrementalSyncs = maxConcurrentIncrementalSyncs
    }

    func applied(to endpoint: MigrationEndpoint, at now: Date) -> MigrationEndpoint {
        var e = endpoint
        if let remoteServer { e.remoteServer = remoteServer }
        if let port { e.port = port }
        if let security { e.security = security }
        if let authentication { e.authentication = authentication }
        if let acceptUntrustedCertificates { e.acceptUntrustedCertificates = acceptUntrustedCertificates }
        if let maxConcurrentMigrations { e.maxConcurrentMigrations = maxConcurrentMigrations }
        if let maxConcurrentIncrementalSyncs { e.maxConcurrentIncrementalSyncs = maxConcurrentIncrementalSyncs }
        e.lastModifiedTime = now
        return e
    }
}

extension MigrationEndpoint {
    /// Exchange's rules on an endpoint's values; the first broken one is returned.
    public func validationError() -> MigrationError? {
        if name.trimmingCharacters(in: .whitespaces).isEmpty { return .invalidValue(parameter: "Name", reason: "The name can't be empty.") }
        if name.count > BatchLimits.maxNameLength {
            return .invalidValue(parameter: "Name", reason: "The name can't be longer than \(BatchLimits.maxNameLength) characters.")
        }
        if remoteServer.trimmingCharacters(in: .whitespaces).isEmpty {
            return .invalidValue(parameter: "RemoteServer", reason: "The remote server can't be empty.")
        }
        if !(1...65535).contains(port) { return .invalidValue(parameter: "Port", reason: "The port must be between 1 and 65535.") }
        if maxConcurrentMigrations < 1 || maxConcurrentMigrations > EndpointLimits.maxConcurrentMigrationsLimit {
            return .maxConcurrentMigrationsExceeded(value: maxConcurrentMigrations, limit: EndpointLimits.maxConcurrentMigrationsLimit)
        }
        if maxConcurrentIncrementalSyncs < 1 || maxConcurrentIncrementalSyncs > maxConcurrentMigrations {
            return .incrementalSyncsExceedMigrations(incremental: maxConcurrentIncrementalSyncs, migrations: maxConcurrentMigrations)
        }
        return nil
    }
}
