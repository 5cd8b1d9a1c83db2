// The hidden service flags: `migsh --service` runs the background migration service of the state directory
// in the foreground (what the auto-start spawns, and what a systemd unit runs) until SIGTERM/SIGINT or idle;
// `migsh --service-stop` stops a running one and waits for it to exit; `migsh --set-target-password` seals
// the target server's admin password into target.conf.
#if canImport(Glibc)
@preconcurrency import Glibc
#endif
import Dispatch
import Engine
import Foundation
import Migration

enum ServiceMode {
    /// The exit status when `arguments` ask for a service mode, nil otherwise (the shell runs as usual).
    static func dispatch(_ arguments: [String]) -> Int32? {
        guard let first = arguments.first?.lowercased() else { return nil }
        let home = Migration.StateDirectory.resolve().path
        switch first {
        case "--service": return runForeground(home)
        case "--service-stop":
            if ServiceLauncher.stop(stateDirectory: home) {
                print("The migration service of '\(home)' stopped.")
            } else {
                print("No migration service is running for '\(home)'.")
            }
            return 0
        case "--set-target-password": return setTargetPassword(home)
        default: return nil
        }
    }

    /// Seals the target server's admin password into `<state>/target.conf` (read from standard input,
    /// or asked for without echo on a terminal), so the file never holds it in clear text.
    private static func setTargetPassword(_ home: String) -> Int32 {
        let password: String?
        if isatty(0) != 0 {
            password = getpass("Target admin password: ").map { String(cString: $0) }
        } else {
            password = readLine(strippingNewline: true)
        }
        guard let password, !password.isEmpty else {
            fputs("migsh: no password given on standard input.\n", stderr)
            return 2
        }
        do {
            let store = MigrationStore(directory: Migration.StateDirectory(path: home))
            try TargetSettings.storePassword(password, stateDirectory: home, store: store)
            print("The target password is stored sealed in '\(home)/\(TargetSettings.fileName)'.")
            return 0
        } catch {
            fputs("migsh: \(error)\n", stderr)
            return 1
        }
    }

    private static func runForeground(_ home: String) -> Int32 {
        var settings = ServiceSettings.fromEnvironment()
        settings.additionalCAFile = ProcessInfo.processInfo.environment["MIGSH_CA_FILE"]
        let service = MigrationService(stateDirectory: home, settings: settings)
        // Signals become a clean stop: workers are cancelled at their next message and the lock released.
        var sources: [any DispatchSourceSignal] = []
        for sig in [SIGTERM, SIGINT, SIGHUP] {
            signal(sig, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: sig, queue: .global())
            source.setEventHandler { service.requestStop() }
            source.resume()
            sources.append(source)
        }
        do {
            try service.run()
            sources.forEach { $0.cancel() }
            return 0
        } catch MigrationService.ServiceError.alreadyRunning {
            fputs("migsh: a migration service is already running for '\(home)'.\n", stderr)
            return 3
        } catch {
            fputs("migsh: the migration service failed: \(error)\n", stderr)
            return 1
        }
    }
}
