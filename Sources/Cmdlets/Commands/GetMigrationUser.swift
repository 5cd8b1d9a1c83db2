import Migration
import PowerShell

/// Get-MigrationUser: lists the users of batches.
enum GetMigrationUser {
    static let identitySet = "Identity"
    static let statusSet = "StatusAndBatchId"
    static let emailSet = "EmailAddress"
    static let mailboxGuidSet = "MailboxGuid"

    static let declaration = CommandDeclaration(
        name: "Get-MigrationUser",
        synopsis: "Shows the users of migration batches and their migration status.",
        description: """
            Without parameters, the users of every batch are returned (at most -ResultSize, 1000 by \
            default; Unlimited returns all). -Identity or -EmailAddress returns one user by email \
            address (ignoring case), -MailboxGuid by the GUID of its target mailbox; -BatchId, -Status and -StatusSummary filter the list. Passwords \
            are never shown.
            """,
        parameters: [
            SharedParameters.identity(MigrationEnums.userId, display: MigrationEnums.userIdName, provider: SharedParameters.userProvider,
                                      mandatory: false, help: "Email address (or Guid) of the user to show.",
                                      set: identitySet),
            SharedParameters.named("EmailAddress", .string, set: emailSet, mandatory: true,
                                   help: "Shows the user with this email address.",
                                   completion: .provider(SharedParameters.userProvider)),
            SharedParameters.named("MailboxGuid", .guid, set: mailboxGuidSet, mandatory: true,
                                   help: "Shows the user whose target mailbox has this GUID (the user's MailboxGuid property)."),
            SharedParameters.named("BatchId", MigrationEnums.batchId, display: MigrationEnums.batchIdName, set: statusSet,
                                   help: "Shows only the users of this batch.",
                                   completion: .provider(SharedParameters.batchProvider)),
            SharedParameters.named("Status", MigrationEnums.userStatus, set: statusSet,
                                   help: "Shows only the users in this status."),
            SharedParameters.named("StatusSummary", MigrationEnums.userStatusSummary, set: statusSet,
                                   help: "Shows only the users whose status rolls up to this summary (Active, Failed, Synced, Completed, Stopped)."),
            SharedParameters.inSets("ResultSize", MigrationEnums.unlimited, display: MigrationEnums.unlimitedName,
                                    sets: [identitySet, statusSet, mailboxGuidSet],
                                    help: "Returns at most this many users; Unlimited returns all.",
                                    defaultDescription: "1000"),
            SharedParameters.inSets("IncludeAssociatedUsers", .switchParameter, sets: [identitySet, statusSet],
                                    help: "Accepted for Exchange compatibility; IMAP batches have no associated users."),
            SharedParameters.partition,
        ],
        defaultParameterSet: identitySet,
        examples: [
            CommandExample("Get-MigrationUser -BatchId IMAPBatch1", "Lists the users of IMAPBatch1."),
            CommandExample("Get-MigrationUser -Identity terrya@contoso.edu | Format-List", "Shows every property of one user."),
            CommandExample("Get-MigrationUser -Status Failed -ResultSize Unlimited", "Lists all failed users of all batches."),
            CommandExample("Get-MigrationUser -MailboxGuid 6f1c0e4a-3b2d-4c5e-9f10-2a3b4c5d6e7f",
                           "Shows the user whose target mailbox has this GUID."),
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
            if case .guid(let mailbox)? = p["MailboxGuid"] {
                context.write(.object(MigrationUserObject.make(try s.user(mailboxGuid: mailbox))))
                return
            }
            // One more than the limit tells whether the default limit hid anything.
            let users = try s.users(batch: p["BatchId"].flatMap(MigrationValues.identity),
                                    status: p.string("Status").flatMap(MigrationUserStatus.init(name:)),
                                    statusSummary: p.string("StatusSummary").flatMap(MigrationUserStatusSummary.init(name:)),
                                    limit: limit.limit.map { $0 + 1 })
            for u in limit.apply(users, context) { context.write(.object(MigrationUserObject.make(u))) }
        }
    }
}
