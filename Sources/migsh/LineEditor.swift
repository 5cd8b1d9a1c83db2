@preconcurrency import CEdit
#if canImport(Glibc)
@preconcurrency import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The REPL's line input on libedit's readline emulation: prompt, editing, persistent
/// history and tab completion through a `TabCompleter`.
final class LineEditor {
    enum Input: Equatable {
        case line(String)
        case interrupted
        case endOfInput
    }

    /// libedit calls plain C functions, so the active completer lives here.
    nonisolated(unsafe) static var completer: TabCompleter?

    private let historyPath: String
    static let historyLimit = 1000

    init(historyPath: String, completer: TabCompleter) {
        self.historyPath = historyPath
        Self.completer = completer
        setlocale(LC_CTYPE, "")
        cedit_set_readline_name(UnsafePointer(strdup("migsh")!))
        // migsh handles SIGINT itself (see Interrupts); libedit must not install handlers.
        cedit_set_catch_signals(0)
        cedit_set_word_breaks(strdup(" \t\n;|(){},=")!)
        cedit_set_completion_function { text, start, end in
            LineEditor.complete(text: text, start: Int(start), end: Int(end))
        }
        // Our own key reader: a Ctrl-C that interrupts read() ends the line like end of input
        // (libedit then restores the terminal normally), and UTF-8 is decoded here because
        // libedit takes each returned int as one character.
        cedit_set_getc_function { _ in LineEditor.readCharacter() }
        stifle_history(Int32(Self.historyLimit))
        _ = read_history(historyPath)
    }

    /// One character from the terminal as a Unicode scalar value; -1 at end of input or on Ctrl-C.
    private static func readCharacter() -> Int32 {
        func byte() -> Int32? {
            var b: UInt8 = 0
            while true {
                let n = read(0, &b, 1)
                if n == 1 { return Int32(b) }
                if n < 0 && errno == EINTR {
                    if Interrupts.isPending { return nil }
                    continue
                }
                return nil
            }
        }
        guard let first = byte() else { return -1 }
        let extra: Int
        var value: Int32
        switch first {
        case 0..<0x80: return first
        case 0xC0..<0xE0: extra = 1; value = first & 0x1F
        case 0xE0..<0xF0: extra = 2; value = first & 0x0F
        case 0xF0..<0xF8: extra = 3; value = first & 0x07
        default: return 0xFFFD
        }
        for _ in 0..<extra {
            guard let next = byte() else { return -1 }
            value = value << 6 | (next & 0x3F)
        }
        return value
    }

    func readLine(prompt: String) -> Input {
        guard let raw = readline(prompt) else {
            return Interrupts.take() ? .interrupted : .endOfInput
        }
        defer { free(raw) }
        if Interrupts.take() { return .interrupted }
        return .line(String(cString: raw))
    }

    /// Adds an entry and rewrites the history file (stifle + write_history keeps the
    /// `_HiStOrY_V2_` header that history_truncate_file would drop).
    func remember(_ entry: String) {
        add_history(entry)
        _ = write_history(historyPath)
        chmod(historyPath, 0o600)
    }

    /// Every history entry, oldest first (Get-History).
    var entries: [String] {
        let base = Int(cedit_history_base())
        return (0..<Int(cedit_history_length())).compactMap { i in
            history_get(Int32(base + i)).flatMap { $0.pointee.line.map { String(cString: $0) } }
        }
    }

    private static func complete(text: UnsafePointer<CChar>?, start: Int, end: Int)
        -> UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? {
        cedit_set_completion_over(1)
        guard let completer, let buffer = cedit_line_buffer() else { return nil }
        let lineBytes = Array(UnsafeBufferPointer(start: UnsafeRawPointer(buffer).assumingMemoryBound(to: UInt8.self),
                                                  count: strlen(buffer)))
        let upToCursor = String(decoding: lineBytes.prefix(end), as: UTF8.self)
        let word = text.map { String(cString: $0) } ?? ""
        let result = completer.complete(line: upToCursor, word: word)
        guard !result.matches.isEmpty else { return nil }
        cedit_set_append_character(result.appendSpace ? 0x20 : 0)
        // libedit frees the array and its strings with free(): allocate them with malloc.
        let size = MemoryLayout<UnsafeMutablePointer<CChar>?>.stride * (result.matches.count + 2)
        let list = malloc(size)!.bindMemory(to: UnsafeMutablePointer<CChar>?.self, capacity: result.matches.count + 2)
        list[0] = strdup(result.commonPrefix)
        for (i, m) in result.matches.enumerated() { list[i + 1] = strdup(m) }
        list[result.matches.count + 1] = nil
        return list
    }
}
