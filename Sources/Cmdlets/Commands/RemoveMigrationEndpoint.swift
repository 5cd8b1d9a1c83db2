import Migration
import PowerShell

/// Remove-MigrationEndpoint: deletes an endpoint that no batch uses.
enum RemoveMigrationEndpoint {
    static let declaration = CommandDeclaration(
        name: "Remove-MigrationEndpoint",
        synopsis: "Deletes a migration endpoint.",
        description: """
            An endpoint that a migration batch still uses can't be removed: remove the batch first. \
            The cmdlet asks for confirmation; -Confirm:$false removes without asking (needed in \
            scripts that run non-interactively).
            """,
        parameters: [
            SharedParameters.identity(MigrationEnums.endpointId, display: MigrationEnums.endpointIdName, provider: SharedParameters.endpointProvider,
                                      mandatory: true, help: "Name of the endpoint to delete."),
            SharedParameters.partition,
        ],
        examples: [
            CommandExample("Remove-MigrationEndpoint IMAPEndpoint -Confirm:$false",
                           "Deletes the endpoint IMAPEndpoint without asking."),
        ],
        supportsShouldProcess: true, confirmImpact: .high,
        make: { RemoveMigrationEndpointCommand() })
}

final class RemoveMigrationEndpointCommand: MigrationCmdlet {
    func process(_ context: CommandContext) throws {
        guard let id = identity(context) else { return }
        try reportingErrors(context, target: id) {
            let s = try store(context)
            let endpoint = try s.endpoint(id)
            guard try context.shouldProcess(target: endpoint.identity, action: context.commandName) else { return }
            try s.removeEndpoint(endpoint.identity)
        }
    }
}
