// Starts the background service when a command needs it (posix_spawn of migsh itself with --service, in a
// new session, stdio to /dev/null: it outlives the script), and stops a running one (--service-stop).
@preconcurrency import Glibc
import Foundation

public enum ServiceLauncher {
    public enum Outcome: Equatable, Sendable {
        case alreadyRunning, spawned(pid_t), turnedOff, noExecutable, failed(String)
    }

    /// Makes sure a service runs for `stateDirectory`: returns at once. `MIGSH_NO_SERVICE=1` disables it.
    /// The executable is `MIGSH_SERVICE_EXECUTABLE`, else this process's own binary when it is migsh (a test
    /// runner must never spawn itself).
    @discardableResult
    public static func ensureRunning(stateDirectory: String,
                                     environment: [String: String] = ProcessInfo.processInfo.environment) -> Outcome {
        if let v = environment["MIGSH_NO_SERVICE"], !v.isEmpty, v != "0" { return .turnedOff }
        if ServiceLock.isHeld(in: stateDirectory) { return .alreadyRunning }
        guard let exe = executable(environment) else { return .noExecutable }
        var env = environment
        env["MIGSH_HOME"] = stateDirectory
        do { return .spawned(try spawnDetached(exe, ["--service"], environment: env)) } catch { return .failed("\(error)") }
    }

    static func executable(_ env: [String: String]) -> String? {
        if let e = env["MIGSH_SERVICE_EXECUTABLE"], !e.isEmpty { return e }
        let own = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? ""
        return own.hasSuffix("/migsh") ? own : nil
    }

    struct SpawnError: Error, CustomStringConvertible { let description: String }

    /// posix_spawn in a new session (POSIX_SPAWN_SETSID is 0x80 in glibc; Swift does not see the macro).
    static func spawnDetached(_ path: String, _ args: [String], environment: [String: String]) throws -> pid_t {
        var attr = posix_spawnattr_t()
        posix_spawnattr_init(&attr)
        defer { posix_spawnattr_destroy(&attr) }
        posix_spawnattr_setflags(&attr, Int16(0x80))
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        markDescriptorsCloseOnExec()
        let argv = ([path] + args).map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { (argv + envp).forEach { free($0) } }
        var pid: pid_t = 0
        let rc = posix_spawn(&pid, path, &actions, &attr, argv, envp)
        guard rc == 0 else { throw SpawnError(description: "posix_spawn \(path): \(String(cString: strerror(rc)))") }
        // Reap it in the background if it exits while we still run (it usually outlives us).
        let child = pid
        Thread.detachNewThread { var st: Int32 = 0; _ = waitpid(child, &st, 0) }
        return child
    }

    /// Nothing of the caller's (e.g. the pipe a caller reads the script's output from) may stay open in the
    /// long-lived service. glibc's addclosefrom_np is hidden from Swift, so the caller's descriptors above 2
    /// get FD_CLOEXEC instead (harmless for the caller: it does not exec itself).
    static func markDescriptorsCloseOnExec() {
        for name in (try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd")) ?? [] {
            guard let fd = Int32(name), fd > 2 else { continue }
            let flags = fcntl(fd, F_GETFD)
            if flags >= 0 { _ = fcntl(fd, F_SETFD, flags | FD_CLOEXEC) }
        }
    }

    /// Stops the service of `stateDirectory` (SIGTERM to the recorded pid) and waits up to `timeout` for its
    /// lock to be released. Returns false when none was running.
    @discardableResult
    public static func stop(stateDirectory: String, timeout: TimeInterval = 30) -> Bool {
        guard ServiceLock.isHeld(in: stateDirectory), let pid = ServiceLock.recordedPid(in: stateDirectory) else { return false }
        kill(pid, SIGTERM)
        let deadline = Date().addingTimeInterval(timeout)
        while ServiceLock.isHeld(in: stateDirectory) && Date() < deadline { usleep(50_000) }
        return !ServiceLock.isHeld(in: stateDirectory)
    }
}
