/// The source line and squiggle of pwsh's position message (`+ <line>` / `+ ~~~`), which the
/// ConciseView `Line |` block reuses: trailing blanks dropped, tabs shown as four spaces, and a
/// line longer than 69 characters clipped around the error with `…` on the cut sides
/// (some context before the error is kept, up to 12 characters, then after it up to 8).
struct PositionLine: Equatable {
    /// The line as shown (clipped, with `… ` / ` …` where cut).
    var text: String
    /// Columns before the first `~`.
    var offset: Int
    /// Number of `~` (at least 1).
    var length: Int

    static let maxLineLength = 69

    init(text: String, offset: Int, length: Int) {
        self.text = text
        self.offset = offset
        self.length = length
    }

    /// `startColumn`/`endColumn` are 1-based; `endColumn` nil means the error runs past this line.
    init(source: String, startColumn: Int, endColumn: Int?) {
        var line = Array(source)
        while let last = line.last, last == " " || last == "\t" { line.removeLast() }
        var before = min(max(0, startColumn - 1), line.count)
        var errorLength: Int
        if let endColumn, endColumn <= line.count + 1 {
            errorLength = max(0, endColumn - startColumn)
        } else {
            errorLength = max(0, line.count - startColumn + 1)
        }
        errorLength = min(errorLength, line.count - before)
        if line.contains("\t") {
            let head = Self.expandTabs(line[..<before]), error = Self.expandTabs(line[before..<(before + errorLength)])
            let tail = Self.expandTabs(line[(before + errorLength)...])
            line = head + error + tail
            before = head.count
            errorLength = error.count
        }
        var prefixDots = false, suffixDots = false
        if line.count > Self.maxLineLength {
            let totalPrefix = before
            var prefix = min(totalPrefix, 12)
            let totalSuffix = line.count - errorLength - before
            var suffix = min(totalSuffix, 8)
            var candidate = prefix + errorLength + suffix
            if candidate >= Self.maxLineLength {
                if prefix + errorLength >= Self.maxLineLength { errorLength = Self.maxLineLength - prefix }
                suffixDots = true
            } else {
                // Room left: give it to the context before the error first, then after it.
                let prefixAvailable = totalPrefix - prefix
                if prefixAvailable > 0 {
                    prefix += min(prefixAvailable, Self.maxLineLength - candidate)
                    candidate = prefix + errorLength + suffix
                }
                if candidate < Self.maxLineLength && totalSuffix > 0 {
                    suffix += min(totalSuffix, Self.maxLineLength - candidate)
                }
                suffixDots = suffix < totalSuffix
            }
            prefixDots = prefix < totalPrefix
            let startIndex = max(before - prefix, 0)
            line = Array(line[startIndex..<min(line.count, startIndex + Self.maxLineLength)])
            before = min(before, prefix)
            errorLength = min(errorLength, Self.maxLineLength - before)
        }
        text = (prefixDots ? "\u{2026} " : "") + String(line) + (suffixDots ? " \u{2026}" : "")
        offset = before + (prefixDots ? 2 : 0)
        length = max(1, errorLength)
    }

    private static func expandTabs<S: Sequence>(_ chars: S) -> [Character] where S.Element == Character {
        var out: [Character] = []
        for c in chars { if c == "\t" { out += "    " } else { out.append(c) } }
        return out
    }

    /// pwsh's message wrapping in the `Line |` block: `prefixed` (prefix + message) is cut at
    /// `width` characters back to the last blank; each further line repeats the prefix.
    static func wrap(_ message: String, prefix: String, width: Int) -> [String] {
        let whole = Array(prefix + message)
        guard width > 0, whole.count > width else { return [String(whole)] }
        var lines: [String] = []
        var first = truncatedAtBlank(whole, width)
        lines.append(String(first))
        var remaining = trimmed(Array(whole[first.count...]))
        while remaining.count + prefix.count > width {
            let sub = Array(prefix) + remaining
            first = truncatedAtBlank(sub, width)
            guard first.count - prefix.count > 0 else { break }
            lines.append(String(first))
            remaining = trimmed(Array(remaining[(first.count - prefix.count)...]))
        }
        lines.append(prefix + String(remaining))
        return lines
    }

    /// The first `length` characters, cut back to just before their last blank (if any).
    private static func truncatedAtBlank(_ s: [Character], _ length: Int) -> [Character] {
        if s.count <= length { return s }
        let head = s[..<length]
        guard let blank = head.lastIndex(where: { $0.isWhitespace }) else { return Array(head) }
        return Array(head[..<blank])
    }

    private static func trimmed(_ s: [Character]) -> [Character] {
        var a = s[...]
        while let f = a.first, f.isWhitespace { a = a.dropFirst() }
        while let l = a.last, l.isWhitespace { a = a.dropLast() }
        return Array(a)
    }
}
