import Foundation

/// ConvertTo-Json and ConvertFrom-Json.
final class ConvertToJsonCommand: Cmdlet {
    static let declaration = CommandDeclaration(
        name: "ConvertTo-Json", synopsis: "Converts an object to a JSON-formatted string.",
        description: "Collects the input and writes one JSON text: one object as a JSON object, several as an array. Objects nested deeper than -Depth (2 by default) are written as their string form, with a warning.",
        parameters: [
            Builtin.param("InputObject", .object, position: 0, mandatory: true, pipeline: true, help: "The objects to convert."),
            ParameterDeclaration("Depth", .int, help: "How many levels of contained objects are included.", range: 0...100, defaultDescription: "2"),
            Builtin.param("Compress", .switchParameter, help: "Leaves out white space and indentation."),
            Builtin.param("EnumsAsStrings", .switchParameter, help: "Writes enumeration values as their names (always the case here)."),
            Builtin.param("AsArray", .switchParameter, help: "Writes a JSON array even for one object."),
            Builtin.param("EscapeHandling", .string, help: "Accepted for compatibility."),
        ],
        examples: [CommandExample("Get-MigrationBatch | Select Identity, Status | ConvertTo-Json", "Writes the batches as JSON."),
                   CommandExample("@{a=1; b=@(1,2)} | ConvertTo-Json -Compress", "Writes {\"a\":1,\"b\":[1,2]} (key order as stored).")],
        outputTypes: ["System.String"],
        make: { ConvertToJsonCommand() })

    private var items: [Value] = []

    func process(_ context: CommandContext) throws {
        if let v = Builtin.input(context) { items.append(v) }
    }

    func end(_ context: CommandContext) throws {
        guard !items.isEmpty else { return }
        let p = context.parameters
        let value: Value = items.count == 1 && !p.isSet("AsArray") ? items[0] : .list(items)
        var writer = JsonWriter(depth: Builtin.int(context, "Depth") ?? 2, compress: p.isSet("Compress"))
        let text = writer.write(value)
        if writer.truncated {
            context.writeWarning("Resulting JSON is truncated as serialization has exceeded the set depth of \(writer.depth).")
        }
        context.write(.string(text))
    }
}

final class ConvertFromJsonCommand: Cmdlet {
    static let declaration = CommandDeclaration(
        name: "ConvertFrom-Json", synopsis: "Converts a JSON-formatted string to a custom object or a hash table.",
        description: "Joins the input strings and parses them as one JSON text. Objects become custom objects (ordered hashtables with -AsHashtable), whole numbers integers, ISO dates DateTime values; a top-level array is written element by element unless -NoEnumerate.",
        parameters: [
            Builtin.param("InputObject", .string, position: 0, mandatory: true, pipeline: true, help: "The JSON text."),
            Builtin.param("AsHashtable", .switchParameter, help: "Makes JSON objects hashtables instead of custom objects."),
            ParameterDeclaration("Depth", .int, help: "The deepest nesting allowed.", range: 1...Int(Int32.max), defaultDescription: "1024"),
            Builtin.param("NoEnumerate", .switchParameter, help: "Writes a top-level array as one object."),
            Builtin.param("DateKind", .string, help: "Accepted for compatibility."),
        ],
        examples: [CommandExample("Get-Content settings.json -Raw | ConvertFrom-Json", "Reads a JSON file as an object."),
                   CommandExample("'{\"a\":1}' | ConvertFrom-Json -AsHashtable", "Makes a hashtable.")],
        make: { ConvertFromJsonCommand() })

    private var text: [String] = []

    func process(_ context: CommandContext) throws {
        if let v = Builtin.input(context) { text.append(Conversion.toString(v)) }
    }

    func end(_ context: CommandContext) throws {
        let p = context.parameters
        var reader = JsonReader(text.joined(separator: "\n"), asHashtable: p.isSet("AsHashtable"),
                                maxDepth: Builtin.int(context, "Depth") ?? 1024)
        let value: Value
        do { value = try reader.parseDocument() } catch let f as JsonReader.Failure {
            throw Builtin.error(context, "Conversion from JSON failed with error: \(f.message)", id: "System.ArgumentException",
                                category: .notSpecified, exception: "System.ArgumentException")
        }
        if !p.isSet("NoEnumerate"), case .array(let a) = value { a.items.forEach(context.write) } else { context.write(value) }
    }
}
