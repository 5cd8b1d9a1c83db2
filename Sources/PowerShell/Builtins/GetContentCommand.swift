import Foundation

/// Get-Content: writes a file's lines one at a time as they are read (streaming), or the whole
/// text with -Raw, or bytes with -AsByteStream / Windows PowerShell's `-Encoding Byte`.
final class GetContentCommand: Cmdlet {
    static let declaration = CommandDeclaration(
        name: "Get-Content", synopsis: "Gets the content of the item at the specified location.",
        description: "Reads a text file and writes each line as a string, streaming, so large files pass through the pipeline in constant memory. -Raw writes the whole text as one string; -ReadCount groups lines into arrays (0 = all in one); -TotalCount and -Tail take lines from the start or end. -AsByteStream (or -Encoding Byte) reads bytes: one byte[] with -Raw or -ReadCount 0.",
        parameters: ContentPaths.pathParameters + [
            Builtin.param("ReadCount", .long, help: "How many lines to send through the pipeline at a time; 0 sends all at once.") ,
            Builtin.param("TotalCount", .long, aliases: ["First", "Head"], help: "Reads only this many lines from the start."),
            Builtin.param("Tail", .int, aliases: ["Last"], help: "Reads only this many lines from the end."),
            Builtin.param("Raw", .switchParameter, help: "Returns the whole file as one string (or one byte[])."),
            ContentPaths.encodingParameter,
            Builtin.param("AsByteStream", .switchParameter, help: "Reads bytes instead of text."),
            Builtin.param("Delimiter", .string, help: "The text that ends each piece instead of a newline."),
            Builtin.param("Force", .switchParameter, help: "Accepted for compatibility."),
            Builtin.param("Wait", .switchParameter, help: "Not supported: migsh reads the file once."),
        ],
        defaultParameterSet: "Path",
        examples: [
            CommandExample("Get-Content C:\\Users\\Administrator\\Desktop\\users.csv", "Writes each line of the file."),
            CommandExample("Get-Content big.log | Measure-Object -Line", "Counts lines without loading the file."),
            CommandExample("[byte[]]$csv = Get-Content users.csv -Encoding Byte -ReadCount 0", "Reads the file as one byte array (Windows PowerShell idiom)."),
            CommandExample("Get-Content settings.txt -Raw", "Reads the whole file as one string."),
        ],
        outputTypes: ["System.String", "System.Byte"],
        make: { GetContentCommand() })

    func process(_ context: CommandContext) throws {
        let (paths, literal) = ContentPaths.requested(context)
        let (encoding, asBytes) = try ContentPaths.encoding(context)
        for shown in paths {
            let items = try ContentPaths.expand(shown, literal: literal, context)
            if items.isEmpty, WildcardPattern.containsWildcard(shown) { continue }
            for item in items {
                guard Builtin.exists(item.path, directory: false) else {
                    if Builtin.exists(item.path, directory: true) {
                        context.writeError(Builtin.error(context, "Unable to get content because it is a directory: '\(item.shown)'. Please use 'Get-ChildItem' instead.",
                                                         id: "GetContentReaderUnauthorizedAccessError", category: .permissionDenied,
                                                         target: .string(item.shown), exception: "System.UnauthorizedAccessException"))
                    } else {
                        context.writeError(Builtin.pathNotFound(context, item.shown))
                    }
                    continue
                }
                if asBytes { try readBytes(item, context) } else { try readText(item, encoding, context) }
            }
        }
    }

    private func readBytes(_ item: ContentPaths.Item, _ context: CommandContext) throws {
        guard let data = FileManager.default.contents(atPath: item.path) else { throw Builtin.pathNotFound(context, item.shown) }
        var bytes = [UInt8](data)
        if let n = Builtin.int(context, "TotalCount"), n >= 0 { bytes = Array(bytes.prefix(n)) }
        if let n = Builtin.int(context, "Tail"), n >= 0 { bytes = Array(bytes.suffix(n)) }
        let readCount = Builtin.int(context, "ReadCount") ?? 1
        if context.parameters.isSet("Raw") || readCount <= 0 {
            context.write(.bytes(PSBytes(bytes)))
        } else if readCount == 1 {
            for b in bytes { if context.isStopping { return }; context.write(.int(Int(b))) }
        } else {
            var i = 0
            while i < bytes.count { context.write(.bytes(PSBytes(Array(bytes[i..<min(i + readCount, bytes.count)])))); i += readCount }
        }
    }

    private func readText(_ item: ContentPaths.Item, _ encoding: PSEncoding, _ context: CommandContext) throws {
        let p = context.parameters
        if p.isSet("Raw") {
            guard let data = FileManager.default.contents(atPath: item.path) else { throw Builtin.pathNotFound(context, item.shown) }
            if data.isEmpty { return }   // pwsh writes nothing for an empty file with -Raw
            context.write(.string(PSEncoding.decodeDetecting([UInt8](data), fallback: encoding)))
            return
        }
        if let delimiter = p.string("Delimiter"), delimiter != "\n" {
            guard let data = FileManager.default.contents(atPath: item.path) else { throw Builtin.pathNotFound(context, item.shown) }
            let text = PSEncoding.decodeDetecting([UInt8](data), fallback: encoding)
            // Each piece keeps its delimiter, as pwsh's -Delimiter does.
            let parts = text.components(separatedBy: delimiter)
            for (i, piece) in parts.enumerated() where !(i == parts.count - 1 && piece.isEmpty) {
                context.write(.string(i < parts.count - 1 ? piece + delimiter : piece))
            }
            return
        }
        guard let reader = LineReader(path: item.path, encoding: encoding) else {
            throw Builtin.error(context, "Access to the path '\(item.shown)' is denied.", id: "GetContentReaderUnauthorizedAccessError",
                                category: .permissionDenied, target: .string(item.shown), exception: "System.UnauthorizedAccessException")
        }
        let total = Builtin.int(context, "TotalCount").flatMap { $0 >= 0 ? $0 : nil }
        let tail = Builtin.int(context, "Tail").flatMap { $0 >= 0 ? $0 : nil }
        let readCount = Builtin.int(context, "ReadCount") ?? 1
        var group: [Value] = []
        func emit(_ line: String) {
            if readCount == 1 { context.write(.string(line)); return }
            group.append(.string(line))
            if readCount > 0 && group.count == readCount { context.write(.list(group)); group = [] }
        }
        if let tail {
            var ring: [String] = []
            ring.reserveCapacity(tail)
            while let line = reader.next() {
                if tail == 0 { continue }
                if ring.count == tail { ring.removeFirst() }
                ring.append(line)
            }
            ring.forEach(emit)
        } else {
            var n = 0
            while let line = reader.next() {
                if let total, n >= total { break }
                if context.isStopping { return }
                emit(line)
                n += 1
            }
        }
        if !group.isEmpty { context.write(.list(group)) }
    }
}
