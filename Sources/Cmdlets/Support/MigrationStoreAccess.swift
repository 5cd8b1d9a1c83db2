import Foundation
import Migration
import PowerShell

/// Finds the migration state for a session: one `MigrationStore` per state directory, shared
/// by every cmdlet call (and completion) of the process. The directory is `MIGSH_HOME`, or
/// `~/.local/share/migsh` when unset.
enum MigrationStoreAccess {
    private static let lock = NSLock()
    nonisolated(unsafe) private static var open: [String: MigrationStore] = [:]

    static func store(environment: [String: String]) -> MigrationStore {
        let dir = StateDirectory.resolve(environment: environment)
        lock.lock(); defer { lock.unlock() }
        if let s = open[dir.path] { return s }
        let s = MigrationStore(directory: dir)
        open[dir.path] = s
        return s
    }

    static func store(_ context: CommandContext) throws -> MigrationStore {
        var env = ProcessInfo.processInfo.environment
        for (k, v) in context.session.environment { env[k] = v }
        return store(environment: env)
    }

    /// Identities for tab completion; an unreadable state gives no suggestions rather than an error.
    static func completionValues(_ list: (MigrationStore) throws -> [String]) -> [String] {
        (try? list(store(environment: ProcessInfo.processInfo.environment))) ?? []
    }
}
