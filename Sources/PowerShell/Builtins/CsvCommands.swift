import Foundation

/// Import-Csv, Export-Csv, ConvertTo-Csv, ConvertFrom-Csv.
enum CsvCommands {
    static let delimiterParameter = Builtin.param("Delimiter", .string, help: "The character between fields (a comma by default).")
    static let writingParameters: [ParameterDeclaration] = [
        Builtin.param("NoTypeInformation", .switchParameter, aliases: ["NTI"], help: "Leaves out the #TYPE line (the default in PowerShell 7)."),
        Builtin.param("IncludeTypeInformation", .switchParameter, aliases: ["ITI"], help: "Writes a #TYPE line with the object's type first."),
        Builtin.param("UseQuotes", CsvCodec.useQuotes, help: "When to quote fields: Always (default), AsNeeded or Never."),
        Builtin.param("NoHeader", .switchParameter, help: "Leaves out the header line."),
        Builtin.param("UseCulture", .switchParameter, help: "Uses the culture's list separator (a comma)."),
    ]

    static let declarations: [CommandDeclaration] = [
        CommandDeclaration(
            name: "ConvertTo-Csv", synopsis: "Converts objects into a series of character-separated value (CSV) strings.",
            description: "Writes a header line from the first object's property names, then one line per object. Fields are quoted (pwsh 7's default) and no #TYPE line is written unless -IncludeTypeInformation.",
            parameters: [Builtin.param("InputObject", .object, position: 0, mandatory: true, pipeline: true, help: "The objects to convert."),
                         delimiterParameter] + writingParameters,
            examples: [CommandExample("Get-MigrationUser | Select Identity, Status | ConvertTo-Csv", "Writes the users as CSV lines.")],
            outputTypes: ["System.String"],
            make: { ConvertToCsvCommand() }),
        CommandDeclaration(
            name: "Export-Csv", synopsis: "Converts objects into a series of CSV strings and saves the strings to a file.",
            description: "Writes the objects to a CSV file: a header from the first object's properties, then one line per object. -Append adds rows under the file's existing header. UTF-8 without BOM by default.",
            parameters: [Builtin.param("InputObject", .object, mandatory: true, pipeline: true, help: "The objects to export."),
                         ParameterDeclaration("Path", .string, aliases: ["FilePath"], sets: [.all(position: 0)], help: "The CSV file to write.", completion: .files),
                         Builtin.param("LiteralPath", .string, aliases: ["PSPath", "LP"], completion: .files, help: "The CSV file, used exactly as written."),
                         ParameterDeclaration("Delimiter", .string, sets: [.all(position: 1)], help: "The character between fields."),
                         Builtin.param("Append", .switchParameter, help: "Adds the rows to the end of an existing file."),
                         ContentPaths.encodingParameter,
                         Builtin.param("Force", .switchParameter, help: "Writes rows whose properties differ from the header's."),
                         Builtin.param("NoClobber", .switchParameter, aliases: ["NoOverwrite"], help: "Fails instead of replacing an existing file.")] + writingParameters,
            examples: [CommandExample("Get-MigrationUser | Export-Csv C:\\Reports\\users.csv -NoTypeInformation", "Saves the users to a CSV file.")],
            supportsShouldProcess: true,
            make: { ExportCsvCommand() }),
        CommandDeclaration(
            name: "ConvertFrom-Csv", synopsis: "Converts CSV strings into objects.",
            description: "Reads CSV lines from the pipeline (the first is the header unless -Header is given) and writes one custom object per record; all values are strings.",
            parameters: [Builtin.param("InputObject", .array(.string), position: 0, mandatory: true, pipeline: true, byName: true, help: "The CSV lines."),
                         ParameterDeclaration("Delimiter", .string, sets: [.all(position: 1)], help: "The character between fields."),
                         Builtin.param("Header", .array(.string), help: "Column names to use instead of the first line."),
                         Builtin.param("UseCulture", .switchParameter, help: "Uses the culture's list separator (a comma).")],
            examples: [CommandExample("'Name,Size', 'a,1' | ConvertFrom-Csv", "Writes one object with Name a and Size 1.")],
            make: { ConvertFromCsvCommand() }),
        CommandDeclaration(
            name: "Import-Csv", synopsis: "Creates table-like custom objects from the items in a CSV file.",
            description: "Reads a CSV file record by record (streaming) and writes one custom object per record, with the header's column names as properties. Windows paths map through MIGSH_DRIVE_C.",
            parameters: [ParameterDeclaration("Path", .array(.string), sets: [.all(position: 0, valueFromPipeline: true, valueFromPipelineByPropertyName: true)],
                                              help: "The CSV files to read.", completion: .files),
                         Builtin.param("LiteralPath", .array(.string), aliases: ["PSPath", "LP"], completion: .files, help: "The CSV files, used exactly as written."),
                         ParameterDeclaration("Delimiter", .string, sets: [.all(position: 1)], help: "The character between fields."),
                         Builtin.param("Header", .array(.string), help: "Column names to use instead of the file's first line."),
                         ContentPaths.encodingParameter,
                         Builtin.param("UseCulture", .switchParameter, help: "Uses the culture's list separator (a comma).")],
            examples: [CommandExample("Import-Csv C:\\Users\\Administrator\\Desktop\\users.csv | ft", "Shows the rows of a CSV file."),
                       CommandExample("Import-Csv users.csv | Where-Object { $_.UserName -like '*@contoso.com' }", "Filters rows.")],
            make: { ImportCsvCommand() }),
    ]
}

