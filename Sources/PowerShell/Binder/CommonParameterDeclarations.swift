/// The common parameters every cmdlet and advanced function accepts, declared like any other
/// parameter so name matching, abbreviation and conversion treat them the same way.
enum CommonParameterDeclarations {
    static let preference = TypeResolver.actionPreference

    static let all: [ParameterDeclaration] = [
        ParameterDeclaration("Verbose", .switchParameter, aliases: ["vb"]),
        ParameterDeclaration("Debug", .switchParameter, aliases: ["db"]),
        ParameterDeclaration("ErrorAction", preference, aliases: ["ea"]),
        ParameterDeclaration("WarningAction", preference, aliases: ["wa"]),
        ParameterDeclaration("InformationAction", preference, aliases: ["infa"]),
        ParameterDeclaration("ProgressAction", preference, aliases: ["proga"]),
        ParameterDeclaration("ErrorVariable", .string, aliases: ["ev"]),
        ParameterDeclaration("WarningVariable", .string, aliases: ["wv"]),
        ParameterDeclaration("InformationVariable", .string, aliases: ["iv"]),
        ParameterDeclaration("OutVariable", .string, aliases: ["ov"]),
        ParameterDeclaration("OutBuffer", .int, aliases: ["ob"]),
        ParameterDeclaration("PipelineVariable", .string, aliases: ["pv"]),
    ]

    static let shouldProcess: [ParameterDeclaration] = [
        ParameterDeclaration("WhatIf", .switchParameter, aliases: ["wi"]),
        ParameterDeclaration("Confirm", .switchParameter, aliases: ["cf"]),
    ]

    static let names: Set<String> = Set((all + shouldProcess).map { $0.name.lowercased() })

    static func isCommon(_ name: String) -> Bool { names.contains(name.lowercased()) }

    /// Copies a bound common parameter into the typed struct the runtime reads.
    static func record(_ name: String, _ value: Value, into common: inout CommonParameters) {
        switch name.lowercased() {
        case "verbose": common.verbose = Conversion.toBool(value)
        case "debug": common.debug = Conversion.toBool(value)
        case "erroraction": common.errorAction = ActionPreference(value)
        case "warningaction": common.warningAction = ActionPreference(value)
        case "informationaction": common.informationAction = ActionPreference(value)
        case "progressaction": common.progressAction = ActionPreference(value)
        case "errorvariable": common.errorVariable = Conversion.toString(value)
        case "warningvariable": common.warningVariable = Conversion.toString(value)
        case "informationvariable": common.informationVariable = Conversion.toString(value)
        case "outvariable": common.outVariable = Conversion.toString(value)
        case "pipelinevariable": common.pipelineVariable = Conversion.toString(value)
        case "whatif": common.whatIf = Conversion.toBool(value)
        case "confirm": common.confirm = Conversion.toBool(value)
        default: break
        }
    }
}
