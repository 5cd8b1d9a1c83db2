import Testing
@testable import IMAP

/// A server whose TCP connect is never answered (SYNs dropped, all on 127.0.0.1): the client must give up with
/// `.timedOut(.connect)` once the configured time has passed, not earlier and not much later.
@Suite("Connect timeout", .serialized)
struct ConnectTimeoutTests {
    /// Runs `body`, returning its error and how long it took.
    func timed(_ body: () throws -> Void) -> (IMAPError?, Duration) {
        let start = ContinuousClock.now
        do { try body() } catch { return (error as? IMAPError ?? .usage("\(error)"), ContinuousClock.now - start) }
        return (nil, ContinuousClock.now - start)
    }

    @Test(arguments: [Security.none, .ssl, .tls])
    func connectEndsWithTheTypedTimeout(security: Security) throws {
        let listener = try UnansweredListener()
        defer { listener.stop() }
        let options = ConnectionOptions(security: security, connectTimeout: .milliseconds(1500), readTimeout: .seconds(30))
        let (error, took) = timed { _ = try IMAPConnection.connect(host: "127.0.0.1", port: listener.port, options: options) }
        #expect(error == .timedOut(.connect))
        #expect(took >= .milliseconds(1400), "gave up after \(took)")
        #expect(took < .seconds(4), "took \(took)")
    }

    @Test func overallDeadlineShortensTheConnectTimeout() throws {
        let listener = try UnansweredListener()
        defer { listener.stop() }
        let options = ConnectionOptions(security: .none, connectTimeout: .seconds(30), readTimeout: .seconds(30),
                                        deadline: .after(.milliseconds(800)))
        let (error, took) = timed { _ = try IMAPConnection.connect(host: "127.0.0.1", port: listener.port, options: options) }
        #expect(error == .timedOut(.connect))
        #expect(took >= .milliseconds(700) && took < .seconds(3), "took \(took)")
    }

    @Test func probeReportsTheTimeout() throws {
        let listener = try UnansweredListener()
        defer { listener.stop() }
        let probe = ServerProbe(host: "127.0.0.1", port: listener.port, security: .ssl, timeout: .seconds(2))
        let start = ContinuousClock.now
        let outcome = probe.run()
        let took = ContinuousClock.now - start
        guard case .failure(let failure) = outcome else { Issue.record("probe succeeded: \(outcome)"); return }
        #expect(failure.kind == .timedOut(.connect))
        #expect(failure.message == "The connection to the server '127.0.0.1' could not be completed.")
        #expect(failure.reason == "The server did not respond within 2 seconds (timed out while connecting).")
        #expect(took >= .milliseconds(1900) && took < .seconds(5), "took \(took)")
    }
}
