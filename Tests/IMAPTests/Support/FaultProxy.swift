import Foundation
@preconcurrency import Glibc

/// A TCP proxy on 127.0.0.1 that injects the faults a real server cannot: cut the connection after N bytes,
/// stall, answer garbage, or hide STARTTLS. Each accepted connection is served on its own thread.
final class FaultProxy: @unchecked Sendable {
    enum Fault: Sendable {
        /// Forward server bytes until `bytes` have passed, then close both sides.
        case cutAfter(bytes: Int)
        /// Forward `bytes` server bytes, then forward nothing more but keep the connection open.
        case stallAfter(bytes: Int)
        /// Never contact the server; send these bytes and keep the connection open.
        case garbage([UInt8])
        /// Play a scripted server: send these bytes at once (they may answer commands not yet sent, by their
        /// predictable tags), then close or keep the connection open.
        case script([UInt8], close: Bool)
        /// Accept and never send anything.
        case silent
        /// Forward both ways but remove " STARTTLS" from what the server says.
        case hideStartTLS
        /// Forward server bytes slowly: at most `bytes` at a time, then a pause of `every`.
        case trickle(bytes: Int, every: Duration)
    }

    let port: Int
    private let listenFD: Int32
    private let upstreamPort: Int
    private let fault: Fault

    init(upstreamPort: Int, fault: Fault) {
        self.upstreamPort = upstreamPort
        self.fault = fault
        let listenFD = socket(AF_INET, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        self.listenFD = listenFD
        var one: Int32 = 1
        setsockopt(listenFD, SOL_SOCKET, SO_REUSEADDR, &one, socklen_t(MemoryLayout<Int32>.size))
        var addr = sockaddr_in()
        addr.sin_family = sa_family_t(AF_INET)
        addr.sin_addr.s_addr = inet_addr("127.0.0.1")
        addr.sin_port = 0
        _ = withUnsafePointer(to: &addr) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
            bind(listenFD, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) } }
        listen(listenFD, 16)
        var len = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &addr) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
            getsockname(listenFD, $0, &len) } }
        port = Int(UInt16(bigEndian: addr.sin_port))
        let fd = listenFD
        // Plain threads, not Dispatch: the pumps block, and blocked Dispatch workers would starve other work.
        Thread.detachNewThread { [self] in
            while true {
                let client = accept(fd, nil, nil)
                if client < 0 { return }
                Thread.detachNewThread { self.serve(client) }
            }
        }
    }

    func stop() { shutdown(listenFD, Int32(SHUT_RDWR)); close(listenFD) }

    private func connectUpstream() -> Int32 {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var addr = sockaddr_in()
        addr.sin_family = sa_family_t(AF_INET)
        addr.sin_addr.s_addr = inet_addr("127.0.0.1")
        addr.sin_port = in_port_t(UInt16(upstreamPort).bigEndian)
        _ = withUnsafePointer(to: &addr) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
            connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) } }
        return fd
    }

    private func serve(_ client: Int32) {
        switch fault {
        case .silent:
            holdOpen(client)
        case .garbage(let bytes):
            _ = bytes.withUnsafeBytes { send(client, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            holdOpen(client)
        case .script(let bytes, let closeAfter):
            _ = bytes.withUnsafeBytes { send(client, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            if closeAfter {
                // Wait for the client's next command before closing, so the script's bytes are read first.
                var p = pollfd(fd: client, events: Int16(POLLIN), revents: 0)
                _ = poll(&p, 1, 2000)
                shutdown(client, Int32(SHUT_RDWR)); close(client)
            } else {
                holdOpen(client)
            }
        case .cutAfter(let n), .stallAfter(let n):
            let server = connectUpstream()
            Thread.detachNewThread { Self.pump(from: client, to: server, limit: nil, rewrite: false) }
            Self.pump(from: server, to: client, limit: n, rewrite: false)
            if case .stallAfter = fault { holdOpen(client) }
            shutdown(client, Int32(SHUT_RDWR)); shutdown(server, Int32(SHUT_RDWR))
            close(client); close(server)
        case .hideStartTLS, .trickle:
            let server = connectUpstream()
            Thread.detachNewThread { Self.pump(from: client, to: server, limit: nil, rewrite: false) }
            if case .trickle(let bytes, let pause) = fault {
                Self.pump(from: server, to: client, limit: nil, rewrite: false, pace: (bytes, pause))
            } else {
                Self.pump(from: server, to: client, limit: nil, rewrite: true)
            }
            shutdown(client, Int32(SHUT_RDWR)); shutdown(server, Int32(SHUT_RDWR))
            close(client); close(server)
        }
    }

    /// Keeps a connection open until the peer closes it (or 30 s pass).
    private func holdOpen(_ fd: Int32) {
        var buf = [UInt8](repeating: 0, count: 4096)
        var p = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
        let end = ContinuousClock.now.advanced(by: .seconds(30))
        while ContinuousClock.now < end {
            if poll(&p, 1, 200) > 0 { if recv(fd, &buf, buf.count, 0) <= 0 { break } }
        }
        close(fd)
    }

    /// Copies bytes until EOF or `limit` bytes; `rewrite` drops " STARTTLS" (lines are small, so a read holds them).
    private static func pump(from: Int32, to: Int32, limit: Int?, rewrite: Bool, pace: (Int, Duration)? = nil) {
        var buf = [UInt8](repeating: 0, count: 65536)
        var sent = 0
        while limit.map({ sent < $0 }) ?? true {
            if sent > 0, let pace { Thread.sleep(forTimeInterval: Double(pace.1.components.attoseconds) / 1e18
                                                 + Double(pace.1.components.seconds)) }
            let want = min(buf.count, limit.map { $0 - sent } ?? buf.count, pace?.0 ?? .max)
            let n = recv(from, &buf, want, 0)
            if n <= 0 { break }
            var out = Array(buf[0..<n])
            if rewrite {
                let text = String(decoding: out, as: UTF8.self)
                out = Array(text.replacingAll(" STARTTLS", with: "").utf8)
            }
            if out.withUnsafeBytes({ send(to, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }) < 0 { break }
            sent += n
        }
    }
}

extension String {
    func replacingAll(_ target: String, with replacement: String) -> String {
        var out = "", rest = Substring(self)
        while let r = rest.range(of: target) { out += rest[..<r.lowerBound] + replacement; rest = rest[r.upperBound...] }
        return out + rest
    }
}
