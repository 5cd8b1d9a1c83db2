import Foundation
import Migration
import PowerShell

/// Opens the migration state for a session: one `MigrationStore` per state directory, shared
/// by every cmdlet call (and completion) of the process. The directory is `MIGSH_HOME`, or
/// `~/.local/share/migsh` when unset.
enum MigrationStoreAccess {
    private static let lock = NSLock()
    nonisolated(unsafe) private static var open: [String: MigrationStore] = [:]

    static func home(environment: [String: String]) -> String {
        if let h = environment["MIGSH_HOME"], !h.isEmpty { return h }
        let user = environment["HOME"] ?? NSHomeDirectory()
        return user + "/.local/share/migsh"
    }

    static func store(environment: [String: String]) throws -> MigrationStore {
        let dir = home(environment: environment)
        lock.lock(); defer { lock.unlock() }
        if let s = open[dir] { return s }
        let s = try MigrationStore(directory: dir)
        open[dir] = s
        return s
    }

    static func store(_ context: CommandContext) throws -> MigrationStore {
        var env = ProcessInfo.processInfo.environment
        for (k, v) in context.session.environment { env[k] = v }
        do { return try store(environment: env) } catch {
            throw MigrationErrors.from(error, command: context.commandName, target: nil)
        }
    }

    /// Identities for tab completion; an unreadable state gives no suggestions rather than an error.
    static func completionValues(_ list: (MigrationStore) throws -> [String]) -> [String] {
        guard let s = try? store(environment: ProcessInfo.processInfo.environment) else { return [] }
        return (try? list(s)) ?? []
    }
}
