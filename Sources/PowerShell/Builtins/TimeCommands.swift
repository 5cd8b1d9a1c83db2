import Foundation

/// New-TimeSpan and Get-Random.
final class NewTimeSpanCommand: Cmdlet {
    static let declaration = CommandDeclaration(
        name: "New-TimeSpan", synopsis: "Creates a TimeSpan object.",
        description: "The time between -Start and -End (now by default), or a span made of -Days, -Hours, -Minutes and -Seconds.",
        parameters: [
            ParameterDeclaration("Start", .dateTime, aliases: ["LastWriteTime"], sets: [ParameterSetMembership("Date", position: 0, valueFromPipelineByPropertyName: true)], help: "The start time (now by default)."),
            ParameterDeclaration("End", .dateTime, sets: [ParameterSetMembership("Date", position: 1, valueFromPipelineByPropertyName: true)], help: "The end time (now by default)."),
            ParameterDeclaration("Days", .int, sets: [ParameterSetMembership("Time")], help: "Days."),
            ParameterDeclaration("Hours", .int, sets: [ParameterSetMembership("Time")], help: "Hours."),
            ParameterDeclaration("Minutes", .int, sets: [ParameterSetMembership("Time")], help: "Minutes."),
            ParameterDeclaration("Seconds", .int, sets: [ParameterSetMembership("Time")], help: "Seconds."),
            ParameterDeclaration("Milliseconds", .int, sets: [ParameterSetMembership("Time")], help: "Milliseconds."),
        ],
        defaultParameterSet: "Date",
        examples: [CommandExample("$elapsed = New-TimeSpan -Start $started", "Time since $started."),
                   CommandExample("New-TimeSpan -Hours 2", "A two-hour span.")],
        outputTypes: ["System.TimeSpan"],
        make: { NewTimeSpanCommand() })

    func process(_ context: CommandContext) throws {
        let p = context.parameters
        if context.parameterSetName == "Time" {
            let parts: [(String, Double)] = [("Days", 86400), ("Hours", 3600), ("Minutes", 60), ("Seconds", 1), ("Milliseconds", 0.001)]
            context.write(.timeSpan(parts.reduce(0) { $0 + Double(Builtin.int(context, $1.0) ?? 0) * $1.1 }))
            return
        }
        var start = Date(), end = Date()
        if case .date(let d)? = p["Start"] { start = d }
        if case .date(let d)? = p["End"] { end = d }
        context.write(.timeSpan(end.timeIntervalSince(start)))
    }
}

final class GetRandomCommand: Cmdlet {
    static let declaration = CommandDeclaration(
        name: "Get-Random", synopsis: "Gets a random number, or selects objects randomly from a collection.",
        description: "A random integer from -Minimum (0) up to but not including -Maximum (Int32.MaxValue), or -Count random items of the input.",
        parameters: [
            ParameterDeclaration("Maximum", .object, sets: [ParameterSetMembership("RandomNumberParameterSet", position: 0)], help: "The upper bound (exclusive)."),
            ParameterDeclaration("Minimum", .object, sets: [ParameterSetMembership("RandomNumberParameterSet")], help: "The lower bound."),
            ParameterDeclaration("InputObject", .array(.object), sets: [ParameterSetMembership("RandomListItemParameterSet", position: 0, mandatory: true, valueFromPipeline: true)], help: "The collection to pick from."),
            Builtin.param("Count", .int, help: "How many items to pick."),
            Builtin.param("SetSeed", .int, help: "Accepted for compatibility."),
        ],
        defaultParameterSet: "RandomNumberParameterSet",
        examples: [CommandExample("Get-Random -Maximum 100", "A number from 0 to 99."), CommandExample("$users | Get-Random -Count 3", "Three random users.")],
        make: { GetRandomCommand() })

    private var items: [Value] = []

    func process(_ context: CommandContext) throws {
        // Pipeline input decides the list form (the set is chosen before any input is bound).
        if context.currentInput != nil || context.parameters.isBound("InputObject") {
            items += Builtin.items(context.currentInput ?? context.parameters["InputObject"])
        }
    }

    func end(_ context: CommandContext) throws {
        let p = context.parameters
        if !items.isEmpty {
            for v in items.shuffled().prefix(max(1, Builtin.int(context, "Count") ?? 1)) { context.write(v) }
            return
        }
        let low = try p["Minimum"].map { try Conversion.toDouble($0) } ?? 0
        let high = try p["Maximum"].map { try Conversion.toDouble($0) } ?? Double(Int32.max)
        guard high > low else {
            throw Builtin.error(context, "The Minimum value (\(Int(low))) cannot be greater than or equal to the Maximum value (\(Int(high))).",
                                id: "MinGreaterThanOrEqualMax", category: .invalidArgument, exception: "System.ArgumentException")
        }
        let integral = [p["Minimum"], p["Maximum"]].allSatisfy { v in v == nil || { if case .int = v! { return true }; return false }() }
        if integral { context.write(.int(Int.random(in: Int(low)..<Int(high)))) } else { context.write(.double(Double.random(in: low..<high))) }
    }
}
