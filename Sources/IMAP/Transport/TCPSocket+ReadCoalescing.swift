@preconcurrency import Glibc

/// Fewer, larger reads while FETCH bodies stream in. Waking the reader for every arriving packet costs a context
/// switch each time, and on a small machine the client shares its cores with the server: it is cheaper to let
/// the bytes gather. SO_RCVLOWAT makes poll(2) report the socket readable only once that many bytes are queued
/// (or at end of stream, or on error), so a too-high mark can only delay a wake-up, never lose data:
/// - bytes certain to come (the rest of a literal): wait up to 200 ms for up to 256 KB of them;
/// - otherwise, in a bulk transfer, wait up to 3 ms for 64 KB;
/// then wait for any byte as usual. The windows keep a slow server's progress visible: the read timeout still
/// means "no byte at all for that long".
extension TCPSocket {
    static let coalesceBytes = 64 * 1024
    static let certainWindowMilliseconds: Int32 = 200
    static let coalesceWindowMilliseconds: Int32 = 3

    public func expectIncoming(atLeast bytes: Int, coalescing: Bool) {
        certainBytes = bytes
        self.coalescing = coalescing
    }

    /// Waits for bytes to read, as the last `expectIncoming` allows.
    func waitReadable(deadline: ContinuousClock.Instant) throws(IMAPError) {
        // Coarse levels: the option changes a few times per large literal, not on every read.
        let gather: (bytes: Int, window: Int32)? =
            certainBytes >= 256 * 1024 ? (256 * 1024, Self.certainWindowMilliseconds)
            : certainBytes >= Self.coalesceBytes ? (Self.coalesceBytes, Self.certainWindowMilliseconds)
            : coalescing ? (Self.coalesceBytes, Self.coalesceWindowMilliseconds) : nil
        if let gather {
            setLowWater(gather.bytes)
            var p = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
            if poll(&p, 1, min(gather.window, deadline.pollMilliseconds)) > 0 { return }
        }
        setLowWater(1)
        try waitFor(Int16(POLLIN), deadline: deadline, phase: .read)
    }

    func setLowWater(_ bytes: Int) {
        guard bytes != lowWater, fd >= 0 else { return }
        var value = Int32(bytes)
        if setsockopt(fd, SOL_SOCKET, SO_RCVLOWAT, &value, socklen_t(MemoryLayout<Int32>.size)) == 0 { lowWater = bytes }
    }
}
