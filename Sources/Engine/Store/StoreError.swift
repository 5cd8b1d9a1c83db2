// Errors of the store layer, ranked by how much they affect (as mbsync's driver results are).

public struct StoreError: Error, Sendable, CustomStringConvertible {
    /// How far the failure reaches. The sync core skips a message, a folder, or gives up on the store.
    public enum Scope: Int, Sendable, Comparable {
        case message = 0, folder, store, canceled
        public static func < (a: Scope, b: Scope) -> Bool { a.rawValue < b.rawValue }
    }
    /// Whether trying again can help.
    public enum Retry: Sendable {
        /// A retry later may succeed (connection lost, server busy, throttled).
        case temporary
        /// Retrying cannot help (message too big for the target, name not allowed, bad password).
        case final
    }
    /// What went wrong, for the cause Get-MigrationUserStatistics shows.
    public enum Cause: Sendable { case authentication, connection, tls, other }
    public var scope: Scope
    public var retry: Retry
    public var message: String
    public var cause: Cause

    public init(_ scope: Scope, _ retry: Retry, _ message: String, cause: Cause = .other) {
        self.scope = scope; self.retry = retry; self.message = message; self.cause = cause
    }
    public var description: String { message }

    public static func message(_ text: String, retry: Retry = .final) -> StoreError { .init(.message, retry, text) }
    public static func folder(_ text: String, retry: Retry = .final) -> StoreError { .init(.folder, retry, text) }
    public static func store(_ text: String, retry: Retry = .temporary) -> StoreError { .init(.store, retry, text) }
}

/// Wraps any error into a StoreError of the given scope, keeping store errors as they are.
func asStoreError(_ error: any Error, scope: StoreError.Scope) -> StoreError {
    if let e = error as? StoreError { return e }
    return StoreError(scope, .temporary, String(describing: error))
}
