@preconcurrency import Glibc

/// A loopback port where TCP connects hang: a listening socket with a backlog of 0 that never accepts, filled
/// with connections until the kernel drops further SYNs. A client's connect then gets no answer at all (no
/// refusal), as with a firewalled server, without sending a packet off the machine.
final class UnansweredListener {
    let port: Int
    private let listener: Int32
    private var fillers: [Int32] = []

    init() throws {
        let listener = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard listener >= 0 else { throw ListenerError("socket") }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { p in
                bind(listener, p, length) == 0 && listen(listener, 0) == 0 && getsockname(listener, p, &length) == 0
            }
        }
        guard bound else { close(listener); throw ListenerError("bind/listen") }
        self.listener = listener
        port = Int(UInt16(bigEndian: address.sin_port))
        do { try fill(address) } catch { stop(); throw error }
    }

    /// Connects until one attempt gets no answer for 300 ms: the accept queue is full from then on.
    private func fill(_ target: sockaddr_in) throws {
        var address = target
        for _ in 0..<64 {
            let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_NONBLOCK.rawValue), 0)
            guard fd >= 0 else { throw ListenerError("socket") }
            let rc = withUnsafePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
            }
            guard rc == 0 || errno == EINPROGRESS else { close(fd); throw ListenerError("connect") }
            var p = pollfd(fd: fd, events: Int16(POLLOUT), revents: 0)
            if rc != 0 && poll(&p, 1, 300) == 0 {
                close(fd)  // this SYN went unanswered
                return
            }
            fillers.append(fd)
        }
        throw ListenerError("the accept queue never filled")
    }

    func stop() {
        for fd in fillers { close(fd) }
        fillers = []
        close(listener)
    }

    struct ListenerError: Error, CustomStringConvertible {
        let description: String
        init(_ what: String) { description = "UnansweredListener: \(what) failed (errno \(errno))" }
    }
}
