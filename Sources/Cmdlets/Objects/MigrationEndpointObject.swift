import Migration
import PowerShell

/// Builds Exchange's MigrationEndpoint object (property order: reference §3.2).
enum MigrationEndpointObject {
    static func make(_ e: MigrationEndpoint, objectState: String = "Unchanged") -> PSObject {
        ObjectSupport.object(MigrationTypeNames.endpoint, identity: e.identity, [
            ("RunspaceId", .guid(ObjectSupport.runspaceId)),
            ("Identity", .string(e.identity)),
            ("EndpointType", .string(e.endpointType.rawValue)),
            ("RemoteServer", .string(e.remoteServer)),
            ("Port", .int(e.port)),
            ("Security", .string(e.security.rawValue)),
            ("Authentication", .string(e.authentication.rawValue)),
            ("AcceptUntrustedCertificates", .bool(e.acceptUntrustedCertificates)),
            ("MaxConcurrentMigrations", .int(e.maxConcurrentMigrations)),
            ("MaxConcurrentIncrementalSyncs", .int(e.maxConcurrentIncrementalSyncs)),
            ("LastModifiedTime", .date(e.lastModifiedTime)),
            ("Guid", .guid(e.guid)),
            ("IsValid", .bool(true)),
            ("ObjectState", .string(objectState)),
        ])
    }
}
