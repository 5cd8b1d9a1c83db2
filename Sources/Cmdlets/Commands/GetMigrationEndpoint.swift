import Migration
import PowerShell

/// Get-MigrationEndpoint: lists endpoints, one by identity, or all of one type.
enum GetMigrationEndpoint {
    static let identitySet = "Identity"
    static let typeSet = "TypeFilter"

    static let declaration = CommandDeclaration(
        name: "Get-MigrationEndpoint",
        synopsis: "Shows the migration endpoints and their connection settings.",
        description: """
            Without parameters, every endpoint is returned. -Identity returns the endpoint with that \
            name (names ignore case); a name that doesn't exist is an error. -Type returns the \
            endpoints of one migration type (migsh only has IMAP endpoints). No password is stored \
            in or shown by an endpoint.
            """,
        parameters: [
            SharedParameters.identity(MigrationEnums.endpointId, display: MigrationEnums.endpointIdName, provider: SharedParameters.endpointProvider,
                                      mandatory: false, help: "Name of the endpoint to show.", set: identitySet),
            SharedParameters.named("Type", MigrationEnums.migrationType, set: typeSet, mandatory: true,
                                   help: "Shows only the endpoints of this migration type."),
            SharedParameters.diagnosticInfo,
            SharedParameters.partition,
        ],
        defaultParameterSet: identitySet,
        examples: [
            CommandExample("Get-MigrationEndpoint IMAPEndpoint | Format-List EndpointType,RemoteServer,Port,Security,Max*",
                           "Shows the server settings and concurrency limits of the endpoint IMAPEndpoint."),
            CommandExample("Get-MigrationEndpoint -Type IMAP", "Lists all IMAP endpoints."),
        ],
        outputTypes: [MigrationTypeNames.endpoint],
        make: { GetMigrationEndpointCommand() })
}

final class GetMigrationEndpointCommand: MigrationCmdlet {
    func process(_ context: CommandContext) throws {
        let id = identity(context)
        try reportingErrors(context, target: id) {
            let s = try store(context)
            if let id {
                context.write(.object(MigrationEndpointObject.make(try s.endpoint(id))))
                return
            }
            if let type = context.parameters.string("Type"), MigrationType(rawValue: type) == nil { return }
            let type = context.parameters.string("Type").flatMap(MigrationType.init(rawValue:))
            for e in try s.endpoints(type: type) { context.write(.object(MigrationEndpointObject.make(e))) }
        }
    }
}
