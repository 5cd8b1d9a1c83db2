import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The state directory: `MIGSH_HOME`, else `~/.local/share/migsh`. It holds the database
/// (`migsh.db` plus SQLite's `-wal`/`-shm`), the credential key (`migsh.key`) and a lock file
/// that serializes first-time setup between processes. Everything is private to its owner:
/// the directory 0700, files 0600 (SQLite gives `-wal`/`-shm` the database file's mode).
public struct StateDirectory: Sendable, Equatable {
    public let path: String

    public init(path: String) { self.path = path }

    /// Where the state lives for this environment.
    public static func resolve(environment: [String: String] = ProcessInfo.processInfo.environment) -> StateDirectory {
        if let home = environment["MIGSH_HOME"], !home.isEmpty { return StateDirectory(path: home) }
        let userHome = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
        return StateDirectory(path: userHome + "/.local/share/migsh")
    }

    public var databasePath: String { path + "/migsh.db" }
    public var keyPath: String { path + "/migsh.key" }
    var lockPath: String { path + "/migsh.lock" }

    /// Creates the directory (and missing parents) owner-only. An existing directory keeps
    /// its mode unless migsh created it.
    func prepare() throws {
        var isDir: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDir) {
            guard isDir.boolValue else { throw MigrationError.storage("'\(path)' exists and isn't a directory.") }
            return
        }
        let parent = (path as NSString).deletingLastPathComponent
        if !parent.isEmpty && !FileManager.default.fileExists(atPath: parent) {
            try createDirectory(parent, recursive: true)
        }
        try createDirectory(path, recursive: false)
    }

    private func createDirectory(_ dir: String, recursive: Bool) throws {
        if recursive {
            do { try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true,
                                                        attributes: [.posixPermissions: 0o700]) }
            catch { throw MigrationError.storage("can't create '\(dir)': \(error.localizedDescription)") }
            return
        }
        if mkdir(dir, 0o700) != 0 && errno != EEXIST { throw MigrationError.storage("can't create '\(dir)': \(String(cString: strerror(errno)))") }
        // mkdir's mode passes through the umask; make sure it is exactly 0700.
        _ = chmod(dir, 0o700)
    }

    /// Creates `file` with mode 0600 if missing, and tightens it to 0600 if it exists.
    func ensurePrivateFile(_ file: String) throws {
        let fd = open(file, O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw MigrationError.storage("can't open '\(file)': \(String(cString: strerror(errno)))") }
        _ = fchmod(fd, 0o600)
        close(fd)
    }

    /// Runs `body` holding an exclusive lock on the lock file (first-time setup and schema
    /// migrations must not race between processes).
    func withExclusiveLock<T>(_ body: () throws -> T) throws -> T {
        let fd = open(lockPath, O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw MigrationError.storage("can't open '\(lockPath)': \(String(cString: strerror(errno)))") }
        defer { close(fd) }
        while flock(fd, LOCK_EX) != 0 {
            if errno != EINTR { throw MigrationError.storage("can't lock '\(lockPath)': \(String(cString: strerror(errno)))") }
        }
        defer { flock(fd, LOCK_UN) }
        return try body()
    }
}
