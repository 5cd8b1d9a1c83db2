@preconcurrency import COpenSSL
@preconcurrency import Glibc
import Synchronization

/// How the client checks the server's certificate.
/// Default: verify the chain against the system CAs plus `SSL_CERT_FILE`/`SSL_CERT_DIR`, and the host name.
public struct TLSConfiguration: Hashable, Sendable {
    /// false accepts any certificate (Exchange's `-AcceptUntrustedCertificates`); the handshake still encrypts.
    public var verifyCertificates: Bool = true
    /// Extra CA bundle file trusted in addition to the defaults.
    public var additionalCAFile: String? = nil

    public init(verifyCertificates: Bool = true, additionalCAFile: String? = nil) {
        self.verifyCertificates = verifyCertificates
        self.additionalCAFile = additionalCAFile
    }
    public static let `default` = TLSConfiguration()
}

/// Lazily created, shared SSL_CTXs: loading the CA bundle costs about 18 ms, so it happens on first TLS use,
/// once per distinct configuration and CA environment (`SSL_CERT_FILE`, `SSL_CERT_DIR` are read at that moment).
final class TLSContextCache: Sendable {
    struct Key: Hashable {
        var configuration: TLSConfiguration
        var certFile: String?
        var certDir: String?
    }

    /// SSL_CTX pointers are thread-safe to share once configured.
    private struct Entry: @unchecked Sendable { let ctx: OpaquePointer }
    private let entries = Mutex<[Key: Entry]>([:])

    static let shared = TLSContextCache()

    func context(for configuration: TLSConfiguration) throws(IMAPError) -> OpaquePointer {
        let key = Key(configuration: configuration, certFile: Self.env("SSL_CERT_FILE"), certDir: Self.env("SSL_CERT_DIR"))
        let result: Result<OpaquePointer, IMAPError> = entries.withLock { cache in
            if let e = cache[key] { return .success(e.ctx) }
            switch Self.makeContext(configuration) {
            case .success(let ctx): cache[key] = Entry(ctx: ctx); return .success(ctx)
            case .failure(let e): return .failure(e)
            }
        }
        return try result.get()
    }

    private static func env(_ name: String) -> String? { getenv(name).map { String(cString: $0) } }

    private static func makeContext(_ configuration: TLSConfiguration) -> Result<OpaquePointer, IMAPError> {
        // OpenSSL writes to sockets with write(2); a closed peer must not kill the process.
        signal(SIGPIPE, SIG_IGN)
        guard let ctx = SSL_CTX_new(TLS_client_method()) else {
            return .failure(.tlsHandshakeFailed("cannot create a TLS context: " + lastOpenSSLError()))
        }
        _ = shim_SSL_CTX_set_min_proto_version(ctx, TLS1_2_VERSION)
        _ = shim_SSL_CTX_no_compression(ctx)
        _ = shim_SSL_CTX_ignore_unexpected_eof(ctx)
        _ = shim_SSL_CTX_set_mode(ctx, Int(SSL_MODE_AUTO_RETRY))
        // Honours SSL_CERT_FILE / SSL_CERT_DIR, falling back to the system bundle.
        SSL_CTX_set_default_verify_paths(ctx)
        if let file = configuration.additionalCAFile, SSL_CTX_load_verify_locations(ctx, file, nil) != 1 {
            SSL_CTX_free(ctx)
            return .failure(.tlsHandshakeFailed("cannot load CA file \(file): " + lastOpenSSLError()))
        }
        SSL_CTX_set_verify(ctx, configuration.verifyCertificates ? SSL_VERIFY_PEER : SSL_VERIFY_NONE, nil)
        return .success(ctx)
    }
}

/// The reason text of the most recent OpenSSL error (and clears the queue).
func lastOpenSSLError() -> String {
    let code = ERR_get_error()
    ERR_clear_error()
    guard code != 0 else { return "unknown error" }
    var buf = [CChar](repeating: 0, count: 256)
    ERR_error_string_n(code, &buf, buf.count)
    return String(decoding: buf.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
}
