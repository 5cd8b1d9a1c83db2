// Settings of one user's sync, and the test hooks the sync core calls at each durable step.

public struct SyncOptions: Sendable {
    /// Exchange's per-message limit (35 MB); larger messages are skipped and reported.
    public var maxMessageSize = 35 * 1024 * 1024
    /// Exchange's item limit per mailbox, counted across folders in sync order; past it the oldest
    /// messages of a folder are skipped (Exchange copies newest first).
    public var maxItemsPerMailbox = 500_000
    /// A copy step ends after this many messages or bytes: one target commit (group fsync), then one state write.
    public var batchMessages = 500
    public var batchBytes = 64 * 1024 * 1024
    /// Failed plus skipped items allowed before the user fails; nil = unlimited.
    public var badItemLimit: Int?
    /// Which target messages verification re-reads and hashes (listing-based checks of count, flags, date
    /// and size always cover every message).
    public enum ByteCheck: Sendable { case none, copiedThisSync, all }
    public var verifyTargetBytes = ByteCheck.copiedThisSync
    public init() {}
}

/// Points in a sync where a test may stop it (mbsync's -Tj hook). Throwing from the hook aborts the sync
/// at once, without any cleanup, as a crash would.
public enum SyncEvent: Sendable, Equatable {
    /// The target has committed, the state write `index` (1-based, counted per sync run) is about to happen.
    case beforeStateWrite(index: Int, kind: String)
    /// State write `index` is durable.
    case afterStateWrite(index: Int, kind: String)
    /// `count` message bytes have been written to the target writer of the message in flight.
    case messageBytesWritten(count: Int)
}

public final class SyncHooks: @unchecked Sendable {
    public var onEvent: ((SyncEvent) throws -> Void)?
    public private(set) var stateWrites = 0
    public init(onEvent: ((SyncEvent) throws -> Void)? = nil) { self.onEvent = onEvent }

    func fire(_ e: SyncEvent) throws { try onEvent?(e) }

    /// Applies a state step between its two hook points.
    func write(_ step: SyncStep, to state: any SyncStateStore) throws {
        stateWrites += 1
        try fire(.beforeStateWrite(index: stateWrites, kind: step.kind))
        try state.apply(step)
        try fire(.afterStateWrite(index: stateWrites, kind: step.kind))
    }
}

/// Thrown by test hooks to simulate a crash.
public struct SimulatedCrash: Error, Equatable, Sendable {
    public var at: SyncEvent
    public init(at: SyncEvent) { self.at = at }
}

extension SyncHooks {
    /// Hooks for crash tests of whole processes: `MIGSH_TEST_CRASH_AFTER=k` ends the process with exit
    /// status 75 right after state write k is durable, `MIGSH_TEST_CRASH_BEFORE=k` right before it (after
    /// the target commit). No cleanup runs, as in a kill -9. Without these variables the hooks do nothing.
    public static func fromEnvironment() -> SyncHooks {
        let after = environmentInt("MIGSH_TEST_CRASH_AFTER"), before = environmentInt("MIGSH_TEST_CRASH_BEFORE")
        guard after != nil || before != nil else { return SyncHooks() }
        return SyncHooks { event in
            switch event {
            case .afterStateWrite(let i, _) where i == after: exitImmediately(75)
            case .beforeStateWrite(let i, _) where i == before: exitImmediately(75)
            default: break
            }
        }
    }
}
