import Foundation

/// A formatter plus writer over one sink of lines: what every Out-* command runs.
final class OutputPipeline {
    let writer: OutputWriter
    let formatter: DefaultFormatter

    init(width: Int, enumerationLimit: @escaping () -> Int, sink: @escaping (String) -> Void) {
        let writer = OutputWriter(width: width, sink: sink)
        self.writer = writer
        formatter = DefaultFormatter(enumerationLimit: enumerationLimit) { writer.write($0) }
        formatter.width = width
    }

    convenience init(width: Int, enumerationLimit: Int, sink: @escaping (String) -> Void) {
        self.init(width: width, enumerationLimit: { enumerationLimit }, sink: sink)
    }

    convenience init(_ context: CommandContext, width: Int, sink: @escaping (String) -> Void) {
        self.init(width: width, enumerationLimit: { [unowned context] in FormatInput.enumerationLimit(context) }, sink: sink)
    }

    func add(_ value: Value) { formatter.format(value) }
    func finish() { writer.finish() }

    /// Width for output to the host: a terminal keeps its last column free, as pwsh does.
    static func hostWidth(_ host: PSHost) -> Int { host.isTerminal ? host.width - 1 : host.width }
}

/// Out-Default / Out-Host: formats objects and writes the text to the host's output.
final class OutHostCommand: Cmdlet {
    private var pipeline: OutputPipeline?

    static func declaration(_ name: String, synopsis: String) -> CommandDeclaration {
        CommandDeclaration(
            name: name, synopsis: synopsis,
            description: "Objects are formatted the way the console shows them: scalars as lines, objects as tables (up to four properties) or lists (five or more), or as their type's view.",
            parameters: [
                FormatInput.inputObject,
                ParameterDeclaration("Paging", .switchParameter, help: "Accepted for compatibility; output is not paged."),
            ],
            make: { OutHostCommand() })
    }

    func begin(_ context: CommandContext) throws {
        let host = context.host
        pipeline = OutputPipeline(context, width: OutputPipeline.hostWidth(host)) {
            host.writeOutput($0)
        }
    }

    func process(_ context: CommandContext) throws {
        if let v = FormatInput.current(context) { pipeline?.add(v) }
    }

    func end(_ context: CommandContext) throws { pipeline?.finish() }
}

/// Out-String: the formatted text as one string, or one string per line with -Stream.
final class OutStringCommand: Cmdlet {
    private var pipeline: OutputPipeline?
    private var lines: [String] = []

    static let declaration = CommandDeclaration(
        name: "Out-String", synopsis: "Formats objects as text and returns it as strings.",
        description: "Returns everything as one string (each line ended by a newline), or each line as its own string with -Stream. -Width sets the line width used for tables and lists.",
        parameters: [
            ParameterDeclaration("Stream", .switchParameter, help: "Writes one string per line."),
            ParameterDeclaration("Width", .int, help: "Characters per line; the window width by default.", range: 2...Int(Int32.max)),
            ParameterDeclaration("NoNewline", .switchParameter, help: "Joins the lines without newlines."),
            FormatInput.inputObject,
        ],
        examples: [CommandExample("Get-MigrationUser | Format-Table -AutoSize | Out-String -Width 300", "Formats a wide table as text without truncation.")],
        outputTypes: ["System.String"],
        make: { OutStringCommand() })

    func begin(_ context: CommandContext) throws {
        var width = context.host.width
        if case .int(let w)? = context.parameters["Width"] { width = w }
        let stream = context.parameters.isSet("Stream")
        pipeline = OutputPipeline(context, width: width) { [unowned self] line in
            if stream { context.write(.string(line)) } else { self.lines.append(line) }
        }
    }

    func process(_ context: CommandContext) throws {
        if let v = FormatInput.current(context) { pipeline?.add(v) }
    }

    func end(_ context: CommandContext) throws {
        pipeline?.finish()
        if context.parameters.isSet("Stream") { return }
        if context.parameters.isSet("NoNewline") {
            context.write(.string(lines.joined()))
        } else {
            context.write(.string(lines.map { $0 + "\n" }.joined()))
        }
    }
}

/// Out-Null: discards its input.
final class OutNullCommand: Cmdlet {
    static let declaration = CommandDeclaration(
        name: "Out-Null", synopsis: "Discards the output instead of showing it.",
        parameters: [FormatInput.inputObject],
        examples: [CommandExample("New-Item x -ItemType Directory | Out-Null", "Runs the command without printing what it returns.")],
        make: { OutNullCommand() })
}
