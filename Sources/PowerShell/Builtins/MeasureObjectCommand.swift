import Foundation

/// Measure-Object: counts, sums, averages, minimums and maximums (GenericMeasureInfo) or lines,
/// words and characters of text (TextMeasureInfo). Streams: constant memory however long the input.
final class MeasureObjectCommand: Cmdlet {
    static let genericType = "Microsoft.PowerShell.Commands.GenericMeasureInfo"
    static let textType = "Microsoft.PowerShell.Commands.TextMeasureInfo"

    static let declaration = CommandDeclaration(
        name: "Measure-Object", synopsis: "Calculates the numeric properties of objects, and the characters, words, and lines in string objects.",
        description: "Counts the input objects and, when asked, the sum, average, minimum, maximum and standard deviation of their values (or of a property), or the lines, words and characters of text. Nothing is kept in memory but the running totals.",
        parameters: [
            Builtin.inputObject,
            ParameterDeclaration("Property", .array(.object), sets: [.all(position: 0)], help: "The properties to measure."),
            ParameterDeclaration("Sum", .switchParameter, sets: [ParameterSetMembership("GenericMeasure")], help: "Adds up the values."),
            ParameterDeclaration("Average", .switchParameter, sets: [ParameterSetMembership("GenericMeasure")], help: "Averages the values."),
            ParameterDeclaration("Maximum", .switchParameter, sets: [ParameterSetMembership("GenericMeasure")], help: "The largest value."),
            ParameterDeclaration("Minimum", .switchParameter, sets: [ParameterSetMembership("GenericMeasure")], help: "The smallest value."),
            ParameterDeclaration("StandardDeviation", .switchParameter, sets: [ParameterSetMembership("GenericMeasure")], help: "The standard deviation of the values."),
            ParameterDeclaration("AllStats", .switchParameter, sets: [ParameterSetMembership("GenericMeasure")], help: "All of the statistics above."),
            ParameterDeclaration("Line", .switchParameter, sets: [ParameterSetMembership("TextMeasure")], help: "Counts lines."),
            ParameterDeclaration("Word", .switchParameter, sets: [ParameterSetMembership("TextMeasure")], help: "Counts words."),
            ParameterDeclaration("Character", .switchParameter, sets: [ParameterSetMembership("TextMeasure")], help: "Counts characters."),
            ParameterDeclaration("IgnoreWhiteSpace", .switchParameter, sets: [ParameterSetMembership("TextMeasure")], help: "Does not count white space as characters."),
        ],
        defaultParameterSet: "GenericMeasure",
        examples: [
            CommandExample("Get-MigrationUser | Measure-Object", "Counts the users."),
            CommandExample("Get-ChildItem | Measure-Object Length -Sum -Average", "Total and average file size."),
            CommandExample("Get-Content big.log | Measure-Object -Line", "Counts the lines of a file, streaming."),
        ],
        outputTypes: [genericType, textType],
        make: { MeasureObjectCommand() })

    /// Running statistics for one property (Welford's method for the deviation).
    struct Stats {
        var count = 0
        var sum = 0.0, mean = 0.0, m2 = 0.0
        var allIntegers = true
        var min: Value?, max: Value?
        var lines = 0, words = 0, characters = 0
    }

    private var names: [String] = []
    private var stats: [Stats] = []
    private var isText = false
    /// The switches, read once: per-object lookups would dominate a long stream.
    private var wantsNumbers = false, wantsRange = false
    private var countWords = false, countCharacters = false, ignoreWhiteSpace = false

    func begin(_ context: CommandContext) throws {
        let p = context.parameters
        names = Builtin.strings(p["Property"])
        stats = Array(repeating: Stats(), count: max(1, names.count))
        isText = context.parameterSetName == "TextMeasure"
        wantsNumbers = p.isSet("Sum") || p.isSet("Average") || p.isSet("StandardDeviation") || p.isSet("AllStats")
        wantsRange = wantsNumbers || p.isSet("Minimum") || p.isSet("Maximum")
        countWords = p.isSet("Word")
        countCharacters = p.isSet("Character")
        ignoreWhiteSpace = p.isSet("IgnoreWhiteSpace")
    }

