import Foundation
import Testing
@testable import IMAP

/// Client behaviour under faults only a proxy can inject: always a typed error, never a wait past the timeout.
@Suite("Fault-injecting proxy")
struct FaultInjectionTests {
    let server = TestDovecot.shared
    let relaxed = Duration.seconds(8)

    /// Short timeouts where a timeout is the expected outcome; `relaxed` where another error is expected, so a
    /// slow, loaded machine cannot turn it into a timeout.
    func options(_ timeout: Duration = .seconds(1)) -> ConnectionOptions {
        ConnectionOptions(security: .none, connectTimeout: timeout, readTimeout: timeout)
    }

    /// Runs `body` and checks it took less than `limit`.
    func within<T>(_ limit: Duration, _ body: () throws -> T) rethrows -> T {
        let start = ContinuousClock.now
        defer { #expect(ContinuousClock.now - start < limit, "took \(ContinuousClock.now - start)") }
        return try body()
    }

    @Test func silentServerTimesOutWaitingForGreeting() {
        let proxy = FaultProxy(upstreamPort: server.plainPort, fault: .silent)
        defer { proxy.stop() }
        within(.seconds(3)) {
            #expect(throws: IMAPError.timedOut(.read)) {
                try IMAPConnection.connect(host: "127.0.0.1", port: proxy.port, options: options())
            }
        }
    }

    @Test(arguments: ["HTTP/1.1 400 Bad Request\r\n\r\n", "220 mail.contoso.com ESMTP Postfix\r\n", "SSH-2.0-OpenSSH_9.2\r\n"])
    func otherProtocolIsNotIMAP(_ banner: String) {
        let proxy = FaultProxy(upstreamPort: server.plainPort, fault: .garbage(Array(banner.utf8)))
        defer { proxy.stop() }
        within(.seconds(10)) {
            #expect {
                try IMAPConnection.connect(host: "127.0.0.1", port: proxy.port, options: options(relaxed))
            } throws: { error in
                guard case IMAPError.notIMAP(let sent) = error else { return false }
                return banner.hasPrefix(sent)
            }
        }
    }

    @Test func binaryGarbageIsNotIMAP() {
        var rng = SplitMix64(seed: 7)
        let junk = (0..<300).map { _ in UInt8(truncatingIfNeeded: rng.next()) }
        let proxy = FaultProxy(upstreamPort: server.plainPort, fault: .garbage(junk))
        defer { proxy.stop() }
        within(.seconds(10)) {
            #expect {
                try IMAPConnection.connect(host: "127.0.0.1", port: proxy.port, options: options(relaxed))
            } throws: { error in
                if case IMAPError.notIMAP = error { return true }
                return false
            }
        }
    }

    @Test func cutInsideGreetingIsConnectionClosed() {
        let proxy = FaultProxy(upstreamPort: server.plainPort, fault: .cutAfter(bytes: 12))
        defer { proxy.stop() }
        within(.seconds(10)) {
            #expect(throws: IMAPError.connectionClosed(bye: nil)) {
                try IMAPConnection.connect(host: "127.0.0.1", port: proxy.port, options: options(relaxed))
            }
        }
    }

    /// Puts one ~200 KB message in a fresh mailbox of user 5 and returns its name.
    func bigMessageMailbox() throws -> MailboxName {
        let c = try server.login(5)
        defer { c.logout() }
        let box = uniqueMailbox("Faults")
        try c.create(box)
        try c.append(AppendMessage(bytes: sampleMessage("big", bodyLines: 4000)), to: box)
        return box
    }

    func loginAndFetch(through proxy: FaultProxy, _ box: MailboxName, timeout: Duration) throws {
        let c = try IMAPConnection.connect(host: "127.0.0.1", port: proxy.port, options: options(timeout))
        defer { c.close() }
        let u = server.user(5)
        try c.login(user: u.name, password: u.password)
        try c.examine(box)
        var received = 0
        try c.uidFetch(.all, items: [.uid, .bodyPeek]) { if case .bodyBytes(let b) = $0 { received += b.count } }
    }

    @Test func cutInsideMessageBodyIsConnectionClosed() throws {
        let box = try bigMessageMailbox()
        // Greeting, login, EXAMINE and the FETCH start fit in 4 KB; the 200 KB body does not.
        let proxy = FaultProxy(upstreamPort: server.plainPort, fault: .cutAfter(bytes: 4000 + 50_000))
        defer { proxy.stop() }
        try within(.seconds(10)) {
            #expect(throws: IMAPError.connectionClosed(bye: nil)) { try loginAndFetch(through: proxy, box, timeout: relaxed) }
        }
    }

    @Test func stallInsideMessageBodyTimesOut() throws {
        let box = try bigMessageMailbox()
        let proxy = FaultProxy(upstreamPort: server.plainPort, fault: .stallAfter(bytes: 4000 + 50_000))
        defer { proxy.stop() }
        try within(.seconds(8)) {
            // 2 s: enough for the login on a loaded machine, and the stall must end it within that.
            #expect(throws: IMAPError.timedOut(.read)) { try loginAndFetch(through: proxy, box, timeout: .seconds(2)) }
        }
    }

    /// A server sending a big literal slowly but steadily is alive: a read waiting for 64 KB to gather (longer
    /// than the 1 s read timeout at 50 KB/s) still takes what came instead of reporting a timeout.
    @Test func slowSteadyLiteralDoesNotTimeOut() throws {
        let box = try bigMessageMailbox()
        let proxy = FaultProxy(upstreamPort: server.plainPort, fault: .trickle(bytes: 5000, every: .milliseconds(100)))
        defer { proxy.stop() }
        try within(.seconds(20)) { try loginAndFetch(through: proxy, box, timeout: .seconds(1)) }
    }

    @Test func probeClassifiesEachFault() {
        func probe(_ fault: FaultProxy.Fault, _ timeout: Duration = .seconds(1)) -> ServerProbe.Outcome {
            let proxy = FaultProxy(upstreamPort: server.plainPort, fault: fault)
            defer { proxy.stop() }
            return ServerProbe(host: "127.0.0.1", port: proxy.port, security: .none, timeout: timeout).run()
        }
        func kind(_ o: ServerProbe.Outcome) -> ServerProbe.FailureKind? {
            if case .failure(let f) = o { return f.kind }
            return nil
        }
        within(.seconds(25)) {
            #expect(kind(probe(.silent)) == .timedOut(.read))
            #expect(kind(probe(.garbage(Array("HTTP/1.0 200 OK\r\n".utf8)), relaxed)) == .notIMAPServer)
            #expect(kind(probe(.cutAfter(bytes: 5), relaxed)) == .connectionClosed)
            #expect(kind(probe(.stallAfter(bytes: 5))) == .timedOut(.read))
        }
    }
}

