/// One IMAP client connection (RFC 3501). Blocking and not thread-safe: use it from one thread at a time
/// (thread-per-connection). Several commands may be in flight at once (see `send(_:)` and `wait(for:handler:)`).
///
/// Untagged responses may arrive at any time: EXISTS/EXPUNGE update `selected`, CAPABILITY updates
/// `capabilities`, BYE is remembered and reported when the server closes (`IMAPError.connectionClosed(bye:)`).
public final class IMAPConnection {
    public let host: String
    public let port: Int
    public let options: ConnectionOptions
    /// The current capabilities (from the greeting, CAPABILITY, or response codes; refreshed after STARTTLS/login).
    public internal(set) var capabilities: Set<Capability> = []
    /// The greeting's text.
    public internal(set) var greeting = ResponseText(text: "")
    /// The negotiated TLS protocol ("TLSv1.3"), nil on a plain connection.
    public internal(set) var tlsProtocol: String?
    /// The selected mailbox, nil before SELECT/EXAMINE.
    public internal(set) var selected: SelectedMailbox?
    /// The text of an untagged BYE, once one arrived.
    public internal(set) var byeText: String?

    var stream: ByteStream
    var parser: ResponseParser
    /// Most bytes one read may bring: room for several TLS records, so a big body needs few reads and events.
    static let readSize = 256 * 1024
    private var nextTagNumber = 1
    /// Tagged completions that arrived while waiting for another tag.
    private var completions: [String: TaggedResponse] = [:]
    /// Events read while waiting for a continuation request, replayed by `nextEvent()`.
    private var backlog: [ResponseEvent] = []
    /// FETCH responses still expected from the UID FETCH commands in flight (0 when unknown). While more than
    /// the one being read are due, reads may wait a moment for bytes to gather (see ByteStream): more are
    /// certainly coming, so the wait costs nothing. Never while one command's reply is all that is left, so a
    /// loop of one-message fetches does not pay that wait per round trip.
    var fetchResponsesDue = 0
    /// Raw first bytes of the session, to describe a non-IMAP peer.
    var firstBytes: [UInt8] = []

    init(host: String, port: Int, options: ConnectionOptions, stream: ByteStream) {
        self.host = host; self.port = port; self.options = options; self.stream = stream
        self.parser = ResponseParser(limits: options.limits)
    }

    deinit { stream.close() }

    /// Closes the socket without LOGOUT.
    public func close() { stream.close() }

    func capped(_ instant: ContinuousClock.Instant) -> ContinuousClock.Instant {
        guard let d = options.deadline else { return instant }
        return min(d, instant)
    }

    var readDeadline: ContinuousClock.Instant { capped(.after(options.readTimeout)) }

    // MARK: reading

    /// The next response event (from the backlog first). Throws `.connectionClosed` at end of stream,
    /// `.parse` for malformed bytes, `.timedOut(.read)` if the server stays silent for `readTimeout`.
    public func nextEvent() throws(IMAPError) -> ResponseEvent {
        if !backlog.isEmpty { return backlog.removeFirst() }
        while true {
            let event: ResponseEvent?
            do { event = try parser.next() } catch { throw .parse(error) }
            if let event {
                observe(event)
                return event
            }
            let deadline = readDeadline
            let stream = self.stream
            stream.expectIncoming(atLeast: parser.literalBytesOutstanding, coalescing: fetchResponsesDue >= 2)
            var first: [UInt8] = []
            let wantFirst = 256 - firstBytes.count
            // The stream writes into the parser's own buffer: body bytes are not copied again before the sink.
            let n = try parser.receive(maxCount: Self.readSize) { room throws(IMAPError) -> Int in
                let n = try stream.read(into: room, deadline: deadline)
                if wantFirst > 0 { first = Array(room.prefix(min(n, wantFirst))) }
                return n
            }
            if n == 0 { throw .connectionClosed(bye: byeText) }
            firstBytes += first
        }
    }

    /// Keeps connection state current from any event.
    private func observe(_ event: ResponseEvent) {
        guard case .untagged(let u) = event else {
            if case .tagged(let t) = event, case .capability(let caps)? = t.text.code { capabilities = Set(caps) }
            return
        }
        switch u {
        case .bye(let text): byeText = text.text
        case .capability(let caps): capabilities = Set(caps)
        case .ok(let text), .preauth(let text):
            if case .capability(let caps)? = text.code { capabilities = Set(caps) }
        case .exists(let n): selected?.exists = n
        case .recent(let n): selected?.recent = n
        case .expunge: if let e = selected?.exists, e > 0 { selected?.exists = e - 1 }
        case .vanished(earlier: false, let set):
            // Expunges happening now (with QRESYNC enabled they replace EXPUNGE).
            if let e = selected?.exists { selected?.exists = UInt32(max(0, Int(e) - Self.responseBound(set))) }
        default: break
        }
    }

    // MARK: writing and tags

