/// Display-cell arithmetic for the formatter: East Asian wide characters take two
/// terminal cells, combining marks none, as pwsh measures labels and values.
enum TextWidth {
    /// Terminal cells one character takes.
    static func cells(_ c: Character) -> Int {
        guard let s = c.unicodeScalars.first else { return 0 }
        let v = s.value
        if v < 0x1100 { return 1 }
        if (0x1100...0x115F).contains(v) || (0x2E80...0x303E).contains(v) || (0x3041...0x33FF).contains(v)
            || (0x3400...0x4DBF).contains(v) || (0x4E00...0x9FFF).contains(v) || (0xA000...0xA4CF).contains(v)
            || (0xAC00...0xD7A3).contains(v) || (0xF900...0xFAFF).contains(v) || (0xFE30...0xFE4F).contains(v)
            || (0xFF00...0xFF60).contains(v) || (0xFFE0...0xFFE6).contains(v)
            || (0x1F300...0x1F64F).contains(v) || (0x1F900...0x1F9FF).contains(v)
            || (0x20000...0x3FFFD).contains(v) {
            return 2
        }
        return 1
    }

    static func cells(_ s: String) -> Int {
        var n = 0
        for c in s { n += cells(c) }
        return n
    }

    /// The longest prefix of `s` that fits in `width` cells.
    static func prefix(_ s: String, cells width: Int) -> String {
        var used = 0
        var out = ""
        for c in s {
            let w = cells(c)
            if used + w > width { break }
            used += w
            out.append(c)
        }
        return out
    }

    /// `s` cut to `width` cells, ending with `…` when something was cut.
    static func truncate(_ s: String, to width: Int) -> String {
        if cells(s) <= width { return s }
        if width <= 0 { return "" }
        return prefix(s, cells: width - 1) + "…"
    }

    static func padRight(_ s: String, to width: Int) -> String {
        let n = cells(s)
        return n >= width ? s : s + String(repeating: " ", count: width - n)
    }

    static func padLeft(_ s: String, to width: Int) -> String {
        let n = cells(s)
        return n >= width ? s : String(repeating: " ", count: width - n) + s
    }

    static func center(_ s: String, to width: Int) -> String {
        let n = cells(s)
        if n >= width { return s }
        let left = (width - n) / 2
        return String(repeating: " ", count: left) + s + String(repeating: " ", count: width - n - left)
    }

    /// Splits `s` into pieces of at most `width` cells (hard wrap, never an empty piece list).
    static func hardWrap(_ s: String, width: Int) -> [String] {
        guard width > 0 else { return [s] }
        var pieces: [String] = []
        var rest = Substring(s)
        while cells(String(rest)) > width {
            let head = prefix(String(rest), cells: width)
            let cut = head.isEmpty ? String(rest.prefix(1)) : head
            pieces.append(cut)
            rest = rest.dropFirst(cut.count)
        }
        pieces.append(String(rest))
        return pieces
    }

    /// Word wrap to `width` cells: breaks at spaces where possible, hard-breaks longer words.
    static func wordWrap(_ s: String, width: Int) -> [String] {
        guard width > 0, cells(s) > width else { return [s] }
        var lines: [String] = []
        var current = ""
        for word in s.split(separator: " ", omittingEmptySubsequences: false).map(String.init) {
            let candidate = current.isEmpty ? word : current + " " + word
            if cells(candidate) <= width { current = candidate; continue }
            if !current.isEmpty { lines.append(current) }
            var pieces = hardWrap(word, width: width)
            current = pieces.removeLast()
            lines.append(contentsOf: pieces)
        }
        lines.append(current)
        return lines
    }

    /// Removes trailing spaces: pwsh never ends a table or list line with blanks.
    static func trimTrailing(_ s: String) -> String {
        var end = s.endIndex
        while end > s.startIndex, s[s.index(before: end)] == " " { end = s.index(before: end) }
        return String(s[..<end])
    }
}
