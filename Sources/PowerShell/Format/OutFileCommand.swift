import Foundation

/// Out-File (and the `>` / `>>` redirections): formats objects as the console would
/// and writes the text to a file in the chosen encoding.
final class OutFileCommand: Cmdlet {
    private var pipeline: OutputPipeline?
    private var handle: FileHandle?
    private var encoding = PSEncoding.utf8
    private var pendingNewline = false
    private var noNewline = false

    static let declaration = CommandDeclaration(
        name: "Out-File", synopsis: "Sends formatted output to a file.",
        description: "Writes the text the console would show into a file (created or replaced; -Append adds to its end). UTF-8 without a byte order mark by default.",
        parameters: [
            ParameterDeclaration("FilePath", .string, aliases: ["Path"], sets: [.all(position: 0, mandatory: true)],
                                 help: "The file to write.", completion: .files),
            ParameterDeclaration("Encoding", .object, sets: [.all(position: 1)],
                                 help: "The text encoding: a name (utf8, utf8BOM, ascii, unicode, bigendianunicode, utf32, latin1, oem, default) or a code page.",
                                 completion: .values(OutFileCommand.encodingNames)),
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
        if let value = p["Encoding"] {
            guard let e = PSEncoding.from(value) else {
                throw ErrorRecord(message: "Cannot validate argument on parameter 'Encoding'. The argument \"\(DisplayText.scalar(value))\" does not belong to the set \"\(Self.encodingNames.joined(separator: ","))\" specified by the ValidateSet attribute. Supply an argument that is in the set and then try the command again.",
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
        if existing == 0 { h.write(Data(encoding.encode("", preamble: true))) }
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
        h.write(Data(encoding.encode(text, preamble: false)))
    }

    static let encodingNames = ["ascii", "bigendianunicode", "bigendianutf32", "oem", "unicode", "utf7", "utf8", "utf8BOM",
                                "utf8NoBOM", "utf32", "ansi", "default", "latin1"]

    func process(_ context: CommandContext) throws {
        if let v = FormatInput.current(context) { pipeline?.add(v) }
    }

    func end(_ context: CommandContext) throws {
        pipeline?.finish()
        try? handle?.close()
        handle = nil
    }
}
