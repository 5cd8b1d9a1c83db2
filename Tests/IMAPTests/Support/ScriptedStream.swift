@testable import IMAP

/// Serves scripted server bytes in small pieces and records the hints the connection gives before each read.
final class ScriptedStream: ByteStream {
    var script: [UInt8]
    var hints: [(certain: Int, coalescing: Bool)] = []
    init(_ text: String) { script = Array(text.utf8) }
    func read(into buffer: UnsafeMutableRawBufferPointer, deadline: ContinuousClock.Instant) throws(IMAPError) -> Int {
        let n = min(buffer.count, script.count, 40)
        buffer.copyBytes(from: script[..<n])
        script.removeFirst(n)
        return n
    }
    func write(_ bytes: UnsafeRawBufferPointer, deadline: ContinuousClock.Instant) throws(IMAPError) {}
    func close() {}
    func expectIncoming(atLeast bytes: Int, coalescing: Bool) { hints.append((bytes, coalescing)) }
}
