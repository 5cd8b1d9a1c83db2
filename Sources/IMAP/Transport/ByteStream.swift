/// A bidirectional byte stream with timeouts: a TCP socket or TLS over one.
/// Blocking; one thread uses a stream at a time.
public protocol ByteStream: AnyObject {
    /// Reads up to `buffer.count` bytes, waiting until `deadline`. Returns 0 at end of stream.
    func read(into buffer: UnsafeMutableRawBufferPointer, deadline: ContinuousClock.Instant) throws(IMAPError) -> Int
    /// Writes all bytes, waiting until `deadline`.
    func write(_ bytes: UnsafeRawBufferPointer, deadline: ContinuousClock.Instant) throws(IMAPError)
    /// Closes the stream; later calls fail. Safe to call twice.
    func close()
    /// A hint before `read`: at least `bytes` more bytes are certain to arrive (the rest of a literal), so the
    /// stream may sleep until much of them is there instead of waking for every packet (0: nothing is certain).
    /// `coalescing`: a bulk transfer is under way (FETCH responses streaming), so the stream may also wait a
    /// few milliseconds for more bytes to gather before it wakes the reader.
    func expectIncoming(atLeast bytes: Int, coalescing: Bool)
}

extension ByteStream {
    public func expectIncoming(atLeast bytes: Int, coalescing: Bool) {}
}

extension ContinuousClock.Instant {
    /// Milliseconds until this instant, clamped to 0...Int32.max, for poll(2).
    var pollMilliseconds: Int32 {
        let d = ContinuousClock.now.duration(to: self)
        if d <= .zero { return 0 }
        let (s, attos) = d.components
        let ms = s * 1000 + attos / 1_000_000_000_000_000 + 1
        return ms > Int64(Int32.max) ? Int32.max : Int32(ms)
    }

    static func after(_ duration: Duration) -> ContinuousClock.Instant { ContinuousClock.now.advanced(by: duration) }
}
