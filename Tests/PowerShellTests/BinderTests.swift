import Foundation
import Testing
@testable import PowerShell

final class NoopCmdlet: Cmdlet {}

@Suite struct BinderTests {
    static let thing = CommandDeclaration(
        name: "Test-Thing", synopsis: "test",
        parameters: [
            ParameterDeclaration("Name", .string, sets: [.all(position: 0, mandatory: true)]),
            ParameterDeclaration("NameSuffix", .string),
            ParameterDeclaration("Count", .int, range: 1...100),
            ParameterDeclaration("Port", .int, aliases: ["P"]),
            ParameterDeclaration("Color", TypeResolver.resolve("ConsoleColor")!),
            ParameterDeclaration("Force", .switchParameter),
            ParameterDeclaration("Enabled", .bool),
            ParameterDeclaration("Tags", .array(.string), aliases: ["T"]),
            ParameterDeclaration("Data", .bytes),
            ParameterDeclaration("When", .dateTime),
            ParameterDeclaration("Label", .string, maxLength: 5),
        ],
        supportsShouldProcess: true, make: { NoopCmdlet() })

    static let sets = CommandDeclaration(
        name: "Get-Widget", synopsis: "test",
        parameters: [
            ParameterDeclaration("Name", .string, sets: [ParameterSetMembership("ByName", position: 0)]),
            ParameterDeclaration("Id", .int, sets: [ParameterSetMembership("ById", position: 0, mandatory: true)]),
            ParameterDeclaration("Path", .string, sets: [ParameterSetMembership("ByPath", mandatory: true)]),
            ParameterDeclaration("InputObject", .object, sets: [ParameterSetMembership("ByName", valueFromPipeline: true)]),
            ParameterDeclaration("Identity", .string, aliases: ["Ident"],
                                 sets: [ParameterSetMembership("ById", valueFromPipelineByPropertyName: true)]),
        ],
        defaultParameterSet: "ByName", make: { NoopCmdlet() })

    func bind(_ d: CommandDeclaration, _ args: [CommandArgument], host: PSHost? = nil,
              options: BindingOptions = BindingOptions()) throws -> BindingResult {
        try ParameterBinder(declaration: d, options: options).bind(args, host: host)
    }

    func message(_ body: () throws -> Void) -> String? {
        do { try body(); return nil } catch let e as ErrorRecord { return e.message } catch { return "\(error)" }
    }

    @Test func namedColonSwitchAndPositional() throws {
        let r = try bind(Self.thing, [.positional(.string("x")), .named("Port"), .positional(.string("993")),
                                      .named("Force"), .named("Enabled", .int(0)), .named("Color", .string("red"))])
        #expect(r.parameters.string("Name") == "x")
        #expect(r.parameters["Port"]?.stringOrInt == 993)
        #expect(r.parameters.isSet("Force"))
        #expect(r.parameters["Enabled"].map(Conversion.toBool) == false)
        #expect(r.parameters.string("Color") == "Red")
        let off = try bind(Self.thing, [.positional(.string("x")), .named("Force", .bool(false))])
        #expect(!off.parameters.isSet("Force") && off.parameters.isBound("Force"))
    }

    @Test func prefixAliasAndAmbiguity() throws {
        let r = try bind(Self.thing, [.named("NAME"), .positional(.string("n")), .named("Cou"), .positional(.int(3)), .named("T"), .positional(.string("a"))])
        #expect(r.parameters.string("Name") == "n")
        #expect(r.parameters["Count"]?.stringOrInt == 3)
        #expect(r.parameters["Tags"].flatMap(Conversion.enumerate)?.count == 1)
    }

