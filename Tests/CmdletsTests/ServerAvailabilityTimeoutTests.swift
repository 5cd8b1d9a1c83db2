import Glibc
import IMAP
import PowerShell
import Testing

/// Test-MigrationServerAvailability against a server that never answers the TCP connect: the cmdlet must come
/// back after its timeout (30 s) with Result Failed and a message naming the timeout, never hang.
@Suite struct ServerAvailabilityTimeoutTests {
    @Test func unansweredConnectFailsWithATimeoutMessage() throws {
        let silent = try SilentPort()
        defer { silent.release() }
        let port = silent.port
        let start = ContinuousClock.now
        let o = try ServerAvailabilityTests.test(CmdletHarness(), host: "127.0.0.1", port: port, security: "Ssl")
        let took = ContinuousClock.now - start
        #expect(o["Result"]?.stringValue == "Failed")
        #expect(o["Message"]?.stringValue == "The connection to the server '127.0.0.1' could not be completed.")
        let detail = o["ErrorDetail"]?.stringValue ?? ""
        #expect(detail.contains("RemoteNetworkErrorTransientException"))
        #expect(detail.contains("did not respond within 30 seconds (timed out while connecting)"), "\(detail)")
        #expect(took >= .seconds(29) && took < .seconds(36), "took \(took)")
    }

}

/// A loopback listener with a backlog of 0 that never accepts; once one connection waits in its queue the
/// kernel drops further SYNs, so a connect gets neither an answer nor a refusal. No packet leaves the machine.
private final class SilentPort {
    private let fd: Int32
    private var fillers: [TCPSocket] = []
    let port: Int

    init() throws {
        fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        port = Self.listen(fd)
        guard port > 0, fill() else {
            release()
            throw IMAPError.usage("no silent listener")
        }
    }

    /// Binds to an ephemeral loopback port and listens with backlog 0; the port, or 0 on failure.
    private static func listen(_ fd: Int32) -> Int {
        var sin = sockaddr_in()
        sin.sin_family = sa_family_t(AF_INET)
        sin.sin_addr.s_addr = inet_addr("127.0.0.1")
        var size = socklen_t(MemoryLayout<sockaddr_in>.size)
        let listening = withUnsafeMutablePointer(to: &sin) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(fd, $0, size) == 0 && Glibc.listen(fd, 0) == 0 && getsockname(fd, $0, &size) == 0
            }
        }
        return fd >= 0 && listening ? Int(UInt16(bigEndian: sin.sin_port)) : 0
    }

    /// Connects until an attempt goes unanswered for 300 ms; false if that never happens.
    private func fill() -> Bool {
        for _ in 0..<64 {
            let result = Result { () throws(IMAPError) -> TCPSocket in
                try TCPSocket.connect(host: "127.0.0.1", port: port, deadline: .now + .milliseconds(300))
            }
            switch result {
            case .success(let socket): fillers.append(socket)
            case .failure(let error): return error == .timedOut(.connect)
            }
        }
        return false
    }

    func release() {
        fillers.forEach { $0.close() }
        fillers = []
        close(fd)
    }
}
