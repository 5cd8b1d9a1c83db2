import Migration
import PowerShell

/// New-MigrationBatch: creates an IMAP batch from CSV data and an endpoint.
enum NewMigrationBatch {
    static let csvSet = "Onboarding"
    static let userIdsSet = "PreexistingUserIds"
    static let usersSet = "PreexistingUsers"

    static let declaration = CommandDeclaration(
        name: "New-MigrationBatch",
        synopsis: "Creates an IMAP migration batch from a CSV file of users.",
        description: """
            The CSV data (the raw bytes of the file) needs the columns EmailAddress, UserName and \
            Password, and may have UserRoot; headers ignore case and may come in any order. The \
            file is checked in full before anything is saved: every bad row is reported with its \
            row number and reason, and a file with errors creates no batch. Limits: 50,000 rows, \
            10 MB, 100 batches, names up to 64 characters, unique names, and a user belongs to at \
            most one batch. Passwords are stored encrypted and are never shown. Without -AutoStart \
            the batch stays Created until Start-MigrationBatch; with it, the batch and its users \
            move to their syncing statuses at once. With -UserIds (email addresses or Guids, also \
            from the pipeline) or -Users (MigrationUser objects), the batch is made of users the \
            state already knows, e.g. the failed users of another batch: each moves out of its batch \
            with its stored password and MailboxGuid (a user belongs to one batch), and the new batch \
            keeps their batch's source endpoint, folder and item-limit settings. A user still being \
            synced must be stopped first.
            """,
        parameters: [
            SharedParameters.named("Name", .string, mandatory: true,
                                   help: "Unique name of the batch (at most 64 characters); it becomes the batch's Identity.",
                                   maxLength: 64),
            SharedParameters.named("CSVData", .bytes,
                                   set: csvSet, help: "The CSV file's bytes, e.g. ([System.IO.File]::ReadAllBytes(\"C:\\users.csv\")), (Get-Content users.csv -Encoding Byte) or (Get-Content users.csv -AsByteStream -Raw). Required for IMAP batches."),
            SharedParameters.named("SourceEndpoint", MigrationEnums.endpointId, display: MigrationEnums.endpointIdName,
                                   help: "Name of the IMAP migration endpoint that the users' mail is copied from.",
                                   completion: .provider(SharedParameters.endpointProvider)),
            SharedParameters.named("AutoStart", .switchParameter,
                                   help: "Starts the batch as soon as it is created."),
            SharedParameters.named("AutoComplete", .switchParameter,
                                   help: "Completes the batch as soon as its initial sync is done, as Complete-MigrationBatch would."),
            SharedParameters.named("AllowUnknownColumnsInCsv", .bool,
                                   help: "$true ignores CSV columns other than EmailAddress, UserName, Password and UserRoot; $false (the default) refuses them.",
                                   defaultDescription: "$false"),
            SharedParameters.named("ExcludeFolders", .array(.string),
                                   set: csvSet, help: "Source folders not to migrate, separated by commas. Names ignore case; \"Name/*\" also excludes the subfolders; #Inbox#-style names stand for well-known folders."),
            SharedParameters.named("IncludeFolders", .array(.string),
                                   set: csvSet, help: "Only these source folders are migrated; same syntax as -ExcludeFolders."),
            SharedParameters.named("ContentFilter", .string,
                                   set: csvSet, help: "Migrates only the messages that match a filter on their received date, e.g. \"Received -gt '8/23/2020'\"."),
            SharedParameters.named("ContentFilterLanguage", .string,
                                   set: csvSet, help: "Culture used to read dates in -ContentFilter, e.g. en-US."),
            SharedParameters.named("NotificationEmails", .array(.string),
                                   help: "Addresses that receive the batch's status reports."),
            SharedParameters.named("ReportInterval", .timeSpan,
                                   help: "How often status reports are sent; 0 sends none.", defaultDescription: "1.00:00:00"),
            SharedParameters.named("SkipReports", .switchParameter,
                                   help: "Sends no status reports for this batch."),
            SharedParameters.named("StartAfter", .dateTime,
                                   help: "Delays the start of the migration until this time (UTC unless the value gives a zone)."),
            SharedParameters.named("CompleteAfter", .dateTime,
                                   help: "Delays the completion of the batch until this time (UTC unless the value gives a zone)."),
            SharedParameters.named("TimeZone", .string,
                                   help: "Windows time zone name used for -StartAfter and -CompleteAfter, e.g. \"Pacific Standard Time\".",
                                   defaultDescription: "UTC"),
            SharedParameters.named("BadItemLimit", MigrationEnums.unlimited, display: MigrationEnums.unlimitedName,
                                   set: csvSet, help: "How many corrupted messages per mailbox may be skipped before the user fails; a number or Unlimited."),
            SharedParameters.named("LargeItemLimit", MigrationEnums.unlimited, display: MigrationEnums.unlimitedName,
                                   set: csvSet, help: "How many messages over the size limit per mailbox may be skipped before the user fails; a number or Unlimited."),
            SharedParameters.named("TargetDeliveryDomain", .string,
                                   set: csvSet, help: "Accepted for Exchange compatibility; IMAP batches don't use it."),
            ParameterDeclaration(
                "UserIds", .array(.object),
                sets: [ParameterSetMembership(userIdsSet, position: 1, mandatory: true, valueFromPipeline: true)],
                help: "Users the state already knows (email addresses or Guid values from Get-MigrationUser, or piped MigrationUser objects) that make up the new batch; each moves out of its current batch.",
                completion: .provider(SharedParameters.userProvider)).displayed(as: "MultiValuedProperty"),
            ParameterDeclaration(
                "Users", .array(.object),
                sets: [ParameterSetMembership(usersSet, position: 1, mandatory: true, valueFromPipeline: true)],
                help: "MigrationUser objects (e.g. (Get-MigrationUser -BatchId Old -Status Failed)) that make up the new batch; each moves out of its current batch.")
                .displayed(as: "MultiValuedProperty"),
            SharedParameters.inSets("DisableOnCopy", .switchParameter, sets: [userIdsSet, usersSet],
                                    help: "Exchange disables the users' entries in their old batch; migsh always moves them, since a user belongs to one batch."),
            SharedParameters.partition,
        ],
        defaultParameterSet: csvSet,
        examples: [
            CommandExample(#"New-MigrationBatch -Name IMAPBatch1 -SourceEndpoint IMAPEndpoint -CSVData ([System.IO.File]::ReadAllBytes("C:\Users\Administrator\Desktop\IMAPmigration_1.csv")) -AutoStart"#,
                           "Creates IMAPBatch1 from the users in the CSV file and starts it at once."),
            CommandExample(#"New-MigrationBatch -Name IMAPBatch2 -SourceEndpoint IMAPEndpoint -CSVData (Get-Content users.csv -Encoding Byte) -ExcludeFolders "Deleted Items","Junk Email""#,
                           "Creates IMAPBatch2 without starting it; the Deleted Items and Junk Email folders won't be migrated."),
            CommandExample("Get-MigrationUser -BatchId IMAPBatch1 -Status Failed | New-MigrationBatch -Name IMAPRetry -AutoStart",
                           "Moves the failed users of IMAPBatch1 into a new batch, IMAPRetry, and starts it."),
        ],
        outputTypes: [MigrationTypeNames.batch],
        supportsShouldProcess: true, confirmImpact: .medium,
        make: { NewMigrationBatchCommand() })
}

