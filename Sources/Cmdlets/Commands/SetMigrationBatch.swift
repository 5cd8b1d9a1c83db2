import Migration
import PowerShell

/// Set-MigrationBatch: changes a batch's settings or adds users from new CSV data.
enum SetMigrationBatch {
    static let declaration = CommandDeclaration(
        name: "Set-MigrationBatch",
        synopsis: "Changes the settings of a migration batch, or adds users to it.",
        description: """
            Only the parameters you give change. -CSVData with -AddUsers adds the rows of a CSV file \
            in the batch's format; users already in a batch are refused, and a file with errors adds \
            nobody. -CSVData alone updates the entries (UserName, Password, UserRoot) of users \
            already in the batch, e.g. after their passwords changed; a row naming a user the batch \
            doesn't have changes nothing. -ApproveSkippedItems approves the skipped items found so \
            far for every user; failed users with skipped items are queued again, so the batch can \
            reach Synced. -Update asks the migration service to apply the endpoint's, batch's and \
            users' current settings, starting with an incremental sync. -SyncNow asks for an \
            immediate incremental sync of the batch's synced users. A batch that is being stopped, \
            completed or removed can't be changed; nothing is changed then. Nothing is written to the pipeline.
            """,
        parameters: [
            SharedParameters.identity(MigrationEnums.batchId, display: MigrationEnums.batchIdName, provider: SharedParameters.batchProvider,
                                      mandatory: true, help: "Name of the batch to change."),
            SharedParameters.named("CSVData", .bytes,
                                   help: "Bytes of a CSV file: with -AddUsers, users to add; alone, new entries (e.g. passwords) for users already in the batch."),
            SharedParameters.named("AddUsers", .switchParameter,
                                   help: "Adds the users in -CSVData to the batch."),
            SharedParameters.named("AllowUnknownColumnsInCsv", .bool,
                                   help: "$true ignores unknown columns in -CSVData; $false refuses them."),
            SharedParameters.named("ApproveSkippedItems", .switchParameter,
                                   help: "Approves the skipped items found so far for every user of the batch; failed users with skipped items are queued again."),
            SharedParameters.named("BadItemLimit", MigrationEnums.unlimited, display: MigrationEnums.unlimitedName,
                                   help: "New limit of corrupted messages per mailbox; a number or Unlimited."),
            SharedParameters.named("LargeItemLimit", MigrationEnums.unlimited, display: MigrationEnums.unlimitedName,
                                   help: "New limit of oversized messages per mailbox; a number or Unlimited."),
            SharedParameters.named("NotificationEmails", .array(.string),
                                   help: "Replaces the list of addresses that receive status reports."),
            SharedParameters.named("ReportInterval", .timeSpan, help: "New interval between status reports; 0 sends none."),
            SharedParameters.named("SkipReports", .bool, help: "$true stops status reports; $false sends them again."),
            SharedParameters.named("StartAfter", .dateTime, help: "New earliest start time of the migration."),
            SharedParameters.named("CompleteAfter", .dateTime, help: "New earliest completion time of the batch."),
            SharedParameters.named("SyncNow", .switchParameter,
                                   help: "Requests an incremental sync now for the users that are already synced."),
            SharedParameters.named("Update", .switchParameter,
                                   help: "Asks the migration service to apply the current endpoint, batch and user settings again, starting with an incremental sync of the synced users."),
            SharedParameters.partition,
        ],
        examples: [
            CommandExample(#"Set-MigrationBatch IMAPBatch1 -AddUsers -CSVData ([System.IO.File]::ReadAllBytes("C:\more-users.csv"))"#,
                           "Adds the users of more-users.csv to IMAPBatch1."),
            CommandExample("Set-MigrationBatch -Identity IMAPBatch1 -SyncNow",
                           "Asks for an incremental sync now, e.g. after the MX record was switched."),
            CommandExample("Set-MigrationBatch -Identity IMAPBatch1 -ApproveSkippedItems",
                           "Approves the items skipped so far for every user of IMAPBatch1."),
            CommandExample(#"Set-MigrationBatch IMAPBatch1 -CSVData ([System.IO.File]::ReadAllBytes("C:\new-passwords.csv"))"#,
                           "Gives users of IMAPBatch1 the passwords (and user names) of new-passwords.csv."),
        ],
        supportsShouldProcess: true, confirmImpact: .medium,
        make: { SetMigrationBatchCommand() })
}

final class SetMigrationBatchCommand: MigrationCmdlet {
    func process(_ context: CommandContext) throws {
        let p = context.parameters
        guard let id = identity(context) else { return }
        var changes = BatchChanges(
            notificationEmails: MigrationValues.strings(p["NotificationEmails"]),
            allowUnknownColumnsInCsv: MigrationValues.bool(p["AllowUnknownColumnsInCsv"]),
            skipReports: MigrationValues.bool(p["SkipReports"]),
            reportInterval: MigrationValues.seconds(p["ReportInterval"]))
        if let d = MigrationValues.date(p["StartAfter"]) { changes.startAfter = .some(d) }
        if let d = MigrationValues.date(p["CompleteAfter"]) { changes.completeAfter = .some(d) }
        if let n = try MigrationValues.unlimited(context, "BadItemLimit") { changes.badItemLimit = .some(n) }
        if let n = try MigrationValues.unlimited(context, "LargeItemLimit") { changes.largeItemLimit = .some(n) }
        let csvBytes = MigrationValues.bytes(p["CSVData"])
        try reportingErrors(context, target: id) {
            let s = try store(context)
            let batch = try s.batch(id)
            if let refusal = BatchLifecycle.canSet(batch.name, batch.status) { throw refusal }
            var file: ImapCsvFile?
            if let csvBytes {
                let allow = changes.allowUnknownColumnsInCsv ?? batch.allowUnknownColumnsInCsv
                file = try ImapCsv.parse(csvBytes, allowUnknownColumns: allow)
            } else if p.isSet("AddUsers") {
                throw MigrationErrors.missingValue("-AddUsers needs -CSVData with the users to add.",
                                                   parameter: "CSVData", command: context.commandName)
            }
            guard try context.shouldProcess(target: batch.identity, action: context.commandName) else { return }
            if changes != BatchChanges() { _ = try s.setBatch(batch.identity, changes) }
            if let file {
                if p.isSet("AddUsers") { _ = try s.addUsers(toBatch: batch.identity, csv: file) }
                else { _ = try s.updateUsers(inBatch: batch.identity, csv: file) }
            }
            if p.isSet("ApproveSkippedItems") { try s.approveSkippedItems(batch: batch.identity); ServiceAutoStart.ensureRunning(context) }
            if p.isSet("Update") { try s.requestUpdate(batch.identity); ServiceAutoStart.ensureRunning(context) }
            if p.isSet("SyncNow") { try s.syncNow(batch.identity); ServiceAutoStart.ensureRunning(context) }
        }
    }
}
