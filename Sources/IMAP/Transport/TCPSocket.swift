@preconcurrency import Glibc

/// A connected, non-blocking TCP socket; blocking behaviour with deadlines is built from poll(2).
public final class TCPSocket: ByteStream {
    private(set) var fd: Int32
    public let host: String
    public let port: Int

    private init(fd: Int32, host: String, port: Int) { self.fd = fd; self.host = host; self.port = port }
    deinit { close() }

    /// Resolves `host` and connects to the first address that accepts, all before `deadline`.
    /// Errors: `.nameNotResolved`, `.connectionRefused` (every address refused), `.timedOut(.resolve/.connect)`,
    /// `.network`.
    public static func connect(host: String, port: Int, deadline: ContinuousClock.Instant) throws(IMAPError) -> TCPSocket {
        guard (1...65535).contains(port) else { throw .usage("port \(port) is out of range") }
        let addresses = try Resolver.resolve(host: host, port: port, deadline: deadline)
        var lastError = IMAPError.connectionRefused(host: host, port: port)
        for address in addresses {
            do {
                return try connect(address, host: host, port: port, deadline: deadline)
            } catch {
                if case .timedOut = error { throw error }
                lastError = error
            }
        }
        throw lastError
    }

    private static func connect(_ address: SocketAddress, host: String, port: Int,
                                deadline: ContinuousClock.Instant) throws(IMAPError) -> TCPSocket {
        let fd = socket(address.family, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue) | Int32(SOCK_NONBLOCK.rawValue), 0)
        guard fd >= 0 else { throw .network(errnoText("socket")) }
        let sock = TCPSocket(fd: fd, host: host, port: port)
        var one: Int32 = 1
        // Commands are small and pipelined: send them at once.
        _ = setsockopt(fd, Int32(IPPROTO_TCP), TCP_NODELAY, &one, socklen_t(MemoryLayout<Int32>.size))
        let rc = address.storage.withUnsafeBytes { raw in
            Glibc.connect(fd, raw.baseAddress!.assumingMemoryBound(to: sockaddr.self), socklen_t(raw.count))
        }
        if rc != 0 {
            guard errno == EINPROGRESS else { throw sock.connectError(errno) }
            try sock.waitFor(Int16(POLLOUT), deadline: deadline, phase: .connect)
            var err: Int32 = 0
            var len = socklen_t(MemoryLayout<Int32>.size)
            _ = getsockopt(fd, SOL_SOCKET, SO_ERROR, &err, &len)
            if err != 0 { throw sock.connectError(err) }
        }
        return sock
    }

    private func connectError(_ code: Int32) -> IMAPError {
        if code == ECONNREFUSED { return .connectionRefused(host: host, port: port) }
        if code == ETIMEDOUT { return .timedOut(.connect) }
        return .network("connect to \(host) port \(port): " + String(cString: strerror(code)))
    }

    /// SO_RCVLOWAT as last set, and what the reader announced (see TCPSocket+ReadCoalescing.swift).
    var lowWater = 1
    var certainBytes = 0
    var coalescing = false

    /// Waits until the socket is ready for `events` or the deadline passes.
    func waitFor(_ events: Int16, deadline: ContinuousClock.Instant, phase: TimeoutPhase) throws(IMAPError) {
        while true {
            guard fd >= 0 else { throw .connectionClosed(bye: nil) }
            var p = pollfd(fd: fd, events: events, revents: 0)
            let timeout = deadline.pollMilliseconds
            let rc = poll(&p, 1, timeout)
            if rc > 0 { return }
            if rc == 0 { throw .timedOut(phase) }
            if errno != EINTR { throw .network(Self.errnoText("poll")) }
        }
    }

    public func read(into buffer: UnsafeMutableRawBufferPointer, deadline: ContinuousClock.Instant) throws(IMAPError) -> Int {
        while true {
            guard fd >= 0 else { throw .connectionClosed(bye: nil) }
            let n = recv(fd, buffer.baseAddress, buffer.count, 0)
            if n >= 0 { return n }
            switch errno {
            case EAGAIN, EWOULDBLOCK: try waitReadable(deadline: deadline)
            case EINTR: continue
            case ECONNRESET: throw .connectionClosed(bye: nil)
            default: throw .network(Self.errnoText("recv"))
            }
        }
    }

    public func write(_ bytes: UnsafeRawBufferPointer, deadline: ContinuousClock.Instant) throws(IMAPError) {
        var offset = 0
        while offset < bytes.count {
            guard fd >= 0 else { throw .connectionClosed(bye: nil) }
            // MSG_NOSIGNAL: a closed peer must give EPIPE, not kill the process with SIGPIPE.
            let n = send(fd, bytes.baseAddress! + offset, bytes.count - offset, Int32(MSG_NOSIGNAL))
            if n >= 0 { offset += n; continue }
            switch errno {
            case EAGAIN, EWOULDBLOCK: try waitFor(Int16(POLLOUT), deadline: deadline, phase: .write)
            case EINTR: continue
            case EPIPE, ECONNRESET: throw .connectionClosed(bye: nil)
            default: throw .network(Self.errnoText("send"))
            }
        }
    }

    public func close() {
        if fd >= 0 { Glibc.close(fd); fd = -1 }
    }

    static func errnoText(_ call: String) -> String { "\(call): " + String(cString: strerror(errno)) }
}
