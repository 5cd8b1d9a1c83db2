import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The 32-byte credential key beside the database, created on first use with mode 0600.
/// Creation writes a temporary file and links it into place, so two processes starting at once
/// agree on one key and neither ever reads a half-written file.
enum KeyFile {
    static func loadOrCreate(at path: String) throws -> [UInt8] {
        if let key = try readKey(path) { return key }
        let tmp = path + ".tmp.\(getpid()).\(UInt32.random(in: 0...UInt32.max))"
        let fd = open(tmp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw MigrationError.storage("can't create the key file: \(String(cString: strerror(errno)))") }
        defer { unlink(tmp) }
        let key = try SecretBox.randomBytes(SecretBox.keyLength)
        let written = key.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
        _ = fchmod(fd, 0o600)
        let synced = fsync(fd) == 0
        close(fd)
        guard written == key.count, synced else { throw MigrationError.storage("can't write the key file.") }
        if link(tmp, path) != 0 && errno != EEXIST {
            throw MigrationError.storage("can't create the key file: \(String(cString: strerror(errno)))")
        }
        // Whoever linked first won; everyone uses the key now on disk.
        guard let key = try readKey(path) else { throw MigrationError.storage("the key file vanished while being created.") }
        return key
    }

    private static func readKey(_ path: String) throws -> [UInt8]? {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        if fd < 0 {
            if errno == ENOENT { return nil }
            throw MigrationError.storage("can't read the key file: \(String(cString: strerror(errno)))")
        }
        defer { close(fd) }
        var key = [UInt8](repeating: 0, count: SecretBox.keyLength + 1)
        let n = key.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
        guard n == SecretBox.keyLength else {
            throw MigrationError.storage("the key file '\(path)' is damaged (expected \(SecretBox.keyLength) bytes).")
        }
        return Array(key.prefix(SecretBox.keyLength))
    }
}
