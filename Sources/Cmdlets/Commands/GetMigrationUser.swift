import Migration
import PowerShell

/// Get-MigrationUser: lists the users of batches.
enum GetMigrationUser {
    static let identitySet = "Identity"
    static let statusSet = "StatusAndBatchId"
    static let emailSet = "EmailAddress"

    static let declaration = CommandDeclaration(
        name: "Get-MigrationUser",
        synopsis: "Shows the users of migration batches and their migration status.",
        description: """
            Without parameters, the users of every batch are returned (at most -ResultSize, 1000 by \
            default; Unlimited returns all). -Identity or -EmailAddress returns one user by email \
            address (ignoring case); -BatchId, -Status and -StatusSummary filter the list. Passwords \
            are never shown.
            """,
        parameters: [
            CommonParameters.identity(MigrationEnums.userId, provider: CommonParameters.userProvider,
                                      mandatory: false, help: "Email address (or Guid) of the user to show.",
                                      set: identitySet),
            CommonParameters.named("EmailAddress", .string, set: emailSet, mandatory: true,
                                   help: "Shows the user with this email address.",
                                   completion: .provider(CommonParameters.userProvider)),
            CommonParameters.named("BatchId", MigrationEnums.batchId, set: statusSet,
                                   help: "Shows only the users of this batch.",
                                   completion: .provider(CommonParameters.batchProvider)),
            CommonParameters.named("Status", MigrationEnums.userStatus, set: statusSet,
                                   help: "Shows only the users in this status."),
            CommonParameters.named("StatusSummary", MigrationEnums.userStatusSummary, set: statusSet,
                                   help: "Shows only the users whose status rolls up to this summary (Active, Failed, Synced, Completed, Stopped)."),
            CommonParameters.inSets("ResultSize", MigrationEnums.unlimited, sets: [identitySet, statusSet],
                                    help: "Returns at most this many users; Unlimited returns all.",
                                    defaultDescription: "1000"),
            CommonParameters.inSets("IncludeAssociatedUsers", .switchParameter, sets: [identitySet, statusSet],
                                    help: "Accepted for Exchange compatibility; IMAP batches have no associated users."),
            CommonParameters.partition,
        ],
        defaultParameterSet: identitySet,
        examples: [
            CommandExample("Get-MigrationUser -BatchId IMAPBatch1", "Lists the users of IMAPBatch1."),
            CommandExample("Get-MigrationUser -Identity terrya@contoso.edu | Format-List", "Shows every property of one user."),
            CommandExample("Get-MigrationUser -Status Failed -ResultSize Unlimited", "Lists all failed users of all batches."),
        ],
        outputTypes: [MigrationTypeNames.user],
        make: { GetMigrationUserCommand() })
}

final class GetMigrationUserCommand: MigrationCmdlet {
    func process(_ context: CommandContext) throws {
        let p = context.parameters
        let id = identity(context) ?? p.string("EmailAddress")
        let limit = try ResultSize.read(context)
        try reportingErrors(context, target: id) {
            let s = try store(context)
            if let id {
                context.write(.object(MigrationUserObject.make(try s.user(id))))
                return
            }
            var filter = UserFilter()
            if let batch = p["BatchId"].flatMap(MigrationValues.identity) { filter.batch = try s.batch(batch).identity }
            filter.status = p.string("Status").flatMap(MigrationUserStatus.init(name:))
            filter.summary = p.string("StatusSummary").flatMap(MigrationUserStatusSummary.init(name:))
            // One more than the limit tells whether the default limit hid anything.
            filter.limit = limit.limit.map { $0 + 1 }
            for u in limit.apply(try s.users(filter), context) { context.write(.object(MigrationUserObject.make(u))) }
        }
    }
}
