// The service's timing knobs, from the environment so tests can shorten them.
import Foundation

public struct ServiceSettings: Sendable {
    /// How often the loop looks at the store for requests and due work.
    public var pollInterval: TimeInterval = 0.5
    /// Incremental sync of Synced batches (Exchange: every 24 hours). `MIGSH_SYNC_INTERVAL` seconds.
    public var incrementalInterval: TimeInterval = 86_400
    /// The service exits after this long with no worker and no batch that needs it. `MIGSH_SERVICE_IDLE_EXIT`
    /// seconds; 0 or less never exits on its own.
    public var idleExit: TimeInterval = 60
    /// A CA bundle trusted for source servers in addition to the system's (tests).
    public var additionalCAFile: String?
    /// Called by every worker at each sync event with the user's address (tests slow or observe syncs).
    public var syncEventObserver: (@Sendable (String, SyncEvent) -> Void)?

    public init() {}

    public static func fromEnvironment(_ env: [String: String] = ProcessInfo.processInfo.environment) -> ServiceSettings {
        var s = ServiceSettings()
        if let v = env["MIGSH_SYNC_INTERVAL"].flatMap(Double.init), v > 0 { s.incrementalInterval = v }
        if let v = env["MIGSH_SERVICE_IDLE_EXIT"].flatMap(Double.init) { s.idleExit = v }
        if let v = env["MIGSH_SERVICE_POLL"].flatMap(Double.init), v > 0 { s.pollInterval = v }
        // Test-only: each copied message takes this many more milliseconds, so a process test can kill -9
        // the service in the middle of a sync.
        if let ms = env["MIGSH_TEST_MESSAGE_DELAY_MS"].flatMap(UInt32.init), ms > 0 {
            s.syncEventObserver = { _, event in if case .messageBytesWritten = event { usleep(ms * 1000) } }
        }
        return s
    }
}
