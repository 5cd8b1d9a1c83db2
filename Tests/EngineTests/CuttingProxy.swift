// A TCP proxy that forwards bytes between a client and the test Dovecot and cuts the connection after a
// given number of server-to-client bytes: the one fake the tests need (a server gone mid-message).
import Dispatch
@preconcurrency import Glibc
@testable import Engine

final class CuttingProxy: @unchecked Sendable {
    let port: Int
    private let listener: Int32
    private let upstreamPort: Int
    private let cutAfter: Int

    init(upstreamPort: Int, cutAfter: Int) throws {
        self.upstreamPort = upstreamPort
        self.cutAfter = cutAfter
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var addr = Self.loopback(port: 0)
        let bound = withUnsafePointer(to: &addr) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) } }
        guard bound == 0, listen(fd, 4) == 0 else { close(fd); throw StoreError.store("proxy cannot listen") }
        var len = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &addr) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &len) } }
        listener = fd
        port = Int(UInt16(bigEndian: addr.sin_port))
        DispatchQueue.global().async { self.acceptOne() }
    }

    deinit { close(listener) }

    static func loopback(port: Int) -> sockaddr_in {
        var a = sockaddr_in()
        a.sin_family = sa_family_t(AF_INET)
        a.sin_port = UInt16(port).bigEndian
        a.sin_addr.s_addr = inet_addr("127.0.0.1")
        return a
    }

    private func acceptOne() {
        let client = accept(listener, nil, nil)
        guard client >= 0 else { return }
        let server = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var addr = Self.loopback(port: upstreamPort)
        let ok = withUnsafePointer(to: &addr) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(server, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) } }
        guard ok == 0 else { close(client); close(server); return }
        DispatchQueue.global().async { Self.pump(from: client, to: server, limit: Int.max) }
        Self.pump(from: server, to: client, limit: cutAfter)
        shutdown(client, Int32(SHUT_RDWR)); shutdown(server, Int32(SHUT_RDWR))
        close(client); close(server)
    }

    private static func pump(from: Int32, to: Int32, limit: Int) {
        var buffer = [UInt8](repeating: 0, count: 16384)
        var sent = 0
        while sent < limit {
            let n = buffer.withUnsafeMutableBytes { read(from, $0.baseAddress, min($0.count, limit - sent)) }
            if n <= 0 { break }
            let w = buffer.withUnsafeBytes { Posix.writeAll(to, UnsafeRawBufferPointer(rebasing: $0[0..<n])) }
            if !w { break }
            sent += n
        }
        shutdown(to, Int32(SHUT_WR))
    }
}
