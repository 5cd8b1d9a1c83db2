// Thin wrappers over the POSIX file calls the Maildir driver needs, turning errno into StoreError.
@preconcurrency import Glibc

enum Posix {
    static func errnoText(_ what: String, _ path: String) -> String {
        "\(what) \(path): \(String(cString: strerror(errno)))"
    }

    static func exists(_ path: String) -> Bool { access(path, F_OK) == 0 }

    static func isDirectory(_ path: String) -> Bool {
        var st = stat()
        return stat(path, &st) == 0 && (st.st_mode & S_IFMT) == S_IFDIR
    }

    static func mkdirIfMissing(_ path: String, scope: StoreError.Scope) throws {
        if mkdir(path, 0o700) != 0 && errno != EEXIST {
            throw StoreError(scope, .final, errnoText("cannot create directory", path))
        }
    }

    /// Names in a directory, without "." and "..". Missing directory gives [].
    static func listDirectory(_ path: String) -> [String] {
        guard let dir = opendir(path) else { return [] }
        defer { closedir(dir) }
        var names: [String] = []
        // Only the name is read: glibc packs entries by d_reclen, so an entry at the end of readdir's buffer
        // can end before sizeof(dirent), and copying the whole struct (or d_name's 256 bytes) may touch an
        // unmapped page (a SIGSEGV seen in Scripts/bench.d/engine).
        let nameOffset = MemoryLayout<dirent>.offset(of: \dirent.d_name)!
        while let entry = readdir(dir) {
            let name = String(cString: UnsafeRawPointer(entry).advanced(by: nameOffset).assumingMemoryBound(to: CChar.self))
            if name != "." && name != ".." { names.append(name) }
        }
        return names
    }

    static func fileStat(_ path: String) -> stat? {
        var st = stat()
        return stat(path, &st) == 0 ? st : nil
    }

    static func rename(_ from: String, _ to: String, scope: StoreError.Scope) throws {
        if Glibc.rename(from, to) != 0 { throw StoreError(scope, .temporary, errnoText("cannot rename", from)) }
    }

    /// fsync of a file or a directory by path.
    static func fsyncPath(_ path: String, scope: StoreError.Scope) throws {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw StoreError(scope, .temporary, errnoText("cannot open", path)) }
        defer { close(fd) }
        if fsync(fd) != 0 { throw StoreError(scope, .temporary, errnoText("cannot fsync", path)) }
    }

    static func setModificationTime(_ path: String, seconds: Int64) throws {
        var times = [timespec(tv_sec: Int(seconds), tv_nsec: 0), timespec(tv_sec: Int(seconds), tv_nsec: 0)]
        if utimensat(AT_FDCWD, path, &times, 0) != 0 {
            throw StoreError(.message, .temporary, errnoText("cannot set time of", path))
        }
    }

    static func readFile(_ path: String) -> [UInt8]? {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var out: [UInt8] = []
        var buf = [UInt8](repeating: 0, count: 65536)
        while true {
            let n = buf.withUnsafeMutableBytes { read(fd, $0.baseAddress, 65536) }
            if n <= 0 { return n == 0 ? out : nil }
            out.append(contentsOf: buf[0..<n])
        }
    }

    /// Writes `bytes` to `path` through `path.tmp-<pid>`, fsynced, then renamed over `path`.
    static func writeFileAtomically(_ path: String, _ bytes: [UInt8], scope: StoreError.Scope) throws {
        let tmp = "\(path).tmp-\(getpid())"
        let fd = open(tmp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw StoreError(scope, .temporary, errnoText("cannot create", tmp)) }
        var ok = true
        bytes.withUnsafeBytes { ok = writeAll(fd, $0) }
        ok = ok && fsync(fd) == 0
        close(fd)
        guard ok else { unlink(tmp); throw StoreError(scope, .temporary, errnoText("cannot write", tmp)) }
        try rename(tmp, path, scope: scope)
    }

    static func writeAll(_ fd: Int32, _ bytes: UnsafeRawBufferPointer) -> Bool {
        var offset = 0
        while offset < bytes.count {
            let n = write(fd, bytes.baseAddress! + offset, bytes.count - offset)
            if n < 0 { if errno == EINTR { continue }; return false }
            offset += n
        }
        return true
    }

    /// Computed once: every new Maildir file name carries it.
    static let hostName: String = {
        var buf = [CChar](repeating: 0, count: 256)
        guard gethostname(&buf, 255) == 0 else { return "localhost" }
        // Maildir forbids "/" and ":" in the host part; encode them as the Maildir spec says.
        return String(cString: buf).replacingOccurrences("/", "\\057").replacingOccurrences(":", "\\072")
    }()
}

extension String {
    func replacingOccurrences(_ target: String, _ replacement: String) -> String {
        split(separator: target, omittingEmptySubsequences: false).joined(separator: replacement)
    }
}

func environmentInt(_ name: String) -> Int? { getenv(name).flatMap { Int(String(cString: $0)) } }

/// Ends the process at once, without flushing or running any cleanup (a crash, for tests).
func exitImmediately(_ status: Int32) -> Never { _exit(status) }
