@preconcurrency import COpenSSL
@preconcurrency import Glibc

/// TLS over a connected `TCPSocket` (OpenSSL), with chain and host-name verification and SNI.
public final class TLSStream: ByteStream {
    private let socket: TCPSocket
    private var ssl: OpaquePointer?

    /// Runs the TLS handshake for `host` (the name the user gave: verified against the certificate, and sent as
    /// SNI unless it is an IP address). Errors: `.certificateRejected` with OpenSSL's verify reason,
    /// `.tlsHandshakeFailed`, `.timedOut(.tlsHandshake)`, `.connectionClosed`.
    public init(over socket: TCPSocket, host: String, configuration: TLSConfiguration,
                deadline: ContinuousClock.Instant) throws(IMAPError) {
        self.socket = socket
        let ctx = try TLSContextCache.shared.context(for: configuration)
        guard let ssl = SSL_new(ctx) else { throw .tlsHandshakeFailed(lastOpenSSLError()) }
        self.ssl = ssl
        SSL_set_fd(ssl, socket.fd)
        // Read ahead into a buffer of several records: one recv(2) brings many records instead of two calls
        // (header, then body) per 16 KB record.
        SSL_set_default_read_buffer_len(ssl, Self.recordBufferSize)
        SSL_set_read_ahead(ssl, 1)
        if Resolver.isIPAddress(host) {
            X509_VERIFY_PARAM_set1_ip_asc(SSL_get0_param(ssl), host)
        } else {
            _ = shim_SSL_set_tlsext_host_name(ssl, host)
            SSL_set1_host(ssl, host)
        }
        try handshake(deadline: deadline)
    }

    deinit { close() }

    static let recordBufferSize = 128 * 1024

    private func handshake(deadline: ContinuousClock.Instant) throws(IMAPError) {
        while true {
            ERR_clear_error()
            let rc = SSL_connect(ssl)
            if rc == 1 { return }
            let err = SSL_get_error(ssl, rc)
            switch err {
            case SSL_ERROR_WANT_READ:
                socket.setLowWater(1)
                try socket.waitFor(Int16(POLLIN), deadline: deadline, phase: .tlsHandshake)
            case SSL_ERROR_WANT_WRITE: try socket.waitFor(Int16(POLLOUT), deadline: deadline, phase: .tlsHandshake)
            default:
                let verify = SSL_get_verify_result(ssl)
                if verify != X509_V_OK {
                    ERR_clear_error()
                    throw .certificateRejected(Self.problem(Int32(verify)), reason: Self.verifyText(verify))
                }
                let reason = err == SSL_ERROR_SYSCALL && ERR_peek_error() == 0
                    ? "the server closed the connection during the handshake" : lastOpenSSLError()
                throw .tlsHandshakeFailed(reason)
            }
        }
    }

    static func verifyText(_ code: Int) -> String {
        guard let text = X509_verify_cert_error_string(code) else { return "verify error \(code)" }
        return String(cString: text)
    }

    static func problem(_ code: Int32) -> CertificateProblem {
        switch code {
        case X509_V_ERR_DEPTH_ZERO_SELF_SIGNED_CERT, X509_V_ERR_SELF_SIGNED_CERT_IN_CHAIN: return .selfSigned
        case X509_V_ERR_UNABLE_TO_GET_ISSUER_CERT, X509_V_ERR_UNABLE_TO_GET_ISSUER_CERT_LOCALLY,
             X509_V_ERR_UNABLE_TO_VERIFY_LEAF_SIGNATURE, X509_V_ERR_CERT_UNTRUSTED: return .untrustedIssuer
        case X509_V_ERR_HOSTNAME_MISMATCH, X509_V_ERR_IP_ADDRESS_MISMATCH, X509_V_ERR_EMAIL_MISMATCH:
            return .hostnameMismatch
        case X509_V_ERR_CERT_HAS_EXPIRED: return .expired
        case X509_V_ERR_CERT_NOT_YET_VALID: return .notYetValid
        default: return .other
        }
    }

