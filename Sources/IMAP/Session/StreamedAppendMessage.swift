@preconcurrency import Glibc

/// A message for APPEND whose bytes are produced in chunks while they are sent (from a file, or from a FETCH
/// in progress), so a large message is never held whole. The size must be known first: it is the literal's
/// length, sent before the bytes.
public struct StreamedAppendMessage {
    public var flags: [Flag]
    public var internalDate: InternalDate?
    /// The exact number of bytes the chunks add up to.
    public var size: Int
    /// True when the bytes may contain NUL: the message then goes as a literal8 (`~{n}`, RFC 3516) if the server
    /// offers BINARY. 8-bit bytes alone do not need it (a normal literal carries them unchanged).
    public var mayContainNUL: Bool
    /// The next chunk, nil (or empty) at the end. Its errors end the APPEND and close the connection.
    public var nextChunk: () throws -> ArraySlice<UInt8>?

    public init(size: Int, flags: [Flag] = [], internalDate: InternalDate? = nil, mayContainNUL: Bool = true,
                nextChunk: @escaping () throws -> ArraySlice<UInt8>?) {
        self.size = size; self.flags = flags; self.internalDate = internalDate
        self.mayContainNUL = mayContainNUL; self.nextChunk = nextChunk
    }

    /// A message held in memory, sent as chunks of the same bytes (no copy).
    public init(_ message: AppendMessage, chunkSize: Int = 256 * 1024) {
        let bytes = message.bytes
        var offset = 0
        self.init(size: bytes.count, flags: message.flags, internalDate: message.internalDate,
                  mayContainNUL: bytes.contains(0)) {
            guard offset < bytes.count else { return nil }
            defer { offset = min(bytes.count, offset + chunkSize) }
            return bytes[offset..<min(bytes.count, offset + chunkSize)]
        }
    }

    /// The message in the file at `path`, read in chunks of `chunkSize` bytes while it is sent. Unless
    /// `mayContainNUL` is given, the file is read once beforehand to find out (a pass at page-cache speed that
    /// holds one chunk). Errors: `.usage` when the file cannot be opened or read.
    public static func file(_ path: String, flags: [Flag] = [], internalDate: InternalDate? = nil,
                            mayContainNUL: Bool? = nil, chunkSize: Int = 256 * 1024) throws(IMAPError) -> StreamedAppendMessage {
        let reader = try FileChunkReader(path: path, chunkSize: chunkSize)
        var hasNUL = false
        if let mayContainNUL { hasNUL = mayContainNUL } else {
            while let chunk = try reader.next() { if chunk.contains(0) { hasNUL = true; break } }
            try reader.rewind()
        }
        return StreamedAppendMessage(size: reader.size, flags: flags, internalDate: internalDate, mayContainNUL: hasNUL) {
            try reader.next()
        }
    }
}

/// Reads a file in fixed-size chunks with read(2); closes it when released.
final class FileChunkReader {
    let path: String
    let size: Int
    private let fd: Int32
    private var buffer: [UInt8]

    init(path: String, chunkSize: Int) throws(IMAPError) {
        self.path = path
        fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw .usage("cannot open \(path): " + String(cString: strerror(errno))) }
        var info = stat()
        guard fstat(fd, &info) == 0 else {
            let why = String(cString: strerror(errno))
            close(fd)
            throw .usage("cannot read \(path): \(why)")
        }
        size = Int(info.st_size)
        buffer = [UInt8](repeating: 0, count: max(1, chunkSize))
    }

    deinit { close(fd) }

    /// The next chunk (valid until the next call), nil at the end of the file.
    func next() throws(IMAPError) -> ArraySlice<UInt8>? {
        while true {
            let n = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if n > 0 { return buffer[0..<n] }
            if n == 0 { return nil }
            if errno != EINTR { throw .usage("cannot read \(path): " + String(cString: strerror(errno))) }
        }
    }

    func rewind() throws(IMAPError) {
        guard lseek(fd, 0, SEEK_SET) == 0 else { throw .usage("cannot rewind \(path)") }
    }
}
