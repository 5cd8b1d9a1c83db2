/// Turns server bytes into `ResponseEvent`s. A pure state machine: no I/O, feed it with `append(_:)` and drain
/// it with `next()`. Feeding the same bytes in any chunking gives the same events, except that body bytes may
/// be split into different chunks.
///
/// Memory stays bounded: FETCH bodies are handed out as they arrive (`FetchEvent.bodyBytes`), and every other
/// response must fit `ParserLimits.maxResponseBytes`.
public struct ResponseParser: Sendable {
    enum Mode: Sendable {
        case responseStart
        /// Inside `* n FETCH (`: before the next data item or the closing `)`.
        case fetchItems(count: Int)
        /// Streaming a body literal; `remaining` bytes still to come.
        case body(remaining: Int, itemCount: Int)
        case failed(IMAPParseError)
    }

    /// What must happen before parsing is worth retrying.
    enum Waiting: Sendable {
        case bytes(Int)            // `end` must reach this
        case newline(scanFrom: Int)  // a LF must arrive at or after this index
    }

    public let limits: ParserLimits
    /// Received bytes are `buffer[..<end]`; the rest is room for the next read (see `receive`).
    private var buffer: [UInt8] = []
    private var end = 0
    private var start = 0            // first unconsumed byte
    private var consumedBefore = 0   // stream offset of buffer[0]
    private var mode = Mode.responseStart
    private var waiting: Waiting? = nil
    private var pending: [ResponseEvent] = []
    private var pendingIndex = 0

    public init(limits: ParserLimits = .default) { self.limits = limits }

    /// Bytes received but not yet turned into events.
    public var bufferedByteCount: Int { end - start }

    /// Bytes of the body literal being streamed that have not arrived yet: the server is bound to send at least
    /// this many more. 0 outside a literal.
    public var literalBytesOutstanding: Int {
        guard case .body(let remaining, _) = mode else { return 0 }
        return Swift.max(0, remaining - bufferedByteCount)
    }

    /// True when no response is partially parsed (a clean point to end the stream).
    public var isAtResponseBoundary: Bool {
        if case .responseStart = mode { return bufferedByteCount == 0 && pendingIndex == pending.count }
        return false
    }

    /// Adds bytes that arrived from the server.
    public mutating func append<C: Collection>(_ bytes: C) where C.Element == UInt8 {
        receive(maxCount: bytes.count) { room in
            UnsafeMutableRawBufferPointer(room).copyBytes(from: bytes)
            return bytes.count
        }
    }

    /// Lets `fill` write up to `maxCount` bytes from the server straight into the parser's buffer, so a reader
    /// needs no buffer of its own and body bytes are copied once on their way to the sink. `fill` returns how
    /// many bytes it wrote (0...maxCount).
    @discardableResult
    public mutating func receive<E: Error>(
        maxCount: Int, _ fill: (UnsafeMutableRawBufferPointer) throws(E) -> Int
    ) throws(E) -> Int {
        compact()
        if buffer.count - end < maxCount {
            // Grow geometrically; the zero fill happens once per growth, not once per read.
            let size = Swift.max(end + maxCount, buffer.count * 2)
            buffer.append(contentsOf: repeatElement(0, count: size - buffer.count))
        }
        let at = end
        // withUnsafeMutableBytes only rethrows untyped errors: carry the typed one out in a Result.
        let n = try buffer.withUnsafeMutableBytes { raw in
            Result { () throws(E) -> Int in try fill(UnsafeMutableRawBufferPointer(rebasing: raw[at..<at + maxCount])) }
        }.get()
        precondition(n >= 0 && n <= maxCount, "receive: fill reported \(n) of \(maxCount) bytes")
        end += n
        return n
    }

