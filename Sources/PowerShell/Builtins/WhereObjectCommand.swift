import Foundation

/// Where-Object: filters by a script block, or by the simplified form
/// `Where-Object Status -eq Completed` (one switch per operator, each in its own parameter set,
/// as pwsh declares it), or by a property's truthiness (`Where-Object Enabled`).
final class WhereObjectCommand: Cmdlet {
    /// (switch name, parameter set, operator, case-sensitive)
    static let operators: [(String, String, BinaryOperators.Kind, Bool)] = {
        let base: [(String, String, BinaryOperators.Kind)] = [
            ("EQ", "Equal", .eq), ("NE", "NotEqual", .ne), ("GT", "GreaterThan", .gt), ("LT", "LessThan", .lt),
            ("GE", "GreaterOrEqual", .ge), ("LE", "LessOrEqual", .le), ("Like", "Like", .like), ("NotLike", "NotLike", .notlike),
            ("Match", "Match", .match), ("NotMatch", "NotMatch", .notmatch), ("Contains", "Contains", .contains),
            ("NotContains", "NotContains", .notcontains), ("In", "In", .in), ("NotIn", "NotIn", .notin),
        ]
        var out: [(String, String, BinaryOperators.Kind, Bool)] = []
        for (name, set, kind) in base {
            out.append((name, set + "Set", kind, false))
            out.append(("C" + name, "CaseSensitive" + set + "Set", kind, true))
        }
        out.append(("Is", "IsSet", .is, false))
        out.append(("IsNot", "IsNotSet", .isnot, false))
        return out
    }()

    static let declaration: CommandDeclaration = {
        let opSets = operators.map(\.1)
        var params: [ParameterDeclaration] = [
            Builtin.inputObject,
            ParameterDeclaration("FilterScript", .scriptBlock, sets: [ParameterSetMembership("ScriptBlockSet", position: 0, mandatory: true)],
                                 help: "The script block that decides, with $_ as the object, whether it passes."),
            // Typed Object (pwsh: String) so that `Where-Object { ... }` bound by position in the
            // default set still arrives as a script block.
            ParameterDeclaration("Property", .object, sets: (opSets + ["NotSet"]).map { ParameterSetMembership($0, position: 0, mandatory: true) },
                                 help: "The property to compare."),
            ParameterDeclaration("Value", .object, sets: opSets.map { ParameterSetMembership($0, position: 1) },
                                 help: "The value to compare the property with."),
        ]
        for (name, set, _, cs) in operators {
            let aliases = cs || name == "Is" || name == "IsNot" ? [] : ["I" + name]
            params.append(ParameterDeclaration(name, .switchParameter, aliases: aliases,
                                               sets: [ParameterSetMembership(set, mandatory: name != "EQ")],
                                               help: "Passes objects whose property is \(name.lowercased()) the value\(cs ? " (case-sensitive)" : "")."))
        }
        params.append(ParameterDeclaration("Not", .switchParameter, sets: [ParameterSetMembership("NotSet", mandatory: true)],
                                           help: "Passes objects whose property is false or missing."))
        return CommandDeclaration(
            name: "Where-Object", synopsis: "Selects objects from a collection based on their property values.",
            description: "Passes on the input objects for which the script block returns true, or whose property compares as asked (`Where-Object Status -eq Completed`). Without an operator, an object passes when the property is true.",
            parameters: params, defaultParameterSet: "EqualSet",
            examples: [
                CommandExample("Get-MigrationUser | Where-Object { $_.Status -eq 'Failed' }", "Keeps the failed users."),
                CommandExample("Get-MigrationBatch | Where Status -eq Completed", "The simplified form."),
                CommandExample("Get-ChildItem | ? Length -gt 1MB", "Files larger than one megabyte."),
            ],
            make: { WhereObjectCommand() })
    }()

    /// What to test, decided once in `begin` (only -InputObject changes per object).
    private enum Test {
        case script(ScriptBlock)
        case truthy(String, negated: Bool)
        case compare(String, BinaryOperators.Kind, caseSensitive: Bool, Value)
    }
    private var test: Test?

    func begin(_ context: CommandContext) throws {
        let p = context.parameters
        if case .scriptBlock(let block)? = p["FilterScript"] ?? p["Property"] { test = .script(block); return }
        let name = Conversion.toString(p["Property"] ?? .null)
        if p.isSet("Not") { test = .truthy(name, negated: true); return }
        if let op = Self.operators.first(where: { p.isSet($0.0) }) {
            test = .compare(name, op.2, caseSensitive: op.3, p["Value"] ?? .null)
        } else if p.isBound("Value") {
            test = .compare(name, .eq, caseSensitive: false, p["Value"] ?? .null)
        } else {
            test = .truthy(name, negated: false)
        }
    }

    func process(_ context: CommandContext) throws {
        guard let input = Builtin.input(context), let test else { return }
        if try passes(input, test, context) { context.write(input) }
    }

    private func passes(_ input: Value, _ test: Test, _ context: CommandContext) throws -> Bool {
        switch test {
        case .script(let block):
            return Conversion.toBool(.list(try context.invokeInCurrentScope(block, dollarUnder: input)))
        case .truthy(let name, let negated):
            return Conversion.toBool(Builtin.property(input, name)) != negated
        case .compare(let name, let kind, let cs, let right):
            return Conversion.toBool(try BinaryOperators.evaluate(kind, Builtin.property(input, name), right, caseSensitive: cs).value)
        }
    }
}
