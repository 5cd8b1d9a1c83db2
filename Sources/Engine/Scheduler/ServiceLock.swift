// The one-service-per-state-directory guard: an flock on `<state>/service.lock`, held for the service's
// lifetime (the kernel drops it when the process dies, even by kill -9), plus a pid file for --service-stop.
@preconcurrency import Glibc
import Foundation

public final class ServiceLock: @unchecked Sendable {
    public let directory: String
    private var fd: Int32 = -1

    public init(directory: String) { self.directory = directory }

    public var lockPath: String { directory + "/service.lock" }
    public var pidPath: String { directory + "/service.pid" }

    /// Takes the lock without waiting; false when another process holds it.
    public func tryAcquire() -> Bool {
        if fd >= 0 { return true }
        _ = mkdir(directory, 0o700)
        let f = open(lockPath, O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
        guard f >= 0 else { return false }
        guard flock(f, LOCK_EX | LOCK_NB) == 0 else { close(f); return false }
        fd = f
        let text = "\(getpid())\n"
        _ = unlink(pidPath)
        let p = open(pidPath, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
        if p >= 0 { _ = text.withCString { write(p, $0, strlen($0)) }; close(p) }
        return true
    }

    public func release() {
        guard fd >= 0 else { return }
        _ = unlink(pidPath)
        flock(fd, LOCK_UN)
        close(fd)
        fd = -1
    }

    deinit { release() }

    /// True when some process holds the lock (probes by trying to take it for a moment).
    public static func isHeld(in directory: String) -> Bool {
        let f = open(directory + "/service.lock", O_RDWR | O_CLOEXEC)
        guard f >= 0 else { return false }
        defer { close(f) }
        if flock(f, LOCK_EX | LOCK_NB) == 0 { flock(f, LOCK_UN); return false }
        return true
    }

    /// The pid the running service wrote, if any.
    public static func recordedPid(in directory: String) -> pid_t? {
        guard let data = FileManager.default.contents(atPath: directory + "/service.pid"),
              let text = String(data: data, encoding: .utf8) else { return nil }
        return pid_t(text.trimmingCharacters(in: .whitespacesAndNewlines))
    }
}
