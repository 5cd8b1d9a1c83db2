/// The text of one script, shared by every extent that points into it.
public final class SourceText: @unchecked Sendable {
    /// The file path as the user named it, or nil for `-Command` text and the REPL.
    public let file: String?
    public let text: String
    /// UTF-8 offsets at which each line starts.
    public let lineStarts: [Int]

    public init(file: String?, text: String) {
        self.file = file
        self.text = text
        var starts = [0]
        // contiguous fast path (native strings); the plain loop covers the rest
        let scanned: Void? = text.utf8.withContiguousStorageIfAvailable { buf in
            for i in 0..<buf.count where SourceText.endsLine(buf, at: i) { starts.append(i + 1) }
        }
        if scanned == nil {
            let bytes = Array(text.utf8)
            for i in 0..<bytes.count where SourceText.endsLine(bytes, at: i) { starts.append(i + 1) }
        }
        lineStarts = starts
    }

    /// A line ends at LF, at the LF of CRLF, and at a lone CR (old Mac files), as pwsh counts lines.
    static func endsLine<C: RandomAccessCollection>(_ bytes: C, at i: C.Index) -> Bool where C.Element == UInt8, C.Index == Int {
        switch bytes[i] {
        case UInt8(ascii: "\n"): return true
        case UInt8(ascii: "\r"): return i + 1 == bytes.endIndex || bytes[i + 1] != UInt8(ascii: "\n")
        default: return false
        }
    }

    /// The 1-based line's text without its line terminator.
    public func line(_ number: Int) -> String {
        guard number >= 1, number <= lineStarts.count else { return "" }
        let utf8 = Array(text.utf8)
        let start = lineStarts[number - 1]
        var end = number < lineStarts.count ? lineStarts[number] : utf8.count
        while end > start, utf8[end - 1] == UInt8(ascii: "\n") || utf8[end - 1] == UInt8(ascii: "\r") { end -= 1 }
        return String(decoding: utf8[start..<end], as: UTF8.self)
    }
}

/// Where a token or node sits in its script: 1-based lines and columns (columns count
/// characters, as pwsh reports them), plus UTF-8 offsets into the source.
public struct SourceExtent: Sendable {
    public let source: SourceText
    public let startOffset: Int
    public let endOffset: Int
    public let startLine: Int
    public let startColumn: Int
    public let endLine: Int
    public let endColumn: Int

    public init(source: SourceText, startOffset: Int, endOffset: Int,
                startLine: Int, startColumn: Int, endLine: Int, endColumn: Int) {
        self.source = source
        self.startOffset = startOffset
        self.endOffset = endOffset
        self.startLine = startLine
        self.startColumn = startColumn
        self.endLine = endLine
        self.endColumn = endColumn
    }

    public var file: String? { source.file }

    /// The source text this extent covers.
    public var text: String {
        let utf8 = Array(source.text.utf8)
        let s = max(0, min(startOffset, utf8.count)), e = max(s, min(endOffset, utf8.count))
        return String(decoding: utf8[s..<e], as: UTF8.self)
    }
}

extension SourceText {
    /// The text between two UTF-8 offsets (clamped), without copying the whole script.
    public func slice(_ start: Int, _ end: Int) -> String {
        let utf8 = text.utf8
        let count = utf8.count
        let s = max(0, min(start, count)), e = max(s, min(end, count))
        let from = utf8.index(utf8.startIndex, offsetBy: s)
        let to = utf8.index(from, offsetBy: e - s)
        return String(decoding: utf8[from..<to], as: UTF8.self)
    }
}