    /// The negotiated protocol, e.g. "TLSv1.3".
    public var protocolVersion: String {
        guard let ssl, let v = SSL_get_version(ssl) else { return "" }
        return String(cString: v)
    }

    public func read(into buffer: UnsafeMutableRawBufferPointer, deadline: ContinuousClock.Instant) throws(IMAPError) -> Int {
        while true {
            guard let ssl else { throw .connectionClosed(bye: nil) }
            ERR_clear_error()
            let n = SSL_read(ssl, buffer.baseAddress, Int32(min(buffer.count, Int(Int32.max))))
            if n > 0 { return Int(n) + drainBuffered(into: buffer, from: Int(n)) }
            switch SSL_get_error(ssl, n) {
            case SSL_ERROR_WANT_READ: try socket.waitReadable(deadline: deadline)
            case SSL_ERROR_WANT_WRITE: try socket.waitFor(Int16(POLLOUT), deadline: deadline, phase: .read)
            case SSL_ERROR_ZERO_RETURN: return 0
            case SSL_ERROR_SYSCALL:
                if ERR_peek_error() == 0 { return 0 }
                throw .network("TLS read: " + lastOpenSSLError())
            default: throw .network("TLS read: " + lastOpenSSLError())
            }
        }
    }

    /// Forwarded to the socket less what OpenSSL may already hold: it reports WANT_READ only when its buffer
    /// lacks a whole record, so at most one record's ciphertext of the promised bytes is no longer to come.
    public func expectIncoming(atLeast bytes: Int, coalescing: Bool) {
        socket.expectIncoming(atLeast: bytes - Self.maxRecordCiphertext, coalescing: coalescing)
    }

    /// A TLS record: 5 header bytes, up to 16 KB of plaintext, up to 256 bytes of expansion.
    static let maxRecordCiphertext = 5 + 16384 + 256

    /// SSL_read returns one record at a time: keeps reading the records already received (no waiting), so one
    /// read hands the caller as many bytes as have arrived. A failure here is left for the next `read`.
    private func drainBuffered(into buffer: UnsafeMutableRawBufferPointer, from offset: Int) -> Int {
        var total = offset
        while total < buffer.count, let ssl, SSL_has_pending(ssl) == 1 {
            ERR_clear_error()
            let n = SSL_read(ssl, buffer.baseAddress! + total, Int32(min(buffer.count - total, Int(Int32.max))))
            guard n > 0 else { break }  // a partial record (WANT_READ), or an error the next read reports
            total += Int(n)
        }
        return total - offset
    }

    public func write(_ bytes: UnsafeRawBufferPointer, deadline: ContinuousClock.Instant) throws(IMAPError) {
        var offset = 0
        while offset < bytes.count {
            guard let ssl else { throw .connectionClosed(bye: nil) }
            ERR_clear_error()
            let chunk = Int32(min(bytes.count - offset, 1 << 30))
            let n = SSL_write(ssl, bytes.baseAddress! + offset, chunk)
            if n > 0 { offset += Int(n); continue }
            switch SSL_get_error(ssl, n) {
            case SSL_ERROR_WANT_READ:
                socket.setLowWater(1)  // any record will do
                try socket.waitFor(Int16(POLLIN), deadline: deadline, phase: .write)
            case SSL_ERROR_WANT_WRITE: try socket.waitFor(Int16(POLLOUT), deadline: deadline, phase: .write)
            case SSL_ERROR_ZERO_RETURN: throw .connectionClosed(bye: nil)
            case SSL_ERROR_SYSCALL:
                if errno == EPIPE || errno == ECONNRESET || ERR_peek_error() == 0 { throw .connectionClosed(bye: nil) }
                throw .network("TLS write: " + lastOpenSSLError())
            default: throw .network("TLS write: " + lastOpenSSLError())
            }
        }
    }

    public func close() {
        if let ssl {
            SSL_free(ssl)
            self.ssl = nil
        }
        socket.close()
    }
}
