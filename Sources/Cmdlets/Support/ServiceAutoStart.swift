import Engine
import Foundation
import PowerShell

/// After a cmdlet records work for the engine (start, stop, complete, remove, sync now), the background
/// service of the session's state directory must be running to act on it; this starts it if needed and
/// returns at once. `MIGSH_NO_SERVICE=1` (in the process or session environment) turns this off.
enum ServiceAutoStart {
    static func ensureRunning(_ context: CommandContext) {
        var env = ProcessInfo.processInfo.environment
        for (k, v) in context.session.environment { env[k] = v }
        let store = MigrationStoreAccess.store(environment: env)
        ServiceLauncher.ensureRunning(stateDirectory: store.directory.path, environment: env)
    }
}