    /// Lines as pwsh counts them: newline-separated pieces, a trailing newline adding none.
    static func lineCount(_ text: String) -> Int {
        var lines = 0, inLine = false, lastCR = false
        for u in text.utf8 {
            if u == 0x0A || u == 0x0D {
                if !(u == 0x0A && lastCR) && inLine { lines += 1 }
                inLine = false
                lastCR = u == 0x0D
            } else { inLine = true; lastCR = false }
        }
        return lines + (inLine ? 1 : 0)
    }

    func process(_ context: CommandContext) throws {
        guard let input = Builtin.input(context), !input.isNull else { return }
        for i in stats.indices {
            let value = names.isEmpty ? input : Builtin.property(input, names[i])
            if !names.isEmpty, case .null = value {
                if case .object(let o) = input, !o.hasProperty(names[i]) {
                    context.writeError(Builtin.error(context, "The property \"\(names[i])\" cannot be found in the input for any objects.",
                                                     id: "GenericMeasurePropertyNotFound", category: .invalidArgument, target: input,
                                                     exception: "System.Management.Automation.PSArgumentException"))
                }
                continue
            }
            if isText {
                let text = Conversion.toString(value)
                stats[i].lines += Self.lineCount(text)
                if countWords { stats[i].words += text.split(whereSeparator: { $0.isWhitespace }).count }
                if countCharacters { stats[i].characters += ignoreWhiteSpace ? text.filter { !$0.isWhitespace }.count : text.count }
                continue
            }
            stats[i].count += 1
            if wantsRange {
                if let n = try? Conversion.toNumber(value), !(Conversion.enumerate(value) != nil) {
                    let d = (try? Conversion.toDouble(n)) ?? 0
                    if case .double = n { stats[i].allIntegers = false }
                    stats[i].sum += d
                    let delta = d - stats[i].mean
                    stats[i].mean += delta / Double(stats[i].count)
                    stats[i].m2 += delta * (d - stats[i].mean)
                    if stats[i].min.map({ SortKey.compare(n, $0, caseSensitive: false) < 0 }) ?? true { stats[i].min = n }
                    if stats[i].max.map({ SortKey.compare(n, $0, caseSensitive: false) > 0 }) ?? true { stats[i].max = n }
                } else if wantsNumbers {
                    context.writeError(Builtin.error(context, "Input object \"\(Conversion.toString(value))\" is not numeric.",
                                                     id: "NonNumericInputObject", category: .invalidType, target: value,
                                                     exception: "System.Management.Automation.PSInvalidOperationException"))
                } else {
                    if stats[i].min.map({ SortKey.compare(value, $0, caseSensitive: false) < 0 }) ?? true { stats[i].min = value }
                    if stats[i].max.map({ SortKey.compare(value, $0, caseSensitive: false) > 0 }) ?? true { stats[i].max = value }
                }
            }
        }
    }

    func end(_ context: CommandContext) throws {
        let p = context.parameters
        let all = p.isSet("AllStats")
        for (i, s) in stats.enumerated() {
            let property: Value = names.isEmpty ? .null : .string(names[i])
            if isText {
                context.write(.object(PSObject(typeNames: [Self.textType, "System.Object"], properties: [
                    ("Lines", p.isSet("Line") ? .int(s.lines) : .null),
                    ("Words", p.isSet("Word") ? .int(s.words) : .null),
                    ("Characters", p.isSet("Character") ? .int(s.characters) : .null),
                    ("Property", property)])))
                continue
            }
            let sum: Value = s.allIntegers && abs(s.sum) < 9e15 ? .int(Int(s.sum)) : .double(s.sum)
            let deviation = s.count > 1 ? (s.m2 / Double(s.count - 1)).squareRoot() : 0
            context.write(.object(PSObject(typeNames: [Self.genericType, "Microsoft.PowerShell.Commands.MeasureInfo", "System.Object"], properties: [
                ("Count", .int(s.count)),
                ("Average", (p.isSet("Average") || all) && s.count > 0 ? .double(s.mean) : .null),
                ("Sum", p.isSet("Sum") || all ? sum : .null),
                ("Maximum", p.isSet("Maximum") || all ? s.max ?? .null : .null),
                ("Minimum", p.isSet("Minimum") || all ? s.min ?? .null : .null),
                ("StandardDeviation", p.isSet("StandardDeviation") || all ? .double(deviation) : .null),
                ("Property", property)])))
        }
    }
}
