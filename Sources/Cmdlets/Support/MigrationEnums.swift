import PowerShell

/// The Exchange enumerations the migration cmdlets take, as binder types.
/// Values are listed in Exchange's declaration order; the binder reports them in
/// "does not belong to the set" errors and the REPL completes them.
enum MigrationEnums {
    static let security = PSType.enumeration(
        name: "IMAPSecurityMechanism", values: ["None", "Ssl", "Tls"])

    static let authentication = PSType.enumeration(
        name: "AuthenticationMethod",
        values: ["Basic", "Digest", "Ntlm", "Fba", "WindowsIntegrated", "LiveIdFba", "LiveIdBasic",
                 "WSSecurity", "Certificate", "NegoEx", "OAuth", "Adfs", "Kerberos", "Negotiate",
                 "LiveIdNegotiate", "Misconfigured"])

    static let migrationType = PSType.enumeration(
        name: "MigrationType",
        values: ["None", "IMAP", "XO1", "ExchangeOutlookAnywhere", "BulkProvisioning",
                 "ExchangeRemoteMove", "ExchangeLocalMove", "PSTImport", "PublicFolder"])

    static let batchStatus = PSType.enumeration(
        name: "MigrationBatchStatus",
        values: ["Created", "Syncing", "Stopping", "Stopped", "Completed", "Failed", "Removing",
                 "Synced", "IncrementalSyncing", "Completing", "CompletedWithErrors",
                 "SyncedWithErrors", "Corrupted", "Waiting", "Starting"])

    static let userStatus = PSType.enumeration(
        name: "MigrationUserStatus",
        values: ["Queued", "Syncing", "Failed", "Synced", "IncrementalFailed", "Completing",
                 "Completed", "CompletionFailed", "Corrupted", "Provisioning", "ProvisionUpdating",
                 "CompletionSynced", "Validating", "IncrementalSyncing", "IncrementalSynced",
                 "CompletedWithWarnings", "Stopped", "IncrementalStopped", "Starting", "Stopping",
                 "Removing"])

    static let userStatusSummary = PSType.enumeration(
        name: "MigrationUserStatusSummary",
        values: ["Active", "Failed", "Synced", "Completed", "Stopped"])

    /// Exchange's `Unlimited<int>`: a number or the word Unlimited. Declared as object so the
    /// binder passes it through untouched; `UnlimitedValue.parse` converts it.
    static let unlimited = PSType.object
    static let unlimitedName = "Unlimited"

    /// Exchange's identity parameters (MigrationBatchIdParameter and kin) take a name, a GUID or
    /// an object carrying one. Declared as object so a piped object arrives whole and
    /// `MigrationValues.identity` reads its Identity property (or its string form).
    static let batchId = PSType.object
    static let endpointId = PSType.object
    static let userId = PSType.object

    /// The type names Exchange documents for them, shown by Get-Help and Get-Command -Syntax.
    static let batchIdName = "MigrationBatchIdParameter"
    static let endpointIdName = "MigrationEndpointIdParameter"
    static let userIdName = "MigrationUserIdParameter"
}