    @Test func ambiguousPrefixError() {
        let d = CommandDeclaration(name: "F", synopsis: "", parameters: [
            ParameterDeclaration("Name", .string), ParameterDeclaration("NameSuffix", .string)], make: { NoopCmdlet() })
        #expect(message { _ = try bind(d, [.named("Nam"), .positional(.string("x"))]) } ==
                "Parameter cannot be processed because the parameter name 'Nam' is ambiguous. Possible matches include: -Name -NameSuffix.")
        // Exact name wins over a longer one.
        #expect((try? bind(d, [.named("Name"), .positional(.string("x"))]))?.parameters.string("Name") == "x")
    }

    @Test func unknownNamedAndSurplusPositional() {
        #expect(message { _ = try bind(Self.thing, [.positional(.string("x")), .named("Bogus"), .positional(.int(1))]) } ==
                "A parameter cannot be found that matches parameter name 'Bogus'.")
        #expect(message { _ = try bind(Self.thing, [.positional(.string("x")), CommandArgument(.positional(.string("y")), text: "y")]) } ==
                "A positional parameter cannot be found that accepts argument 'y'.")
        #expect(message { _ = try bind(Self.thing, [.positional(.string("x")), .named("Port")]) } ==
                "Missing an argument for parameter 'Port'. Specify a parameter of type 'System.Int32' and try again.")
        #expect(message { _ = try bind(Self.thing, [.named("Name", .string("x")), .named("Name", .string("y"))])}?
                .hasPrefix("Cannot bind parameter because parameter 'Name' is specified more than once.") == true)
    }

    @Test func conversionAndValidationErrors() {
        #expect(message { _ = try bind(Self.thing, [.positional(.string("x")), .named("Port", .string("abc"))]) } ==
                "Cannot bind parameter 'Port'. Cannot convert value \"abc\" to type \"System.Int32\". Error: \"The input string 'abc' was not in a correct format.\"")
        var script = BindingOptions(); script.isScript = true
        #expect(message { _ = try bind(Self.thing, [.positional(.string("x")), .named("Port", .string("abc"))], options: script) }?
                .hasPrefix("Cannot process argument transformation on parameter 'Port'. Cannot convert value") == true)
        #expect(message { _ = try bind(Self.thing, [.positional(.string("x")), .named("Count", .int(0))]) } ==
                "Cannot validate argument on parameter 'Count'. The 0 argument is less than the minimum allowed range of 1. Supply an argument that is greater than or equal to 1 and then try the command again.")
        #expect(message { _ = try bind(Self.thing, [.positional(.string("x")), .named("Label", .string("toolong"))]) }?
                .hasPrefix("Cannot validate argument on parameter 'Label'. The character length (7) of the argument is too long.") == true)
        #expect(message { _ = try bind(Self.thing, [.positional(.string("x")), .named("Enabled", .string("yes"))]) } ==
                "Cannot bind parameter 'Enabled'. Cannot convert value \"yes\" to type \"System.Boolean\". Boolean parameters accept only Boolean values and numbers, such as $True, $False, 1 or 0.")
        #expect(message { _ = try bind(Self.thing, [.positional(.string("x")), .named("Color", .string("Purple"))]) }?
                .contains("Unable to match the identifier name Purple to a valid enumerator name.") == true)
        #expect(message { _ = try bind(Self.thing, [.positional(.string("x")), .named("Port", .list([.int(1), .int(2)]))]) } ==
                "Cannot bind parameter 'Port'. Cannot convert the \"System.Object[]\" value of type \"System.Object[]\" to type \"System.Int32\".")
    }

    @Test func typedArguments() throws {
        let r = try bind(Self.thing, [.positional(.string("x")), .named("Data", .list([.int(1), .int(2)])),
                                      .named("When", .string("2026-03-01 10:00")), .named("Tags", .list([.int(1), .string("b")]))])
        guard case .bytes(let b)? = r.parameters["Data"] else { Issue.record("not bytes"); return }
        #expect(b.bytes == [1, 2])
        guard case .date? = r.parameters["When"] else { Issue.record("not date"); return }
        #expect(r.parameters["Tags"].flatMap(Conversion.enumerate)?.compactMap(\.stringValue) == ["1", "b"])
    }

    @Test func mandatoryMissingNonInteractive() {
        #expect(message { _ = try bind(Self.thing, [.named("Port", .int(1))], host: MemoryHost()) } ==
                "Cannot process command because of one or more missing mandatory parameters: Name.")
    }

    @Test func mandatoryPromptedInteractively() throws {
        let host = MemoryHost(interactive: true, input: ["typed"])
        let r = try bind(Self.thing, [], host: host)
        #expect(r.parameters.string("Name") == "typed")
        #expect(host.hostText == "cmdlet Test-Thing at command pipeline position 1\nSupply values for the following parameters:\n")
        #expect(host.prompts == ["Name: "])
    }

    @Test func commonParameters() throws {
        let r = try bind(Self.thing, [.positional(.string("x")), .named("ea"), .positional(.string("stop")),
                                      .named("Verbose"), .named("WhatIf"), .named("Confirm", .bool(false)), .named("ev", .string("errs"))])
        #expect(r.common.errorAction == .stop)
        #expect(r.common.verbose == true)
        #expect(r.common.whatIf == true)
        #expect(r.common.confirm == false)
        #expect(r.common.errorVariable == "errs")
        // No -WhatIf without SupportsShouldProcess.
        #expect(message { _ = try bind(Self.sets, [.named("WhatIf")]) } == "A parameter cannot be found that matches parameter name 'WhatIf'.")
    }

    @Test func parameterSets() throws {
        #expect(try bind(Self.sets, [.positional(.string("w"))]).parameterSetName == "ByName")
        #expect(try bind(Self.sets, [.named("Id", .int(4))]).parameterSetName == "ById")
        #expect(message { _ = try bind(Self.sets, [.named("Id", .int(4)), .named("Name", .string("x"))]) }?
                .hasPrefix("Parameter set cannot be resolved using the specified named parameters.") == true)
        #expect(try bind(Self.sets, [.named("Path", .string("/x"))]).parameterSetName == "ByPath")
    }

    @Test func remainingArgumentsAreCollected() throws {
        var object = ParameterDeclaration("Object", .object, sets: [.all(position: 0, valueFromPipeline: true)])
        object.valueFromRemainingArguments = true
        let host = CommandDeclaration(name: "Write-Thing", synopsis: "", parameters: [
            object, ParameterDeclaration("Separator", .string)], make: { NoopCmdlet() })
        let r = try bind(host, [.positional(.int(1)), .positional(.int(2)), .named("Separator", .string(",")), .positional(.int(3))])
        #expect(r.parameters["Object"].flatMap(Conversion.enumerate)?.map(\.stringOrInt) == [1, 2, 3])
        #expect(try bind(host, [.positional(.int(1))]).parameters["Object"]?.stringOrInt == 1)
    }

    @Test func positionsCountAcrossSets() throws {
        let copy = CommandDeclaration(name: "Copy-Thing", synopsis: "", parameters: [
            ParameterDeclaration("Path", .array(.string), sets: [ParameterSetMembership("Path", position: 0, mandatory: true)]),
            ParameterDeclaration("LiteralPath", .array(.string), sets: [ParameterSetMembership("LiteralPath", mandatory: true)]),
            ParameterDeclaration("Destination", .string, sets: [.all(position: 1)]),
        ], defaultParameterSet: "Path", make: { NoopCmdlet() })
        let r = try bind(copy, [.positional(.string("a")), .positional(.string("b"))])
        #expect(r.parameters["Path"].flatMap(Conversion.enumerate)?.compactMap(\.stringValue) == ["a"])
        #expect(r.parameters.string("Destination") == "b")
        #expect(r.parameterSetName == "Path")
        // Same position in two sets: the parameter whose type the value has wins.
        let filter = CommandDeclaration(name: "Filter-Thing", synopsis: "", parameters: [
            ParameterDeclaration("Property", .string, sets: [ParameterSetMembership("Prop", position: 0)]),
            ParameterDeclaration("Script", .scriptBlock, sets: [ParameterSetMembership("Block", position: 0)]),
        ], defaultParameterSet: "Prop", make: { NoopCmdlet() })
        let block = ScriptBlock(ast: Parser.parse("1", file: nil).ast)
        #expect(try bind(filter, [.positional(.scriptBlock(block))]).parameterSetName == "Block")
        #expect(try bind(filter, [.positional(.string("Name"))]).parameterSetName == "Prop")
    }

    @Test func directPipelineInputPicksTheSetOnceForMultiSetCommands() throws {
        var opts = BindingOptions(); opts.expectingInput = true
        let binder = ParameterBinder(declaration: SelectObjectCommand.declaration, options: opts)
        let base = try binder.bind([.named("Property", .list([.string("Id")]))])
        #expect(base.candidateSets.count > 1)
        let direct = try #require(binder.directInput(for: base))
        #expect(direct.name == "InputObject")
        #expect(direct.lowercasedName == "inputobject")
        // The same set as the general path picks for an object.
        let general = try binder.bindPipelineInput(.int(1), to: base)
        #expect(direct.candidateSets.first == general.parameterSetName)
        // A taker that must convert (typed) keeps the general path.
        let typed = CommandDeclaration(name: "T", synopsis: "", parameters: [
            ParameterDeclaration("Id", .int, sets: [ParameterSetMembership("A", valueFromPipeline: true), ParameterSetMembership("B", valueFromPipeline: true)])],
            make: { NoopCmdlet() })
        let tb = ParameterBinder(declaration: typed, options: opts)
        #expect(tb.directInput(for: try tb.bind([])) == nil)
    }

    @Test func pipelineByValueThenByPropertyName() throws {
        var opts = BindingOptions(); opts.expectingInput = true
        let binder = ParameterBinder(declaration: Self.sets, options: opts)
        let base = try binder.bind([])
        let byValue = try binder.bindPipelineInput(.string("obj"), to: base)
        #expect(byValue.parameters.string("InputObject") == "obj")
        let idBase = try ParameterBinder(declaration: Self.sets, options: opts).bind([.named("Id", .int(1))])
        let o = PSObject(properties: [("Ident", .string("b1"))])
        let byName = try binder.bindPipelineInput(.object(o), to: idBase)
        #expect(byName.parameters.string("Identity") == "b1")
        let none = CommandDeclaration(name: "N", synopsis: "", parameters: [
            ParameterDeclaration("Id", .int, sets: [.all(valueFromPipeline: true)])], make: { NoopCmdlet() })
        let nb = ParameterBinder(declaration: none, options: opts)
        // The only taker cannot convert the object: its conversion error says why.
        #expect(message { _ = try nb.bindPipelineInput(.string("abc"), to: try nb.bind([])) }?
                .hasPrefix("Cannot bind parameter 'Id'. Cannot convert value \"abc\"") == true)
        let byNameOnly = CommandDeclaration(name: "P", synopsis: "", parameters: [
            ParameterDeclaration("Id", .int, sets: [.all(valueFromPipelineByPropertyName: true)])], make: { NoopCmdlet() })
        let pb = ParameterBinder(declaration: byNameOnly, options: opts)
        #expect(message { _ = try pb.bindPipelineInput(.string("abc"), to: try pb.bind([])) }?
                .hasPrefix("The input object cannot be bound to any parameters for the command") == true)
        #expect(try nb.bindPipelineInput(.string("42"), to: try nb.bind([])).parameters["Id"]?.stringOrInt == 42)
    }

    @Test func simpleFunctionsCollectExtraArguments() throws {
        let d = CommandDeclaration(name: "f", synopsis: "", parameters: [ParameterDeclaration("a", .object, sets: [.all(position: 0)])], make: { NoopCmdlet() })
        var opts = BindingOptions(); opts.collectsExtraArguments = true; opts.hasCommonParameters = false
        let r = try bind(d, [.positional(.int(1)), .positional(.int(2)), .named("zz")], options: opts)
        #expect(r.parameters["a"]?.stringOrInt == 1)
        #expect(r.extraArguments.count == 2)
    }
}