    /// Drops consumed bytes once they are a large part of the buffer, keeping indices in `waiting` valid.
    private mutating func compact() {
        guard start > 0, start >= 64 * 1024 || start * 2 >= end else { return }
        let kept = end - start
        if kept > 0 {
            let from = start
            buffer.withUnsafeMutableBytes { raw in
                raw.baseAddress!.copyMemory(from: raw.baseAddress! + from, byteCount: kept)  // may overlap: memmove
            }
        }
        end = kept
        consumedBefore += start
        switch waiting {
        case .bytes(let n): waiting = .bytes(n - start)
        case .newline(let from): waiting = .newline(scanFrom: max(0, from - start))
        case nil: break
        }
        start = 0
    }

    /// The next event, nil if more bytes are needed. After a thrown error every later call throws it again.
    public mutating func next() throws(IMAPParseError) -> ResponseEvent? {
        if pendingIndex < pending.count {
            defer { pendingIndex += 1; if pendingIndex == pending.count { pending.removeAll(); pendingIndex = 0 } }
            return pending[pendingIndex]
        }
        switch mode {
        case .failed(let error): throw error
        case .body(let remaining, let count): return streamBody(remaining: remaining, itemCount: count)
        case .responseStart, .fetchItems: break
        }
        guard isWorthRetrying() else {
            // A response still incomplete after maxResponseBytes never will be acceptable.
            if end - start > limits.maxResponseBytes { return try fail(.limitExceeded(.responseBytes)) }
            return nil
        }
        var cursor = ByteCursor(buffer, at: start, end: end, base: consumedBefore, limits: limits)
        do throws(ParseStop) {
            let event: ResponseEvent
            if case .fetchItems(let count) = mode {
                event = try parseFetchItem(&cursor, count: count)
            } else {
                event = try parseResponse(&cursor)
            }
            start = cursor.index
            waiting = nil
            return event
        } catch {
            switch error {
            case .incomplete(let need):
                if end - start > limits.maxResponseBytes { return try fail(.limitExceeded(.responseBytes)) }
                if let need { waiting = .bytes(need) } else { waiting = .newline(scanFrom: end) }
                return nil
            case .malformed(let hint, let offset): return try fail(.malformed(hint, offset: offset))
            case .limit(let limit): return try fail(.limitExceeded(limit))
            }
        }
    }

    private mutating func fail(_ error: IMAPParseError) throws(IMAPParseError) -> ResponseEvent? {
        mode = .failed(error)
        throw error
    }

    /// Avoids re-parsing a long partial response on every small read.
    private mutating func isWorthRetrying() -> Bool {
        guard start < end else { return false }
        switch waiting {
        case nil: return true
        case .bytes(let n): return end >= n
        case .newline(let from):
            if buffer[min(from, end)..<end].contains(ByteCursor.lf) { return true }
            waiting = .newline(scanFrom: end)
            return false
        }
    }

    private mutating func streamBody(remaining: Int, itemCount: Int) -> ResponseEvent? {
        if remaining == 0 {
            mode = .fetchItems(count: itemCount)
            return .fetch(.bodyEnd)
        }
        let available = end - start
        guard available > 0 else { return nil }
        let n = min(available, remaining)
        let chunk = buffer[start..<start + n]
        start += n
        mode = .body(remaining: remaining - n, itemCount: itemCount)
        return .fetch(.bodyBytes(chunk))
    }

    // Grammar entry points used by the extensions.
    mutating func enterFetch() { mode = .fetchItems(count: 0) }
    mutating func leaveFetch() { mode = .responseStart }
    mutating func enterBody(size: Int, itemCount: Int) { mode = .body(remaining: size, itemCount: itemCount) }
    mutating func setItemCount(_ count: Int) { mode = .fetchItems(count: count) }
    mutating func queue(_ events: [ResponseEvent]) { pending.append(contentsOf: events) }

    /// Parses a whole byte string into events (for tests and tools); throws on malformed input and
    /// reports whether bytes were left over as an incomplete response.
    public static func parseAll(_ bytes: [UInt8], limits: ParserLimits = .default)
        throws(IMAPParseError) -> (events: [ResponseEvent], complete: Bool)
    {
        var parser = ResponseParser(limits: limits)
        parser.append(bytes)
        var events: [ResponseEvent] = []
        while let e = try parser.next() { events.append(e) }
        return (events, parser.isAtResponseBoundary)
    }
}
