import Foundation

/// Set-Content and Add-Content: write each value as a line (or the bytes as they are with
/// -AsByteStream / `-Encoding Byte`). UTF-8 without BOM by default, as pwsh 7.
final class SetContentCommand: Cmdlet {
    static func declaration(append: Bool) -> CommandDeclaration {
        let name = append ? "Add-Content" : "Set-Content"
        return CommandDeclaration(
            name: name,
            synopsis: append ? "Adds content to the specified items, such as adding words to a file." : "Writes new content or replaces existing content in a file.",
            description: append ? "Appends each value as a line to the end of the file, creating it if needed." : "Replaces the file's content with the values, one per line, creating the file if needed.",
            parameters: ContentPaths.pathParameters + [
                Builtin.param("Value", .array(.object), position: 1, mandatory: true, pipeline: true, byName: true,
                              help: "The content to write, one line per value."),
                ContentPaths.encodingParameter,
                Builtin.param("NoNewline", .switchParameter, help: "Writes the values without newlines between or after them."),
                Builtin.param("AsByteStream", .switchParameter, help: "Writes the values as bytes."),
                Builtin.param("PassThru", .switchParameter, help: "Writes the content to the pipeline too."),
                Builtin.param("Force", .switchParameter, help: "Accepted for compatibility."),
            ],
            defaultParameterSet: "Path",
            examples: append
                ? [CommandExample("Add-Content -Path log.txt -Value \"$(Get-Date) batch started\"", "Appends a line to a log file.")]
                : [CommandExample("Set-Content -Path users.csv -Value $lines", "Writes the lines to the file."),
                   CommandExample("'EmailAddress,UserName,Password' | Set-Content users.csv", "Writes a CSV header.")],
            supportsShouldProcess: true, confirmImpact: .medium,
            make: { SetContentCommand(append: append) })
    }

    private let append: Bool
    private var values: [Value] = []
    init(append: Bool) { self.append = append }

    func process(_ context: CommandContext) throws {
        values += Builtin.items(context.parameters["Value"])
        if context.parameters.isSet("PassThru") { Builtin.items(context.parameters["Value"]).forEach(context.write) }
    }

    func end(_ context: CommandContext) throws {
        let (encoding, asBytes) = try ContentPaths.encoding(context)
        let noNewline = context.parameters.isSet("NoNewline")
        let (paths, literal) = ContentPaths.requested(context)
        for shown in paths {
            for item in try ContentPaths.expand(shown, literal: literal, context) {
                guard try context.shouldProcess(target: item.shown, action: append ? "Add Content" : "Set Content") else { continue }
                var bytes: [UInt8]
                if asBytes {
                    bytes = values.flatMap { v -> [UInt8] in
                        if case .bytes(let b) = v { return b.bytes }
                        return (try? Conversion.toInt(v)).map { [UInt8(truncatingIfNeeded: $0)] } ?? []
                    }
                } else {
                    let text = values.map { Conversion.toString($0) + (noNewline ? "" : "\n") }.joined()
                    let fresh = !append || !Builtin.exists(item.path)
                    bytes = encoding.encode(text, preamble: fresh)
                }
                try write(bytes, to: item, context)
            }
        }
    }

    private func write(_ bytes: [UInt8], to item: ContentPaths.Item, _ context: CommandContext) throws {
        let fm = FileManager.default
        if append, let h = FileHandle(forWritingAtPath: item.path) {
            defer { try? h.close() }
            _ = try? h.seekToEnd()
            try h.write(contentsOf: Data(bytes))
            return
        }
        guard fm.createFile(atPath: item.path, contents: Data(bytes)) else {
            let parentExists = Builtin.exists((item.path as NSString).deletingLastPathComponent, directory: true)
            throw parentExists
                ? Builtin.error(context, "Access to the path '\(item.shown)' is denied.", id: "GetContentWriterUnauthorizedAccessError",
                                category: .permissionDenied, target: .string(item.shown), exception: "System.UnauthorizedAccessException")
                : Builtin.error(context, "Could not find a part of the path '\(item.shown)'.", id: "GetContentWriterDirectoryNotFoundError",
                                category: .objectNotFound, target: .string(item.shown), exception: "System.IO.DirectoryNotFoundException")
        }
    }
}
