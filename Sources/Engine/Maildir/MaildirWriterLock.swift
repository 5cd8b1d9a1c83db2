// One writer per Maildir tree: a POSIX record lock on "<root>/migsh.lock" (released by the kernel when the
// process dies). Holding it, anything the tree's writer left behind before we took it (a uidlist dot-lock,
// half-written tmp/ files) belongs to a crashed writer and may be cleared.
@preconcurrency import Glibc

final class MaildirWriterLock {
    private let fd: Int32
    /// When we took the lock: files of ours older than this are leftovers of a crash.
    let acquired: timespec

    init(root: String) throws {
        let path = "\(root)/migsh.lock"
        fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw StoreError.store(Posix.errnoText("cannot open", path), retry: .temporary) }
        var lock = flock()
        lock.l_type = Int16(F_WRLCK)
        lock.l_whence = Int16(SEEK_SET)
        guard fcntl(fd, F_SETLK, &lock) == 0 else {
            close(fd)
            throw StoreError.store("another process is writing the mailbox at \(root)", retry: .temporary)
        }
        var now = timespec()
        clock_gettime(CLOCK_REALTIME, &now)
        acquired = now
    }

    deinit { close(fd) }

    /// True for a file last changed before we took the lock.
    func isStale(_ st: stat) -> Bool {
        st.st_mtim.tv_sec < acquired.tv_sec || (st.st_mtim.tv_sec == acquired.tv_sec && st.st_mtim.tv_nsec < acquired.tv_nsec)
    }

    /// Deletes files of a crashed writer from a tmp/ directory. Our tmp files carry their final mtime (the
    /// internal date) only after `finish`, so age is judged by the status-change time, which rename keeps.
    func removeStaleFiles(in tmp: String) {
        for name in Posix.listDirectory(tmp) {
            let path = "\(tmp)/\(name)"
            guard var st = Posix.fileStat(path) else { continue }
            st.st_mtim = st.st_ctim
            if isStale(st) { unlink(path) }
        }
    }
}