/// Probe behaviour against real endpoints.
@Suite("Server probe")
struct ServerProbeTests {
    let server = TestDovecot.shared

    @Test func plainSuccessListsCapabilities() throws {
        let outcome = ServerProbe(host: server.host, port: server.plainPort, security: .none, timeout: .seconds(10)).run()
        guard case .success(let s) = outcome else { Issue.record("\(outcome)"); return }
        #expect(s.capabilities.contains(.imap4rev1))
        #expect(s.tlsProtocol == nil)
        #expect(!s.loggedIn)
    }

    @Test func startTLSSuccessWithCredentials() throws {
        let u = server.user(2)
        let outcome = ServerProbe(host: server.host, port: server.plainPort, security: .tls, timeout: .seconds(10),
                                  tls: TLSConfiguration(additionalCAFile: server.caFile),
                                  credentials: .init(user: u.name, password: u.password)).run()
        guard case .success(let s) = outcome else { Issue.record("\(outcome)"); return }
        #expect(s.loggedIn)
        #expect(s.tlsProtocol != nil)
    }

    @Test func wrongPasswordIsLoginFailed() {
        let outcome = ServerProbe(host: server.host, port: server.plainPort, security: .none, timeout: .seconds(10),
                                  credentials: .init(user: server.user(1).name, password: "bad")).run()
        guard case .failure(let f) = outcome else { Issue.record("should fail"); return }
        #expect(f.kind == .loginFailed)
    }

    @Test func refusedPort() {
        // A port that was just free: bind, read it, close.
        let proxy = FaultProxy(upstreamPort: 1, fault: .silent)
        let port = proxy.port
        proxy.stop()
        let outcome = ServerProbe(host: "127.0.0.1", port: port, security: .ssl, timeout: .seconds(10)).run()
        guard case .failure(let f) = outcome else { Issue.record("should fail"); return }
        #expect(f.kind == .connectionRefused)
        #expect(f.message == "The connection to the server '127.0.0.1' could not be completed.")
        #expect(f.reason.contains("refused"))
    }

    @Test func unresolvableName() {
        let start = ContinuousClock.now
        let outcome = ServerProbe(host: "no-such-host.invalid", port: 993, security: .ssl, timeout: .seconds(5)).run()
        guard case .failure(let f) = outcome else { Issue.record("should fail"); return }
        // Without any DNS the lookup may also run into the timeout; it must never take longer.
        #expect(f.kind == .nameNotResolved || f.kind == .timedOut(.resolve))
        #expect(ContinuousClock.now - start < .seconds(6))
        #expect(f.message.contains("no-such-host.invalid"))
    }

    @Test func implicitTLSAgainstPlainPortFailsHandshake() {
        let outcome = ServerProbe(host: server.host, port: server.plainPort, security: .ssl, timeout: .seconds(10)).run()
        guard case .failure(let f) = outcome else { Issue.record("should fail"); return }
        #expect(f.kind == .tlsHandshakeFailed)
        #expect(f.reason.hasPrefix("TLS negotiation failed"))
    }
}
