import Foundation

/// Reads a text file line by line in fixed-size chunks, so a 1 GB file streams through
/// `Get-Content | Measure-Object` in constant memory. Lines end at `\n`, `\r\n` or `\r`;
/// a UTF-8 BOM is skipped. UTF-16/32 files (BOM or requested) are decoded whole.
final class LineReader {
    private let handle: FileHandle
    private let encoding: PSEncoding
    private var buffer: [UInt8] = []
    private var start = 0
    private var atEOF = false
    private var pendingCR = false
    private var wholeLines: [String]?
    private static let chunkSize = 1 << 16

    init?(path: String, encoding: PSEncoding = .utf8) {
        guard let h = FileHandle(forReadingAtPath: path) else { return nil }
        handle = h
        let head = (try? h.read(upToCount: 4)).map { [UInt8]($0) } ?? []
        let detected = PSEncoding.detect(head) ?? encoding
        self.encoding = detected
        switch detected {
        case .unicode, .bigEndianUnicode, .utf32:
            let rest = (try? h.readToEnd()).map { [UInt8]($0) } ?? []
            wholeLines = TextLines.split(detected.decode(head + rest))
        default:
            buffer = head
            if buffer.starts(with: [0xEF, 0xBB, 0xBF]) { start = 3 }
        }
    }

    deinit { try? handle.close() }

    /// The line from `from` to the next CR or LF in the buffer, and where that terminator is.
    private func lineAt(_ from: Int) -> (String, Int)? {
        buffer.withUnsafeBufferPointer { p -> (String, Int)? in
            var i = from
            while i < p.count {
                let b = p[i]
                if b == 0x0A || b == 0x0D {
                    let bytes = UnsafeBufferPointer(rebasing: p[from..<i])
                    let line = encoding == .utf8 || encoding == .utf8BOM ? String(decoding: bytes, as: UTF8.self) : encoding.decode(bytes)
                    return (line, i)
                }
                i += 1
            }
            return nil
        }
    }

    /// The next line without its terminator, or nil at the end of the file.
    func next() -> String? {
        if wholeLines != nil {
            return wholeLines!.isEmpty ? nil : wholeLines!.removeFirst()
        }
        while true {
            if pendingCR, start < buffer.count {
                if buffer[start] == 0x0A { start += 1 }
                pendingCR = false
            }
            if let (line, end) = lineAt(start) {
                start = end + 1
                if buffer[end] == 0x0D { pendingCR = true }
                return line
            }
            if atEOF {
                guard start < buffer.count else { return nil }
                let line = encoding.decode(buffer[start...])
                start = buffer.count
                return line
            }
            if start > 0 { buffer.removeFirst(start); start = 0 }
            let chunk = (try? handle.read(upToCount: Self.chunkSize)) ?? nil
            if let chunk, !chunk.isEmpty { buffer.append(contentsOf: chunk) } else { atEOF = true }
        }
    }
}