final class NewMigrationBatchCommand: MigrationCmdlet {
    /// The batch settings given on the command line (the endpoint is checked separately).
    static func settings(_ context: CommandContext) throws -> BatchSettings {
        let p = context.parameters
        return BatchSettings(
            sourceEndpoint: p["SourceEndpoint"].flatMap(MigrationValues.identity),
            targetDeliveryDomain: p.string("TargetDeliveryDomain"),
            excludeFolders: MigrationValues.strings(p["ExcludeFolders"]) ?? [],
            includeFolders: MigrationValues.strings(p["IncludeFolders"]) ?? [],
            notificationEmails: MigrationValues.strings(p["NotificationEmails"]) ?? [],
            startAfter: MigrationValues.date(p["StartAfter"]),
            completeAfter: MigrationValues.date(p["CompleteAfter"]),
            badItemLimit: try MigrationValues.unlimited(context, "BadItemLimit") ?? nil,
            largeItemLimit: try MigrationValues.unlimited(context, "LargeItemLimit") ?? nil,
            timeZone: p.string("TimeZone") ?? "UTC",
            autoComplete: p.isSet("AutoComplete"),
            allowUnknownColumnsInCsv: MigrationValues.bool(p["AllowUnknownColumnsInCsv"]) ?? false,
            skipReports: p.isSet("SkipReports"),
            reportInterval: MigrationValues.seconds(p["ReportInterval"]) ?? 86_400)
    }

