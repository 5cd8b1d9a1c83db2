import Foundation
import Testing
@testable import Migration

@Suite struct StoreEndpointTests {
    @Test func createGetListSetRemove() throws {
        let state = TemporaryState()
        let store = state.store()
        let created = try store.createEndpoint(MigrationEndpoint(name: "IMAP_TLS_Endpoint", remoteServer: "imap.contoso.com", port: 143,
                                                                 security: .tls, maxConcurrentMigrations: 50, maxConcurrentIncrementalSyncs: 10))
        let fetched = try store.endpoint("imap_tls_endpoint")
        #expect(fetched.name == "IMAP_TLS_Endpoint" && fetched.port == 143 && fetched.security == .tls)
        #expect(fetched.maxConcurrentMigrations == 50 && fetched.maxConcurrentIncrementalSyncs == 10)
        #expect(fetched.guid == created.guid && fetched.endpointType == .imap && fetched.authentication == .basic)
        #expect(abs(fetched.creationDateTime.timeIntervalSince(created.creationDateTime)) < 0.001)
        #expect(try store.endpoint(created.guid.uuidString.uppercased()).name == "IMAP_TLS_Endpoint")

        try store.createEndpoint(MigrationEndpoint(name: "Second", remoteServer: "mail.fabrikam.com"))
        #expect(try store.endpoints().map(\.name) == ["IMAP_TLS_Endpoint", "Second"])
        #expect(try store.endpoints(type: .imap).count == 2)

        let changed = try store.setEndpoint("SECOND", EndpointChanges(port: 1993, security: .unencrypted, acceptUntrustedCertificates: true))
        #expect(changed.port == 1993 && changed.security == .unencrypted && changed.acceptUntrustedCertificates)
        #expect(try store.endpoint("second").port == 1993)
        #expect(try store.endpoint("second").remoteServer == "mail.fabrikam.com")

        try store.removeEndpoint("Second")
        #expect(migrationError { _ = try store.endpoint("Second") } == .endpointNotFound("Second"))
        #expect(try store.endpoints().count == 1)
    }

    @Test func defaultsAreExchanges() {
        let e = MigrationEndpoint(name: "E", remoteServer: "h")
        #expect(e.port == 993 && e.authentication == .basic && e.maxConcurrentMigrations == 100 && e.maxConcurrentIncrementalSyncs == 20)
        #expect(e.identity == "E")
    }

    @Test func duplicateNameRefusedIgnoringCase() throws {
        let store = TemporaryState().store()
        try store.createEndpoint(MigrationEndpoint(name: "IMAPEndpoint", remoteServer: "a"))
        let e = migrationError { try store.createEndpoint(MigrationEndpoint(name: "imapendpoint", remoteServer: "b")) }
        #expect(e == .endpointAlreadyExists("imapendpoint"))
        #expect(e?.message == "A migration endpoint with the name \"imapendpoint\" already exists.")
    }

    @Test func notFoundWording() {
        let store = TemporaryState().store()
        let e = migrationError { _ = try store.endpoint("Nope") }
        #expect(e?.message == "The migration endpoint \"Nope\" couldn't be found.")
        #expect(e?.categoryName == "ObjectNotFound")
        #expect(migrationError { try store.removeEndpoint("Nope") } == .endpointNotFound("Nope"))
        #expect(migrationError { try store.setEndpoint("Nope", EndpointChanges(port: 1)) } == .endpointNotFound("Nope"))
    }

    @Test func invalidValuesRefused() throws {
        let store = TemporaryState().store()
        #expect(migrationError { try store.createEndpoint(MigrationEndpoint(name: "E", remoteServer: "h", maxConcurrentMigrations: 301)) }
                == .maxConcurrentMigrationsExceeded(value: 301, limit: 300))
        #expect(migrationError { try store.createEndpoint(MigrationEndpoint(name: "E", remoteServer: "h", maxConcurrentMigrations: 10,
                                                                            maxConcurrentIncrementalSyncs: 11)) }
                == .incrementalSyncsExceedMigrations(incremental: 11, migrations: 10))
        #expect(migrationError { try store.createEndpoint(MigrationEndpoint(name: "E", remoteServer: "h", port: 0)) }?.categoryName == "InvalidArgument")
        #expect(migrationError { try store.createEndpoint(MigrationEndpoint(name: " ", remoteServer: "h")) } != nil)
        #expect(try store.endpoints().isEmpty)
        try store.createEndpoint(MigrationEndpoint(name: "E", remoteServer: "h"))
        // A change that breaks the rule leaves the endpoint as it was.
        #expect(migrationError { try store.setEndpoint("E", EndpointChanges(maxConcurrentMigrations: 5)) }
                == .incrementalSyncsExceedMigrations(incremental: 20, migrations: 5))
        #expect(try store.endpoint("E").maxConcurrentMigrations == 100)
    }

    @Test func endpointUsedByBatchCannotBeRemoved() throws {
        let store = TemporaryState().store()
        try store.seed(batch: "B1", endpoint: "Src")
        let e = migrationError { try store.removeEndpoint("src") }
        #expect(e == .endpointInUse(endpoint: "Src", batches: ["B1"]))
        #expect(e?.message.contains("B1") == true)
        #expect(try store.endpoint("Src").name == "Src")
        try store.removeBatch("B1")
        try store.removeEndpoint("src")
        #expect(try store.endpoints().isEmpty)
    }
}
