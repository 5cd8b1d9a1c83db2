import Foundation

/// Get-Date and Start-Sleep.
final class GetDateCommand: Cmdlet {
    static let declaration = CommandDeclaration(
        name: "Get-Date", synopsis: "Gets the current date and time.",
        description: "Writes the current date and time, or the date given with -Date, changed by -Year ... -Millisecond. -Format takes a .NET format string (yyyy-MM-dd HH:mm:ss, o, s, d...) and -UFormat a Unix one (%Y-%m-%d); both write a string.",
        parameters: [
            ParameterDeclaration("Date", .dateTime, aliases: ["LastWriteTime"], sets: [.all(position: 0, valueFromPipeline: true, valueFromPipelineByPropertyName: true)],
                                 help: "The date to use instead of now."),
            Builtin.param("Year", .int, help: "Replaces the year."),
            Builtin.param("Month", .int, help: "Replaces the month."),
            Builtin.param("Day", .int, help: "Replaces the day."),
            Builtin.param("Hour", .int, help: "Replaces the hour."),
            Builtin.param("Minute", .int, help: "Replaces the minute."),
            Builtin.param("Second", .int, help: "Replaces the second."),
            Builtin.param("Millisecond", .int, help: "Replaces the millisecond."),
            ParameterDeclaration("Format", .string, sets: [ParameterSetMembership("DateTimeFormat")], help: "A .NET date format string; the result is a string."),
            ParameterDeclaration("UFormat", .string, sets: [ParameterSetMembership("UFormat", mandatory: true)], help: "A Unix date format string; the result is a string."),
            Builtin.param("DisplayHint", PSType.enumeration(name: "Microsoft.PowerShell.Commands.DisplayHintType", values: ["Date", "Time", "DateTime"]),
                          help: "Which part of the date the console shows."),
            Builtin.param("AsUTC", .switchParameter, help: "Converts the date to UTC."),
        ],
        defaultParameterSet: "DateTimeFormat",
        examples: [CommandExample("Get-Date -Format 'yyyy-MM-dd HH:mm:ss'", "The time as text."),
                   CommandExample("(Get-Date).AddDays(-7)", "A week ago."),
                   CommandExample("Get-Date -UFormat '%Y%m%d'", "Today as 20250801.")],
        outputTypes: ["System.DateTime", "System.String"],
        make: { GetDateCommand() })

    func process(_ context: CommandContext) throws {
        let p = context.parameters
        var date = Date()
        if case .date(let d)? = p["Date"] { date = d }
        let cal = DateConversion.calendar
        var comps = cal.dateComponents([.year, .month, .day, .hour, .minute, .second, .nanosecond], from: date)
        for (name, keyPath) in [("Year", \DateComponents.year), ("Month", \.month), ("Day", \.day), ("Hour", \.hour),
                                ("Minute", \.minute), ("Second", \.second)] {
            if let v = Builtin.int(context, name) { comps[keyPath: keyPath] = v }
        }
        if let ms = Builtin.int(context, "Millisecond") { comps.nanosecond = ms * 1_000_000 }
        guard var result = cal.date(from: comps) else {
            throw Builtin.error(context, "Cannot convert the date.", id: "GetDateInvalidArgument", category: .invalidArgument)
        }
        if p.isSet("AsUTC") { result = DotNetDates.toUniversal(result) }
        if let f = p.string("UFormat") { context.write(.string(DotNetDateFormat.uformat(result, f))); return }
        if let f = p.string("Format") { context.write(.string(try ValueFormatting.format(.date(result), spec: f))); return }
        context.write(.date(result))
    }
}

final class StartSleepCommand: Cmdlet {
    static let declaration = CommandDeclaration(
        name: "Start-Sleep", synopsis: "Suspends the activity in a script or session for the specified period of time.",
        description: "Waits the given time. Ctrl-C ends the wait at once.",
        parameters: [
            ParameterDeclaration("Seconds", .double, aliases: ["s"], sets: [ParameterSetMembership("Seconds", position: 0, mandatory: true, valueFromPipeline: true, valueFromPipelineByPropertyName: true)],
                                 help: "How many seconds to wait."),
            ParameterDeclaration("Milliseconds", .int, aliases: ["ms"], sets: [ParameterSetMembership("Milliseconds", mandatory: true, valueFromPipelineByPropertyName: true)],
                                 help: "How many milliseconds to wait."),
            ParameterDeclaration("Duration", .timeSpan, aliases: ["ts"], sets: [ParameterSetMembership("FromTimeSpan", mandatory: true, valueFromPipelineByPropertyName: true)],
                                 help: "How long to wait, as a TimeSpan."),
        ],
        defaultParameterSet: "Seconds",
        examples: [CommandExample("Start-Sleep -Seconds 30", "Waits half a minute."), CommandExample("sleep 5", "Waits five seconds.")],
        make: { StartSleepCommand() })

    func process(_ context: CommandContext) throws {
        let p = context.parameters
        var seconds = 0.0
        if let s = p["Seconds"] { seconds = (try? Conversion.toDouble(s)) ?? 0 }
        if let ms = Builtin.int(context, "Milliseconds") { seconds = Double(ms) / 1000 }
        if case .timeSpan(let t)? = p["Duration"] { seconds = t }
        let deadline = Date().addingTimeInterval(max(0, seconds))
        // Sleep in short slices so Ctrl-C (isStopping) ends the wait promptly.
        while !context.isStopping {
            let left = deadline.timeIntervalSinceNow
            if left <= 0 { break }
            Thread.sleep(forTimeInterval: min(left, 0.05))
        }
    }
}