    /// Users given with -UserIds/-Users, gathered over the pipeline; the batch is made in `end`.
    private var existingUsers: [String] = []
    private var existingUsersGiven = false

    func process(_ context: CommandContext) throws {
        let p = context.parameters
        if p.isBound("UserIds") || p.isBound("Users") {
            existingUsers += MigrationValues.strings(p["UserIds"] ?? p["Users"]) ?? []
            existingUsersGiven = true
            return
        }
        let name = p.string("Name") ?? ""
        try reportingErrors(context, target: name) {
            guard let endpoint = p["SourceEndpoint"].flatMap(MigrationValues.identity) else {
                throw MigrationErrors.missingValue(
                    "An IMAP migration batch needs -SourceEndpoint: the name of the IMAP migration endpoint to copy mail from.",
                    parameter: "SourceEndpoint", command: context.commandName)
            }
            guard let csv = MigrationValues.bytes(p["CSVData"]) else {
                throw MigrationErrors.missingValue(
                    "An IMAP migration batch needs -CSVData: the bytes of a CSV file with the columns EmailAddress, UserName and Password.",
                    parameter: "CSVData", command: context.commandName)
            }
            let options = NewBatchOptions(name: name, sourceEndpoint: endpoint, autoStart: p.isSet("AutoStart"),
                                          settings: try Self.settings(context))
            // Validate the whole CSV before asking, so -WhatIf also reports a bad file.
            let file = try ImapCsv.parse(csv, allowUnknownColumns: options.allowUnknownColumnsInCsv)
            guard try context.shouldProcess(target: name, action: context.commandName) else { return }
            let batch = try store(context).createBatch(options, csv: file)
            if options.autoStart { ServiceAutoStart.ensureRunning(context) }
            context.write(.object(MigrationBatchObject.make(batch, objectState: "New")))
        }
    }

    /// -UserIds/-Users: one batch from every user given. Folder and item-limit settings come from
    /// the first user's batch (those parameters are not part of these sets).
    func end(_ context: CommandContext) throws {
        guard existingUsersGiven else { return }
        let p = context.parameters
        let name = p.string("Name") ?? ""
        try reportingErrors(context, target: name) {
            guard !existingUsers.isEmpty else {
                throw MigrationError.invalidValue(parameter: p.isBound("Users") ? "Users" : "UserIds",
                                                  reason: "No migration user was given.")
            }
            let s = try store(context)
            var settings = try Self.settings(context)
            let from = try s.batch(try s.user(existingUsers[0]).batchId)
            settings.excludeFolders = from.excludeFolders
            settings.includeFolders = from.includeFolders
            settings.badItemLimit = from.badItemLimit
            settings.largeItemLimit = from.largeItemLimit
            settings.targetDeliveryDomain = from.targetDeliveryDomain
            let options = NewBatchOptions(name: name, autoStart: p.isSet("AutoStart"), settings: settings)
            guard try context.shouldProcess(target: name, action: context.commandName) else { return }
            let batch = try s.createBatch(options, existingUsers: existingUsers)
            if options.autoStart { ServiceAutoStart.ensureRunning(context) }
            context.write(.object(MigrationBatchObject.make(batch, objectState: "New")))
        }
    }
}
