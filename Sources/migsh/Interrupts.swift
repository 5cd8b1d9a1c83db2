#if canImport(Glibc)
@preconcurrency import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// Ctrl-C in the interactive shell: the signal handler only records the interrupt and
/// writes a byte to a pipe (both async-signal-safe); a watcher thread reads the pipe and
/// stops the running pipeline, and the line editor sees the flag and drops the line.
enum Interrupts {
    nonisolated(unsafe) private static var pipeFds: [Int32] = [-1, -1]
    nonisolated(unsafe) private static var pendingFlag: sig_atomic_t = 0
    nonisolated(unsafe) private static var writeFd: Int32 = -1
    nonisolated(unsafe) private static var mainThread = pthread_self()

    /// The handler: the signal may land on any thread, but only the main thread's blocked
    /// read() must see EINTR, so other threads pass it on.
    private static let handler: @convention(c) (Int32) -> Void = { _ in
        if pthread_equal(pthread_self(), Interrupts.mainThread) == 0 {
            pthread_kill(Interrupts.mainThread, SIGINT)
            return
        }
        Interrupts.pendingFlag = 1
        var byte: UInt8 = 1
        _ = write(Interrupts.writeFd, &byte, 1)
    }

    /// Call on the main thread. Installs the SIGINT handler (without SA_RESTART, so a blocked read returns) and
    /// starts the watcher that calls `onInterrupt` on its own thread.
    static func install(onInterrupt: @escaping @Sendable () -> Void) {
        var fds: [Int32] = [-1, -1]
        guard pipe(&fds) == 0 else { return }
        pipeFds = fds
        writeFd = fds[1]
        mainThread = pthread_self()
        var action = sigaction()
        #if canImport(Glibc)
        action.__sigaction_handler.sa_handler = handler
        #else
        action.__sigaction_u.__sa_handler = handler
        #endif
        sigemptyset(&action.sa_mask)
        action.sa_flags = 0
        sigaction(SIGINT, &action, nil)
        // A parent may have left SIGINT blocked (the mask survives exec): unblock it here.
        var set = sigset_t()
        sigemptyset(&set)
        sigaddset(&set, SIGINT)
        pthread_sigmask(SIG_UNBLOCK, &set, nil)
        let readFd = fds[0]
        let thread = Thread {
            var byte: UInt8 = 0
            while true {
                let n = read(readFd, &byte, 1)
                if n == 1 { onInterrupt() } else if n < 0 && errno == EINTR { continue } else { return }
            }
        }
        thread.stackSize = 64 * 1024
        thread.start()
    }

    /// True when Ctrl-C was pressed and not yet taken.
    static var isPending: Bool { pendingFlag != 0 }

    /// True (once) when Ctrl-C was pressed since the last call.
    static func take() -> Bool {
        if pendingFlag == 0 { return false }
        pendingFlag = 0
        return true
    }
}
