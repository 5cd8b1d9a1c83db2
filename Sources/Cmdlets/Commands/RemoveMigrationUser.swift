import Migration
import PowerShell

/// Remove-MigrationUser: takes one user out of its batch.
enum RemoveMigrationUser {
    static let declaration = CommandDeclaration(
        name: "Remove-MigrationUser",
        synopsis: "Removes a user from its migration batch and erases the user's stored password.",
        description: """
            The user stops syncing; mail already copied stays in the target mailbox. The batch's \
            counts drop by one. The cmdlet asks for confirmation; -Confirm:$false removes without asking.
            """,
        parameters: [
            SharedParameters.identity(MigrationEnums.userId, display: MigrationEnums.userIdName, provider: SharedParameters.userProvider,
                                      mandatory: true, help: "Email address (or Guid) of the user to remove."),
            SharedParameters.partition,
        ],
        examples: [
            CommandExample("Remove-MigrationUser -Identity paulc@contoso.edu -Confirm:$false",
                           "Removes paulc@contoso.edu from its batch without asking."),
        ],
        supportsShouldProcess: true, confirmImpact: .high,
        make: { RemoveMigrationUserCommand() })
}

final class RemoveMigrationUserCommand: MigrationCmdlet {
    func process(_ context: CommandContext) throws {
        guard let id = identity(context) else { return }
        try reportingErrors(context, target: id) {
            let s = try store(context)
            let user = try s.user(id)
            if let refusal = BatchLifecycle.canRemoveUser(user.identity, user.status) { throw refusal }
            guard try context.shouldProcess(target: user.identity, action: context.commandName) else { return }
            try s.removeUser(user.identity)
            ServiceAutoStart.ensureRunning(context)
        }
    }
}
