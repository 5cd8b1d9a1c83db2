import Foundation
import Testing
@testable import IMAP

/// TLS tests run one at a time because some of them change SSL_CERT_FILE for the whole process.
@Suite("Dovecot: TLS and certificates", .serialized)
struct TLSTests {
    let server = TestDovecot.shared

    func connect(_ host: String? = nil, port: Int? = nil, _ security: Security = .ssl, tls: TLSConfiguration? = nil)
        throws(IMAPError) -> IMAPConnection
    {
        try IMAPConnection.connect(host: host ?? server.host, port: port ?? server.tlsPort,
                                   options: server.options(security, tls: tls, timeout: .seconds(10)))
    }

    func expectCertificateProblem(_ problem: CertificateProblem, host: String, security: Security = .ssl,
                                  reasonContains: String) {
        let port = security == .ssl ? server.tlsPort : server.plainPort
        #expect {
            try connect(host, port: port, security)
        } throws: { error in
            guard case IMAPError.certificateRejected(let p, let reason) = error else { return false }
            return p == problem && reason.contains(reasonContains)
        }
    }

    @Test func implicitTLSWithPrivateCA() throws {
        let c = try connect(nil, .ssl)
        defer { c.logout() }
        #expect(c.tlsProtocol?.hasPrefix("TLSv1.") == true)
        let u = server.user(1)
        try c.login(user: u.name, password: u.password)
        #expect(try c.select(.inbox).uidValidity != nil)
    }

    @Test func startTLSUpgradesAndRefreshesCapabilities() throws {
        let c = try connect(port: server.plainPort, .tls)
        defer { c.logout() }
        #expect(c.tlsProtocol != nil)
        #expect(!c.capabilities.contains(.startTLS), "capabilities re-read after TLS no longer offer STARTTLS")
        let u = server.user(3)
        try c.login(user: u.name, password: u.password)
    }

    @Test func selfSignedCertificateRefusedByDefault() {
        expectCertificateProblem(.selfSigned, host: server["IMAP_HOST_SELF_SIGNED"], reasonContains: "self-signed")
        expectCertificateProblem(.selfSigned, host: server["IMAP_HOST_SELF_SIGNED"], security: .tls,
                                 reasonContains: "self-signed")
    }

    @Test func acceptUntrustedCertificatesSkipsVerification() throws {
        let c = try connect(server["IMAP_HOST_SELF_SIGNED"], .ssl, tls: TLSConfiguration(verifyCertificates: false))
        c.logout()
    }

    @Test func hostNameMismatchRefused() {
        expectCertificateProblem(.hostnameMismatch, host: server["IMAP_HOST_MISMATCH"], reasonContains: "mismatch")
    }

    @Test func expiredCertificateRefused() {
        expectCertificateProblem(.expired, host: server["IMAP_HOST_EXPIRED"], reasonContains: "expired")
    }

    @Test func caFromSSLCertFileIsTrusted() throws {
        let saved = ProcessInfo.processInfo.environment["SSL_CERT_FILE"]
        defer { if let saved { setenv("SSL_CERT_FILE", saved, 1) } else { unsetenv("SSL_CERT_FILE") } }
        // Only the system bundle: the private CA is unknown.
        setenv("SSL_CERT_FILE", "/etc/ssl/certs/ca-certificates.crt", 1)
        #expect {
            try connect(nil, .ssl, tls: .default)
        } throws: { error in
            if case IMAPError.certificateRejected(.untrustedIssuer, _) = error { return true }
            return false
        }
        // A bundle with the private CA, given only through the environment.
        setenv("SSL_CERT_FILE", server.bundle, 1)
        let c = try connect(nil, .ssl, tls: .default)
        c.logout()
    }

    @Test func startTLSNotOfferedRefusesPlainText() throws {
        let proxy = FaultProxy(upstreamPort: server.plainPort, fault: .hideStartTLS)
        defer { proxy.stop() }
        #expect(throws: IMAPError.startTLSNotOffered) {
            try connect(port: proxy.port, .tls)
        }
        // The same proxy still works for plain connections (the rewrite only hides STARTTLS).
        let c = try connect(port: proxy.port, .none)
        #expect(!c.capabilities.contains(.startTLS))
        c.logout()
    }

    @Test func serverOfferingOnlyTLS11IsRefused() throws {
        // openssl s_server limited to TLS 1.1 stands in for an old server; the client's floor is TLS 1.2.
        let free = FaultProxy(upstreamPort: 1, fault: .silent)
        let port = free.port
        free.stop()
        let server = Process()
        server.executableURL = URL(fileURLWithPath: "/usr/bin/openssl")
        server.arguments = ["s_server", "-quiet", "-tls1_1", "-cipher", "DEFAULT@SECLEVEL=0",
                            "-cert", self.server.caFile.replacingAll("ca.pem", with: "server-good.pem"),
                            "-key", self.server.caFile.replacingAll("ca.pem", with: "server-good.key"),
                            "-accept", "127.0.0.1:\(port)"]
        server.standardOutput = FileHandle.nullDevice
        server.standardError = FileHandle.nullDevice
        try server.run()
        // SIGKILL: the child may inherit a mask that blocks SIGTERM from the test's worker thread.
        defer { kill(server.processIdentifier, SIGKILL); server.waitUntilExit() }
        // Wait until it listens.
        let ready = ContinuousClock.now.advanced(by: .seconds(5))
        while ContinuousClock.now < ready {
            if let s = try? TCPSocket.connect(host: "127.0.0.1", port: port, deadline: .after(.seconds(1))) { s.close(); break }
            usleep(50_000)
        }
        let outcome = ServerProbe(host: "127.0.0.1", port: port, security: .ssl, timeout: .seconds(10),
                                  tls: TLSConfiguration(additionalCAFile: self.server.caFile)).run()
        guard case .failure(let f) = outcome else { Issue.record("a TLS 1.1 server must be refused"); return }
        #expect(f.kind == .tlsHandshakeFailed, "\(f.kind): \(f.reason)")
        #expect(f.message == "The connection to the server '127.0.0.1' could not be completed.")
    }

    @Test func probeReportsCertificateProblems() {
        let cases: [(String, CertificateProblem)] = [
            (server["IMAP_HOST_SELF_SIGNED"], .selfSigned), (server["IMAP_HOST_MISMATCH"], .hostnameMismatch),
            (server["IMAP_HOST_EXPIRED"], .expired),
        ]
        for (host, problem) in cases {
            let outcome = ServerProbe(host: host, port: server.tlsPort, security: .ssl, timeout: .seconds(10),
                                      tls: TLSConfiguration(additionalCAFile: server.caFile)).run()
            guard case .failure(let f) = outcome else { Issue.record("\(host) should fail"); continue }
            #expect(f.kind == .certificateProblem(problem))
            #expect(f.message == "The connection to the server '\(host)' could not be completed.")
            #expect(f.reason.contains("certificate"))
        }
        let ok = ServerProbe(host: server.host, port: server.tlsPort, security: .ssl, timeout: .seconds(10),
                             tls: TLSConfiguration(additionalCAFile: server.caFile)).run()
        guard case .success(let s) = ok else { Issue.record("good certificate should pass: \(ok)"); return }
        #expect(s.tlsProtocol != nil)
    }
}