    /// Writes `command` with a new tag and returns the tag; does not wait for the completion.
    /// Literals are sent as LITERAL+ (`{n+}`) when the server offers it (LITERAL- up to 4096 bytes); otherwise the
    /// call waits for each continuation request (events read meanwhile are kept for `nextEvent()`). If the
    /// server refuses a literal with a tagged NO/BAD, the rest is not sent and `wait(for:)` returns that response.
    public func send(_ command: Command) throws(IMAPError) -> String {
        let tag = newTag()
        var pending: [UInt8] = Array(tag.utf8) + [ByteCursor.sp]
        guard try writeParts(command.parts, tag: tag, pending: &pending) else { return tag }
        pending += [ByteCursor.cr, ByteCursor.lf]
        try write(pending)
        return tag
    }

    func newTag() -> String {
        defer { nextTagNumber += 1 }
        return "A\(nextTagNumber)"
    }

    /// Writes `parts` after `pending` (text is gathered in `pending`, literals flush it). False when the server
    /// refused a literal (its completion is recorded for `wait(for: tag)`).
    func writeParts(_ parts: [Command.Part], tag: String, pending: inout [UInt8]) throws(IMAPError) -> Bool {
        for part in parts {
            switch part {
            case .text(let bytes):
                pending += bytes
            case .literal(let bytes):
                let sent = try writeLiteral(count: bytes.count, binary: false, tag: tag, pending: &pending) {
                    () throws(IMAPError) in try write(bytes)
                }
                guard sent else { return false }
            }
        }
        return true
    }

    /// Writes `pending` and a literal header for `count` bytes (`~{n}` literal8 when `binary`), waits for the
    /// continuation request unless the server allows a non-synchronising literal, then lets `body` write the
    /// bytes. False when the server refused the literal (nothing of the body is sent).
    func writeLiteral(count: Int, binary: Bool, tag: String, pending: inout [UInt8],
                      body: () throws(IMAPError) -> Void) throws(IMAPError) -> Bool {
        let nonSync = capabilities.contains(.literalPlus) || (capabilities.contains(.literalMinus) && count <= 4096)
        pending += Array("\(binary ? "~" : ""){\(count)\(nonSync ? "+" : "")}\r\n".utf8)
        try write(pending)
        pending = []
        if !nonSync { guard try awaitContinuation(tag: tag) else { return false } }
        try body()
        return true
    }

    func write(_ bytes: ArraySlice<UInt8>) throws(IMAPError) {
        let deadline = capped(.after(options.readTimeout))
        let stream = self.stream
        try bytes.withUnsafeBytes { raw in
            Result { () throws(IMAPError) in try stream.write(raw, deadline: deadline) }
        }.get()
    }

    func write(_ bytes: [UInt8]) throws(IMAPError) { try write(bytes[...]) }

    /// Reads until a continuation request (true) or the tagged completion of `tag` (false, recorded).
    func awaitContinuation(tag: String) throws(IMAPError) -> Bool {
        while true {
            let event = try nextEvent()
            switch event {
            case .continuation: return true
            case .tagged(let t):
                completions[t.tag] = t
                if t.tag == tag { return false }
            default: backlog.append(event)
            }
        }
    }

    /// Reads responses until `tag` completes and returns its tagged response (whatever its status). Every other
    /// event read meanwhile goes to `handler` in arrival order; with several commands in flight these may belong
    /// to any of them (FETCH events carry the UID when it was asked for). Errors: `IMAPError` or the handler's.
    public func wait(for tag: String, handler: (ResponseEvent) throws -> Void = { _ in }) throws -> TaggedResponse {
        if let done = completions.removeValue(forKey: tag) { return done }
        while true {
            let event = try nextEvent()
            switch event {
            case .tagged(let t):
                if t.tag == tag { return t }
                completions[t.tag] = t
            case .continuation:
                throw IMAPError.protocolViolation("continuation request while no literal was pending")
            default:
                try handler(event)
            }
        }
    }

    /// Sends `command`, waits for it, and throws `.commandFailed` unless it completed with OK.
    @discardableResult
    public func execute(_ command: Command, handler: (ResponseEvent) throws -> Void = { _ in }) throws -> TaggedResponse {
        let tag = try send(command)
        let done = try wait(for: tag, handler: handler)
        try Self.check(done, command)
        return done
    }

    static func check(_ done: TaggedResponse, _ command: Command) throws(IMAPError) {
        guard done.status == .ok else {
            throw .commandFailed(command: command.name, status: done.status, code: done.text.code, text: done.text.text)
        }
    }

    /// `execute` for commands whose handler cannot throw, so the only errors are `IMAPError`s.
    @discardableResult
    func run(_ command: Command, handler: (ResponseEvent) -> Void = { _ in }) throws(IMAPError) -> TaggedResponse {
        let tag = try send(command)
        let done: TaggedResponse
        do { done = try wait(for: tag, handler: handler) } catch let e as IMAPError { throw e } catch {
            throw .usage("unexpected error \(error)")
        }
        try Self.check(done, command)
        return done
    }
}
