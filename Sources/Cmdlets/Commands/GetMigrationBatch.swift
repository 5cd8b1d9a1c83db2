import Migration
import PowerShell

/// Get-MigrationBatch: lists batches, one by identity, by status, or by endpoint.
enum GetMigrationBatch {
    static let identitySet = "Identity"
    static let endpointSet = "BatchesByEndpoint"

    static let declaration = CommandDeclaration(
        name: "Get-MigrationBatch",
        synopsis: "Shows migration batches, their status and their user counts.",
        description: """
            Without parameters, all batches are returned (at most -ResultSize, 1000 by default). \
            -Identity returns the named batch (names ignore case); a batch that doesn't exist is \
            an error. -Status keeps the batches in that status; -Endpoint keeps the batches that use \
            that endpoint.
            """,
        parameters: [
            SharedParameters.identity(MigrationEnums.batchId, display: MigrationEnums.batchIdName, provider: SharedParameters.batchProvider,
                                      mandatory: false, help: "Name of the batch to show.", set: identitySet),
            SharedParameters.named("Status", MigrationEnums.batchStatus, set: identitySet,
                                   help: "Shows only the batches in this status."),
            SharedParameters.named("Endpoint", MigrationEnums.endpointId, display: MigrationEnums.endpointIdName, set: endpointSet, mandatory: true,
                                   help: "Shows only the batches that use this migration endpoint.",
                                   completion: .provider(SharedParameters.endpointProvider)),
            SharedParameters.named("ResultSize", MigrationEnums.unlimited, display: MigrationEnums.unlimitedName,
                                   help: "Returns at most this many batches; Unlimited returns all.", defaultDescription: "1000"),
            SharedParameters.named("IncludeReport", .switchParameter,
                                   help: "Fills the Report property with the batch's history."),
            SharedParameters.diagnosticInfo,
            SharedParameters.partition,
        ],
        defaultParameterSet: identitySet,
        examples: [
            CommandExample("Get-MigrationBatch -Identity IMAPBatch1 | Format-List", "Shows every property of IMAPBatch1."),
            CommandExample("Get-MigrationBatch -Identity IMAPBatch1 | Format-List Status", "Shows only the status of IMAPBatch1."),
            CommandExample("Get-MigrationBatch -Status Syncing", "Lists the batches that are syncing."),
        ],
        outputTypes: [MigrationTypeNames.batch],
        make: { GetMigrationBatchCommand() })
}

final class GetMigrationBatchCommand: MigrationCmdlet {
    func process(_ context: CommandContext) throws {
        let p = context.parameters
        let id = identity(context)
        let limit = try ResultSize.read(context)
        try reportingErrors(context, target: id) {
            let s = try store(context)
            let report: (MigrationBatch) throws -> String? = { b in
                p.isSet("IncludeReport") ? try BatchReport.text(b, store: s) : nil
            }
            if let id {
                let b = try s.batch(id)
                if let status = p.string("Status"), b.status.rawValue.caseInsensitiveCompare(status) != .orderedSame { return }
                context.write(.object(MigrationBatchObject.make(b, report: try report(b))))
                return
            }
            let all = try s.batches(status: p.string("Status").flatMap(MigrationBatchStatus.init(name:)),
                                    endpoint: p["Endpoint"].flatMap(MigrationValues.identity))
            for b in limit.apply(all, context) { context.write(.object(MigrationBatchObject.make(b, report: try report(b)))) }
        }
    }
}
