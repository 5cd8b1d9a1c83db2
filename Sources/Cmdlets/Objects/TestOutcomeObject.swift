import PowerShell

/// What one availability check found, in Exchange's terms (reference §2.3, §2.4).
struct AvailabilityOutcome: Sendable, Equatable {
    var succeeded: Bool
    /// Empty on success; on failure Exchange's "The connection to the server '<host>' could not be completed."
    var message: String
    /// Empty on success; on failure the exception chain naming the cause.
    var errorDetail: String
    /// Empty on success; on failure the cause in one sentence.
    var reason: String
    /// The tested settings, as Exchange prints IMAP connection settings.
    var connectionSettings: String
}

/// Builds Exchange's TestMigrationServerAvailabilityOutcome (property order seen in real output).
enum TestOutcomeObject {
    static func make(_ o: AvailabilityOutcome) -> PSObject {
        ObjectSupport.object(MigrationTypeNames.testOutcome, identity: nil, [
            ("RunspaceId", .guid(ObjectSupport.runspaceId)),
            ("Result", .string(o.succeeded ? "Success" : "Failed")),
            ("Message", .string(o.message)),
            ("ConnectionSettings", o.succeeded ? .string(o.connectionSettings) : .null),
            ("SupportsCutover", .bool(false)),
            ("ErrorDetail", .string(o.errorDetail)),
            ("IsValid", .bool(true)),
            ("Identity", .null),
            ("ObjectState", .string("New")),
        ])
    }
}
