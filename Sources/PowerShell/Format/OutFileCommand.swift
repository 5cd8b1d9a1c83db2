import Foundation

/// Out-File (and the `>` / `>>` redirections): formats objects as the console would
/// and writes the text to a file in the chosen encoding.
final class OutFileCommand: Cmdlet {
    private var pipeline: OutputPipeline?
    private var handle: FileHandle?
    private var encoding = TextEncoding.utf8
    private var pendingNewline = false
    private var noNewline = false

    static let declaration = CommandDeclaration(
        name: "Out-File", synopsis: "Sends formatted output to a file.",
        description: "Writes the text the console would show into a file (created or replaced; -Append adds to its end). UTF-8 without a byte order mark by default.",
        parameters: [
            ParameterDeclaration("FilePath", .string, aliases: ["Path"], sets: [.all(position: 0, mandatory: true)],
                                 help: "The file to write.", completion: .files),
            ParameterDeclaration("Encoding", .string, sets: [.all(position: 1)], help: "The text encoding.",
                                 completion: .values(TextEncoding.names)),
            ParameterDeclaration("Append", .switchParameter, help: "Adds to the end of the file instead of replacing it."),
            ParameterDeclaration("Force", .switchParameter, help: "Accepted for compatibility."),
            ParameterDeclaration("NoClobber", .switchParameter, aliases: ["NoOverwrite"], help: "Fails instead of replacing an existing file."),
            ParameterDeclaration("NoNewline", .switchParameter, help: "Writes the text without newlines."),
            ParameterDeclaration("Width", .int, help: "Characters per line.", range: 2...Int(Int32.max)),
            FormatInput.inputObject,
        ],
        examples: [CommandExample("Get-MigrationUser | Out-File users.txt", "Saves the user table as text.")],
        make: { OutFileCommand() })

    func begin(_ context: CommandContext) throws {
        let p = context.parameters
        let raw = p.string("FilePath") ?? DisplayText.scalar(p["FilePath"] ?? .null)
        let path = try context.session.resolvePath(raw)
        if let name = p.string("Encoding") {
            guard let e = TextEncoding(name: name) else {
                throw ErrorRecord(message: "Cannot validate argument on parameter 'Encoding'. The argument \"\(name)\" does not belong to the set \"\(TextEncoding.names.joined(separator: ","))\" specified by the ValidateSet attribute. Supply an argument that is in the set and then try the command again.",
                                  errorId: "ParameterArgumentValidationError,Out-File", category: .invalidData,
                                  commandName: "Out-File")
            }
            encoding = e
        }
        let append = p.isSet("Append")
        let fm = FileManager.default
        if p.isSet("NoClobber") && !append && fm.fileExists(atPath: path) {
            throw ErrorRecord(message: "The file '\(path)' already exists.", errorId: "NoClobber,Out-File",
                              category: .resourceExists, commandName: "Out-File")
        }
        let existing = append ? ((try? fm.attributesOfItem(atPath: path)[.size] as? Int) ?? 0) : 0
        if !append || !fm.fileExists(atPath: path) {
            guard fm.createFile(atPath: path, contents: nil) else {
                throw ErrorRecord(message: "Could not find a part of the path '\(path)'.", errorId: "FileOpenFailure,Out-File",
                                  category: .objectNotFound, commandName: "Out-File")
            }
        }
        guard let h = FileHandle(forWritingAtPath: path) else {
            throw ErrorRecord(message: "Access to the path '\(path)' is denied.", errorId: "FileOpenFailure,Out-File",
                              category: .permissionDenied, commandName: "Out-File")
        }
        h.seekToEndOfFile()
        handle = h
        if existing == 0 { h.write(Data(encoding.preamble)) }
        noNewline = p.isSet("NoNewline")
        var width = context.host.width
        if case .int(let w)? = p["Width"] { width = w }
        pipeline = OutputPipeline(context, width: width) { [unowned self] line in
            self.writeLine(line)
        }
    }

    private func writeLine(_ line: String) {
        guard let h = handle else { return }
        let text = noNewline ? line : line + "\n"
        h.write(Data(encoding.encode(text)))
    }

    func process(_ context: CommandContext) throws {
        if let v = FormatInput.current(context) { pipeline?.add(v) }
    }

    func end(_ context: CommandContext) throws {
        pipeline?.finish()
        try? handle?.close()
        handle = nil
    }
}

/// The encodings `-Encoding` accepts (pwsh 7's names plus 5.1's `Default`/`Oem`).
enum TextEncoding {
    case utf8, utf8BOM, ascii, unicode, bigEndianUnicode, utf32, latin1

    static let names = ["ascii", "bigendianunicode", "bigendianutf32", "oem", "unicode", "utf7", "utf8", "utf8BOM",
                        "utf8NoBOM", "utf32", "ansi", "default", "latin1"]

    init?(name: String) {
        switch name.lowercased() {
        case "utf8", "utf8nobom", "oem", "default", "ansi", "utf7", "utf-8": self = .utf8
        case "utf8bom": self = .utf8BOM
        case "ascii": self = .ascii
        case "unicode", "utf-16", "utf16": self = .unicode
        case "bigendianunicode": self = .bigEndianUnicode
        case "utf32", "bigendianutf32": self = .utf32
        case "latin1": self = .latin1
        default: return nil
        }
    }

    var preamble: [UInt8] {
        switch self {
        case .utf8BOM: return [0xEF, 0xBB, 0xBF]
        case .unicode: return [0xFF, 0xFE]
        case .bigEndianUnicode: return [0xFE, 0xFF]
        case .utf32: return [0xFF, 0xFE, 0x00, 0x00]
        default: return []
        }
    }

    func encode(_ s: String) -> [UInt8] {
        switch self {
        case .utf8, .utf8BOM: return Array(s.utf8)
        case .ascii: return s.unicodeScalars.map { $0.value < 128 ? UInt8($0.value) : UInt8(ascii: "?") }
        case .latin1: return s.unicodeScalars.map { $0.value < 256 ? UInt8($0.value) : UInt8(ascii: "?") }
        case .unicode: return s.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        case .bigEndianUnicode: return s.utf16.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }
        case .utf32: return s.unicodeScalars.flatMap { v in (0..<4).map { UInt8((v.value >> (8 * $0)) & 0xFF) } }
        }
    }
}
