import Foundation
import GRDB

/// Endpoints: New-/Get-/Set-/Remove-MigrationEndpoint.
extension MigrationStore {
    /// Stores a new endpoint. Refuses invalid values and a name already used (any case).
    @discardableResult
    public func createEndpoint(_ endpoint: MigrationEndpoint) throws -> MigrationEndpoint {
        if let error = endpoint.validationError() { throw error }
        return try write { db in
            if try endpointRow(db, endpoint.name) != nil { throw MigrationError.endpointAlreadyExists(endpoint.name) }
            try db.execute(sql: """
                INSERT INTO endpoint (guid, name, name_key, endpoint_type, remote_server, port, security, authentication,
                    accept_untrusted_certificates, max_concurrent_migrations, max_concurrent_incremental_syncs, created_at, modified_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, arguments: [endpoint.guid.uuidString.lowercased(), endpoint.name, endpoint.name.identityKey,
                                 endpoint.endpointType.rawValue, endpoint.remoteServer, endpoint.port, endpoint.security.rawValue,
                                 endpoint.authentication.rawValue, endpoint.acceptUntrustedCertificates,
                                 endpoint.maxConcurrentMigrations, endpoint.maxConcurrentIncrementalSyncs,
                                 endpoint.creationDateTime.timeIntervalSince1970, endpoint.lastModifiedTime.timeIntervalSince1970])
            return endpoint
        }
    }

    /// The endpoint named `identity` (or with that GUID), ignoring case.
    public func endpoint(_ identity: String) throws -> MigrationEndpoint {
        try read { db in
            guard let row = try endpointRow(db, identity) else { throw MigrationError.endpointNotFound(identity) }
            return RowDecoding.endpoint(row)
        }
    }

    /// All endpoints in creation order, optionally only those of one type.
    public func endpoints(type: MigrationType? = nil) throws -> [MigrationEndpoint] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM endpoint WHERE ?1 IS NULL OR endpoint_type = ?1 ORDER BY id",
                             arguments: [type?.rawValue]).map(RowDecoding.endpoint)
        }
    }

    /// Applies Set-MigrationEndpoint's changes; the result must still be valid.
    @discardableResult
    public func setEndpoint(_ identity: String, _ changes: EndpointChanges) throws -> MigrationEndpoint {
        try write { db in
            guard let row = try endpointRow(db, identity) else { throw MigrationError.endpointNotFound(identity) }
            let updated = changes.applied(to: RowDecoding.endpoint(row), at: Date())
            if let error = updated.validationError() { throw error }
            try db.execute(sql: """
                UPDATE endpoint SET remote_server = ?, port = ?, security = ?, authentication = ?, accept_untrusted_certificates = ?,
                    max_concurrent_migrations = ?, max_concurrent_incremental_syncs = ?, modified_at = ? WHERE id = ?
                """, arguments: [updated.remoteServer, updated.port, updated.security.rawValue, updated.authentication.rawValue,
                                 updated.acceptUntrustedCertificates, updated.maxConcurrentMigrations,
                                 updated.maxConcurrentIncrementalSyncs, updated.lastModifiedTime.timeIntervalSince1970,
                                 row["id"] as Int64])
            return updated
        }
    }

    /// Removes an endpoint no batch uses.
    public func removeEndpoint(_ identity: String) throws {
        try write { db in
            guard let row = try endpointRow(db, identity) else { throw MigrationError.endpointNotFound(identity) }
            let id: Int64 = row["id"]
            let batches = try String.fetchAll(db, sql: "SELECT name FROM batch WHERE source_endpoint_id = ? ORDER BY id", arguments: [id])
            if !batches.isEmpty { throw MigrationError.endpointInUse(endpoint: row["name"], batches: batches) }
            try db.execute(sql: "DELETE FROM endpoint WHERE id = ?", arguments: [id])
        }
    }

    func endpointRow(_ db: Database, _ identity: String) throws -> Row? {
        try Row.fetchOne(db, sql: "SELECT * FROM endpoint WHERE name_key = ? OR guid = ?",
                         arguments: [identity.identityKey, identity.lowercased()])
    }
}
