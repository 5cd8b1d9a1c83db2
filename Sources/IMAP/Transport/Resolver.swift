@preconcurrency import Glibc
import Dispatch

/// A resolved socket address (sockaddr bytes).
struct SocketAddress: Sendable {
    var family: Int32
    var storage: [UInt8]
    var text: String
}

/// Name resolution with a timeout: getaddrinfo(3) has none, so it runs on a background thread and the caller
/// stops waiting at the deadline (the lookup then finishes unobserved).
enum Resolver {
    private final class Outcome: @unchecked Sendable {
        var addresses: [SocketAddress] = []
        var error: String? = nil
    }

    static func resolve(host: String, port: Int, deadline: ContinuousClock.Instant) throws(IMAPError) -> [SocketAddress] {
        let outcome = Outcome()
        if isIPAddress(host) {
            // A literal address needs no DNS: resolve inline.
            lookup(host: host, port: port, into: outcome)
        } else {
            let done = DispatchSemaphore(value: 0)
            // A thread of its own: a lookup can block for long, and must not hold a shared pool's worker.
            startThread {
                lookup(host: host, port: port, into: outcome)
                done.signal()
            }
            let wait = ContinuousClock.now.duration(to: deadline)
            let ns = max(0, Int(wait.components.seconds) * 1_000_000_000 + Int(wait.components.attoseconds / 1_000_000_000))
            if done.wait(timeout: .now() + .nanoseconds(ns)) == .timedOut { throw .timedOut(.resolve) }
        }
        if let error = outcome.error { throw .nameNotResolved(host: host, reason: error) }
        if outcome.addresses.isEmpty { throw .nameNotResolved(host: host, reason: "no addresses") }
        return outcome.addresses
    }

    /// Runs `body` on a new detached thread.
    private static func startThread(_ body: @escaping @Sendable () -> Void) {
        final class Box: @unchecked Sendable { let body: @Sendable () -> Void; init(_ b: @escaping @Sendable () -> Void) { body = b } }
        let context = Unmanaged.passRetained(Box(body)).toOpaque()
        var thread = pthread_t()
        let rc = pthread_create(&thread, nil, { raw in
            let box = Unmanaged<Box>.fromOpaque(raw!).takeRetainedValue()
            box.body()
            return nil
        }, context)
        if rc == 0 { pthread_detach(thread) } else {
            Unmanaged<Box>.fromOpaque(context).takeRetainedValue().body()
        }
    }

    private static func lookup(host: String, port: Int, into outcome: Outcome) {
        var hints = addrinfo()
        hints.ai_family = AF_UNSPEC
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        hints.ai_protocol = Int32(IPPROTO_TCP)
        var list: UnsafeMutablePointer<addrinfo>? = nil
        let rc = getaddrinfo(host, String(port), &hints, &list)
        guard rc == 0 else {
            outcome.error = String(cString: gai_strerror(rc))
            return
        }
        defer { freeaddrinfo(list) }
        var node = list
        while let ai = node?.pointee {
            if let addr = ai.ai_addr {
                let bytes = Array(UnsafeRawBufferPointer(start: addr, count: Int(ai.ai_addrlen)))
                outcome.addresses.append(SocketAddress(family: ai.ai_family, storage: bytes, text: numericHost(addr, ai.ai_addrlen)))
            }
            node = ai.ai_next
        }
    }

    private static func numericHost(_ addr: UnsafeMutablePointer<sockaddr>, _ len: socklen_t) -> String {
        var buf = [CChar](repeating: 0, count: Int(NI_MAXHOST))
        guard getnameinfo(addr, len, &buf, socklen_t(buf.count), nil, 0, NI_NUMERICHOST) == 0 else { return "?" }
        return String(decoding: buf.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// True if `host` is a literal IPv4 or IPv6 address (no SNI for those; verify as an IP instead).
    static func isIPAddress(_ host: String) -> Bool {
        var v4 = in_addr(), v6 = in6_addr()
        return inet_pton(AF_INET, host, &v4) == 1 || inet_pton(AF_INET6, host, &v6) == 1
    }
}
