/// Turns UTF-8 offsets into 1-based line and column (columns count Unicode scalars, as pwsh does for text
/// without surrogate pairs), and builds `SourceExtent`s. Caches the last line so forward scans are cheap.
final class PositionMap {
    let source: SourceText
    private let bytes: [UInt8]
    private let lineStarts: [Int]
    /// Lines holding only ASCII: their columns are plain byte distances.
    private let asciiLine: [Bool]
    private var cachedLine = 0          // index into lineStarts
    private var cachedOffset = 0
    private var cachedColumn = 1

    init(source: SourceText, bytes: [UInt8]) {
        self.source = source
        self.bytes = bytes
        let lineStarts = source.lineStarts
        self.lineStarts = lineStarts
        var ascii = [Bool](repeating: true, count: lineStarts.count)
        bytes.withUnsafeBufferPointer { buf in
            // per line: any byte >= 0x80 makes it non-ASCII
            for line in 0..<lineStarts.count {
                let start = lineStarts[line]
                let end = line + 1 < lineStarts.count ? lineStarts[line + 1] : buf.count
                var i = start
                while i < end {
                    if buf[i] >= 0x80 { ascii[line] = false; break }
                    i += 1
                }
            }
        }
        asciiLine = ascii
    }

    func location(_ rawOffset: Int) -> (line: Int, column: Int) {
        let offset = max(0, min(rawOffset, bytes.count))
        let line = lineIndex(offset)
        let start = lineStarts[line]
        if asciiLine[line] {
            cachedLine = line
            cachedOffset = offset
            cachedColumn = offset - start + 1
            return (line + 1, cachedColumn)
        }
        var from = start, column = 1
        if line == cachedLine, offset >= cachedOffset, cachedOffset >= start { from = cachedOffset; column = cachedColumn }
        var i = from
        while i < offset {
            if bytes[i] & 0xC0 != 0x80 { column += 1 }
            i += 1
        }
        cachedLine = line
        cachedOffset = offset
        cachedColumn = column
        return (line + 1, column)
    }

    private func lineIndex(_ offset: Int) -> Int {
        // Positions asked for are nearly always on or near the last line asked for: walk a few lines
        // from there before falling back to a binary search.
        var c = cachedLine
        for _ in 0..<8 {
            if lineStarts[c] > offset {
                c -= 1
            } else if c + 1 < lineStarts.count, lineStarts[c + 1] <= offset {
                c += 1
            } else {
                return c
            }
        }
        var lo = 0, hi = lineStarts.count - 1
        while lo < hi {
            let mid = (lo + hi + 1) / 2
            if lineStarts[mid] <= offset { lo = mid } else { hi = mid - 1 }
        }
        return lo
    }

    func extent(_ start: Int, _ end: Int) -> SourceExtent {
        let s = location(start)
        let e = location(max(start, end))
        return SourceExtent(source: source, startOffset: start, endOffset: max(start, end),
                            startLine: s.line, startColumn: s.column, endLine: e.line, endColumn: e.column)
    }
}
