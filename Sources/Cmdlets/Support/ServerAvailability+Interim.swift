// Interim until the IMAP module's ServerProbe lands on main: every check reports that it
// could not run, so New-MigrationEndpoint needs -SkipVerification meanwhile.
extension ServerAvailability {
    static func test(target: Target) -> AvailabilityOutcome {
        AvailabilityOutcome(succeeded: false, message: connectionFailedMessage(target.server),
                            errorDetail: "This migsh build can't probe IMAP servers yet; use -SkipVerification.",
                            connectionSettings: target.settingsText)
    }
}