final class ConvertToCsvCommand: Cmdlet {
    private var writer: CsvCodec.Writer?
    func begin(_ context: CommandContext) throws {
        let p = context.parameters
        writer = CsvCodec.Writer(delimiter: CsvCodec.delimiter(context), mode: CsvCodec.quoteMode(context),
                                 typeInformation: p.isSet("IncludeTypeInformation"), writeHeader: !p.isSet("NoHeader"))
    }
    func process(_ context: CommandContext) throws {
        guard let v = Builtin.input(context), !v.isNull else { return }
        for line in writer!.lines(for: v) { context.write(.string(line)) }
    }
}

final class ExportCsvCommand: Cmdlet {
    private var writer: CsvCodec.Writer?
    private var handle: FileHandle?
    private var encoding = PSEncoding.utf8
    private var fresh = true

    func begin(_ context: CommandContext) throws {
        let p = context.parameters
        guard let shown = p.string("LiteralPath") ?? p.string("Path") else {
            throw Builtin.error(context, "Cannot perform operation because the path resolved to more than one file. This command cannot operate on multiple files.",
                                id: "CannotSpecifyPathAndLiteralPath", category: .invalidData)
        }
        let path = try Builtin.resolve(context, shown)
        encoding = try ContentPaths.encoding(context).0
        let append = p.isSet("Append")
        let exists = Builtin.exists(path)
        if p.isSet("NoClobber") && exists && !append {
            throw Builtin.error(context, "The file '\(path)' already exists.", id: "NoClobber", category: .resourceExists,
                                target: .string(shown), exception: "System.IO.IOException")
        }
        guard try context.shouldProcess(target: shown, action: "Export-Csv") else { return }
        var header: [String]?
        if append, exists, let reader = LineReader(path: path), let first = reader.next() {
            let csv = CsvCodec.Reader(delimiter: CsvCodec.delimiter(context))
            _ = csv.feed(first.hasPrefix("#TYPE") ? (reader.next() ?? "") : first)
            header = csv.header
            fresh = false
        }
        if !append || !exists {
            guard FileManager.default.createFile(atPath: path, contents: Data(encoding.preamble)) else {
                throw Builtin.error(context, "Could not find a part of the path '\(shown)'.", id: "FileOpenFailure",
                                    category: .objectNotFound, target: .string(shown), exception: "System.IO.DirectoryNotFoundException")
            }
        }
        handle = FileHandle(forWritingAtPath: path)
        _ = try? handle?.seekToEnd()
        writer = CsvCodec.Writer(delimiter: CsvCodec.delimiter(context), mode: CsvCodec.quoteMode(context), header: header,
                                 typeInformation: p.isSet("IncludeTypeInformation") && fresh, writeHeader: !p.isSet("NoHeader"))
    }

    func process(_ context: CommandContext) throws {
        guard let writer, let handle, let v = Builtin.input(context), !v.isNull else { return }
        let text = writer.lines(for: v).map { $0 + "\n" }.joined()
        try handle.write(contentsOf: Data(encoding.encode(text, preamble: false)))
    }

    func end(_ context: CommandContext) throws { try? handle?.close(); handle = nil }
}

final class ConvertFromCsvCommand: Cmdlet {
    private var reader: CsvCodec.Reader?
    func begin(_ context: CommandContext) throws {
        let header = context.parameters.isBound("Header") ? Builtin.strings(context.parameters["Header"]) : nil
        reader = CsvCodec.Reader(delimiter: CsvCodec.delimiter(context), header: header)
    }
    func process(_ context: CommandContext) throws {
        for value in Builtin.items(Builtin.input(context)) {
            for line in TextLines.split(Conversion.toString(value)) {
                if let o = reader!.feed(line) { context.write(o) }
            }
        }
    }
    func end(_ context: CommandContext) throws { if let o = reader?.finish() { context.write(o) } }
}

final class ImportCsvCommand: Cmdlet {
    func process(_ context: CommandContext) throws {
        let (paths, literal) = ContentPaths.requested(context)
        let encoding = try ContentPaths.encoding(context).0
        let header = context.parameters.isBound("Header") ? Builtin.strings(context.parameters["Header"]) : nil
        for shown in paths {
            for item in try ContentPaths.expand(shown, literal: literal, context) {
                guard Builtin.exists(item.path, directory: false), let lines = LineReader(path: item.path, encoding: encoding) else {
                    context.writeError(Builtin.error(context, "Could not find file '\(item.shown)'.", id: "FileOpenFailure",
                                                     category: .objectNotFound, target: .string(item.shown),
                                                     exception: "System.IO.FileNotFoundException"))
                    continue
                }
                let csv = CsvCodec.Reader(delimiter: CsvCodec.delimiter(context), header: header)
                var checked = false
                while let line = lines.next() {
                    if context.isStopping { return }
                    let record = csv.feed(line)
                    if !checked, csv.header != nil {
                        checked = true
                        if let dup = csv.duplicateHeader {
                            throw Builtin.error(context, "The member \"\(dup)\" is already present.", id: "AlreadyPresentPSMemberInfoInternalCollectionAdd",
                                                category: .notSpecified, exception: "System.Management.Automation.ExtendedTypeSystemException")
                        }
                    }
                    if let record { context.write(record) }
                }
                if let record = csv.finish() { context.write(record) }
            }
        }
    }
}
