extension IMAPConnection {
    /// Connects, negotiates TLS as `options.security` asks, and reads the greeting and capabilities.
    /// With `.tls` it issues STARTTLS and throws `.startTLSNotOffered` (without sending anything else) if the
    /// server does not announce it. The connection is then ready for `login`/`authenticatePlain`.
    /// Errors: `.nameNotResolved`, `.connectionRefused`, `.timedOut`, `.network`, `.certificateRejected`,
    /// `.tlsHandshakeFailed`, `.startTLSNotOffered`, `.notIMAP`, `.connectionClosed` (a BYE greeting).
    public static func connect(host: String, port: Int, options: ConnectionOptions = ConnectionOptions())
        throws(IMAPError) -> IMAPConnection
    {
        let connectDeadline = min(options.deadline ?? .after(options.connectTimeout), .after(options.connectTimeout))
        let socket = try TCPSocket.connect(host: host, port: port, deadline: connectDeadline)
        var stream: ByteStream = socket
        var tlsProtocol: String? = nil
        if options.security == .ssl {
            let tls = try TLSStream(over: socket, host: host, configuration: options.tls, deadline: connectDeadline)
            tlsProtocol = tls.protocolVersion
            stream = tls
        }
        let connection = IMAPConnection(host: host, port: port, options: options, stream: stream)
        connection.tlsProtocol = tlsProtocol
        try connection.readGreeting()
        if options.security == .tls {
            try connection.startTLS(socket: socket, deadline: connectDeadline)
        }
        if connection.capabilities.isEmpty { try connection.refreshCapabilities() }
        return connection
    }

    /// greeting = "*" SP (resp-cond-auth / resp-cond-bye) CRLF
    private func readGreeting() throws(IMAPError) {
        let event: ResponseEvent
        do {
            event = try nextEvent()
        } catch {
            switch error {
            case .parse: throw .notIMAP(describeFirstBytes())
            // Closed after bytes that do not start like an IMAP greeting: something else answered.
            case .connectionClosed where !firstBytes.isEmpty && !firstBytes.starts(with: Array("* ".utf8)):
                throw .notIMAP(describeFirstBytes())
            default: throw error
            }
        }
        switch event {
        case .untagged(.ok(let text)), .untagged(.preauth(let text)): greeting = text
        case .untagged(.bye(let text)): throw .connectionClosed(bye: text.text)
        default: throw .notIMAP(describeFirstBytes())
        }
    }

    /// The first line the peer sent, printable and short.
    func describeFirstBytes() -> String {
        let line = firstBytes.prefix { $0 != ByteCursor.cr && $0 != ByteCursor.lf }.prefix(80)
        return String(decoding: line.map { $0 >= 0x20 && $0 < 0x7F ? $0 : UInt8(ascii: "?") }, as: UTF8.self)
    }

    private func startTLS(socket: TCPSocket, deadline: ContinuousClock.Instant) throws(IMAPError) {
        if capabilities.isEmpty { try refreshCapabilities() }
        guard capabilities.contains(.startTLS) else { throw .startTLSNotOffered }
        try run(Command("STARTTLS"))
        // Bytes after the OK were sent in plain text before TLS began: a STARTTLS injection attack.
        guard parser.bufferedByteCount == 0 else {
            throw .protocolViolation("the server sent data after accepting STARTTLS")
        }
        let tls = try TLSStream(over: socket, host: host, configuration: options.tls, deadline: deadline)
        stream = tls
        tlsProtocol = tls.protocolVersion
        // Capabilities learnt before TLS must not be trusted (RFC 3501 §6.2.1).
        capabilities = []
        try refreshCapabilities()
    }

    /// CAPABILITY: refreshes `capabilities`.
    public func refreshCapabilities() throws(IMAPError) {
        try run(Command("CAPABILITY"))
    }

    /// LOGIN with the user name passed through unchanged (so admin forms such as `terry.adams*mailadmin`,
    /// `contoso/mailadmin/terry.adams` or `#user@domain#admin#` work) and the password quoted or sent as a
    /// literal as its bytes require. Errors: `.commandFailed(command: "LOGIN", status: .no, ...)` for a wrong
    /// password (code usually `.authenticationFailed`), or connection errors. Refreshes capabilities.
    public func login(user: String, password: String) throws(IMAPError) {
        var command = Command("LOGIN")
        command.astring(user)
        command.astring(password)
        let done = try run(command)
        try afterAuthentication(done)
    }

    /// AUTHENTICATE PLAIN (RFC 4616) with an optional authorization identity: `authorizationIdentity` is the
    /// user whose mailbox is opened, `authenticationIdentity`/`password` are the credentials checked (e.g. an
    /// admin's). Uses SASL-IR when offered. Errors as for `login`.
    public func authenticatePlain(authorizationIdentity: String?, authenticationIdentity: String, password: String)
        throws(IMAPError)
    {
        let payload = Array((authorizationIdentity ?? "").utf8) + [0] + Array(authenticationIdentity.utf8) + [0]
            + Array(password.utf8)
        let encoded = Base64.encode(payload)
        var command = Command("AUTHENTICATE")
        command.text(" PLAIN")
        let done: TaggedResponse
        if capabilities.contains(.saslIR) {
            command.text(" " + encoded)
            done = try run(command)
        } else {
            let tag = try send(command)
            if try awaitContinuation(tag: tag) { try write(Array((encoded + "\r\n").utf8)) }
            do { done = try wait(for: tag) } catch let e as IMAPError { throw e } catch { throw .usage("\(error)") }
            try Self.check(done, command)
        }
        try afterAuthentication(done)
    }

    private func afterAuthentication(_ done: TaggedResponse) throws(IMAPError) {
        if case .capability(let caps)? = done.text.code {
            capabilities = Set(caps)
        } else {
            try refreshCapabilities()
        }
    }

    /// LOGOUT, then close. Never throws: a server that closes first is fine.
    public func logout() {
        do {
            let tag = try send(Command("LOGOUT"))
            _ = try wait(for: tag)
        } catch {}
        close()
    }

    /// NOOP: lets the server report EXISTS/EXPUNGE/FETCH updates (passed to `handler`).
    public func noop(handler: (ResponseEvent) -> Void = { _ in }) throws(IMAPError) {
        try run(Command("NOOP"), handler: handler)
    }

    /// ID (RFC 2971): sends `fields` (or NIL) and returns the server's fields (empty if it sent NIL).
    public func id(_ fields: [(String, String)]?) throws(IMAPError) -> [String: String] {
        var command = Command("ID")
        if let fields, !fields.isEmpty {
            command.text(" (")
            for (i, (k, v)) in fields.enumerated() {
                if i > 0 { command.space() }
                command.quotedPair(k, v)
            }
            command.text(")")
        } else {
            command.text(" NIL")
        }
        var result: [String: String] = [:]
        try run(command) { if case .untagged(.id(let f)) = $0 { result = f } }
        return result
    }
}

extension Command {
    /// `"key" "value"` for ID (both always quoted; non-printable bytes become `?`).
    mutating func quotedPair(_ key: String, _ value: String) {
        func q(_ s: String) -> String {
            "\"" + String(s.unicodeScalars.map { c -> Character in
                c.value >= 0x20 && c.value < 0x7F && c != "\"" && c != "\\" ? Character(c) : "?"
            }) + "\""
        }
        text(q(key) + " " + q(value))
    }
}
