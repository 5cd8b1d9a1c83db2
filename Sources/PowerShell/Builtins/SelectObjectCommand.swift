import Foundation

/// Select-Object: picks properties (names, wildcards, calculated `@{n=;e=}`), expands one, or
/// keeps the first/last/unique objects. -First stops the commands upstream once satisfied.
final class SelectObjectCommand: Cmdlet {
    static let declaration = CommandDeclaration(
        name: "Select-Object", synopsis: "Selects objects or object properties.",
        description: "Creates new objects with only the named properties (wildcards and calculated properties allowed), expands a property's value with -ExpandProperty, or passes on a subset of the input: -First, -Last, -Skip, -Unique, -Index. With -First the upstream commands stop as soon as enough objects arrived.",
        parameters: [
            Builtin.inputObject,
            ParameterDeclaration("Property", .array(.object), sets: [ParameterSetMembership("DefaultParameter", position: 0),
                                                                     ParameterSetMembership("SkipLastParameter", position: 0)],
                                 help: "The properties to select: names, wildcards, or @{Name=...; Expression={...}}."),
            ParameterDeclaration("ExcludeProperty", .array(.string), sets: [ParameterSetMembership("DefaultParameter"), ParameterSetMembership("SkipLastParameter")],
                                 help: "Properties to leave out (wildcards allowed)."),
            ParameterDeclaration("ExpandProperty", .string, sets: [ParameterSetMembership("DefaultParameter"), ParameterSetMembership("SkipLastParameter")],
                                 help: "A property whose value is written instead of the object; collections are written item by item."),
            Builtin.param("Unique", .switchParameter, help: "Writes only the first of identical objects (case-sensitive)."),
            ParameterDeclaration("Last", .int, sets: [ParameterSetMembership("DefaultParameter")], help: "Number of objects to take from the end.", range: 0...Int(Int32.max)),
            ParameterDeclaration("First", .int, sets: [ParameterSetMembership("DefaultParameter")], help: "Number of objects to take from the start.", range: 0...Int(Int32.max)),
            ParameterDeclaration("Skip", .int, sets: [ParameterSetMembership("DefaultParameter")], help: "Number of objects to skip.", range: 0...Int(Int32.max)),
            ParameterDeclaration("SkipLast", .int, sets: [ParameterSetMembership("SkipLastParameter")], help: "Number of objects to leave out at the end.", range: 0...Int(Int32.max)),
            ParameterDeclaration("Index", .array(.int), sets: [ParameterSetMembership("IndexParameter")], help: "Positions (0-based) of the objects to keep."),
        ],
        defaultParameterSet: "DefaultParameter",
        examples: [
            CommandExample("Get-MigrationUser | Select-Object Identity, Status", "Shows two properties of each user."),
            CommandExample("Get-ChildItem | Select-Object Name, @{n='KB'; e={[math]::Round($_.Length / 1KB, 1)}}", "Adds a calculated property."),
            CommandExample("1..100000000 | Select-Object -First 3", "Takes three numbers; the range stops at once."),
            CommandExample("Get-MigrationBatch | Select-Object -ExpandProperty Identity", "Writes the identities as strings."),
        ],
        make: { SelectObjectCommand() })

    /// The -Property entries, prepared once: wildcard patterns compiled, calculated ones labelled.
    private enum Pick {
        case wildcard(WildcardPattern)
        case name(String, label: String?)
        case script(ScriptBlock, label: String)
    }
    private var picks: [Pick]?
    private var exclude: [WildcardPattern] = []
    private var expand: String?
    private var first: Int?, last: Int?, skip = 0, skipLast = 0
    private var index: Set<Int>?
    private var unique = false
    private var seen = Set<String>()
    private var position = 0
    private var emitted = 0
    private var buffer: [Value] = []

    func begin(_ context: CommandContext) throws {
        let p = context.parameters
        if let prop = p["Property"] {
            picks = try PropertySelector(prop).specs.map { spec in
                switch spec.source {
                case .name(let name) where spec.label == nil && WildcardPattern.containsWildcard(name): return .wildcard(WildcardPattern(name))
                case .name(let name): return .name(name, label: spec.label)
                case .script(let block): return .script(block, label: spec.label ?? block.text.trimmingCharacters(in: .whitespaces))
                }
            }
        }
        exclude = Builtin.strings(p["ExcludeProperty"]).map { WildcardPattern($0) }
        expand = p.string("ExpandProperty")
        first = Builtin.int(context, "First")
        last = Builtin.int(context, "Last")
        skip = Builtin.int(context, "Skip") ?? 0
        skipLast = Builtin.int(context, "SkipLast") ?? 0
        unique = p.isSet("Unique")
        if p.isBound("Index") { index = Set(Builtin.items(p["Index"]).compactMap { try? Conversion.toInt($0) }) }
        if first == 0 { try context.stopUpstream() }
    }

    func process(_ context: CommandContext) throws {
        guard let input = Builtin.input(context) else { return }
        defer { position += 1 }
        if let index {
            if index.contains(position) { try emit(input, context) }
            return
        }
        if position < skip { return }
        if last != nil || skipLast > 0 {
            buffer.append(input)
            if let last, skipLast == 0, buffer.count > last { buffer.removeFirst(buffer.count - last) }
            return
        }
        try emit(input, context)
        if let first, emitted >= first { try context.stopUpstream() }
    }

    func end(_ context: CommandContext) throws {
        var rest = buffer
        if skipLast > 0 { rest = Array(rest.dropLast(skipLast)) }
        if let last { rest = Array(rest.suffix(last)) }
        for item in rest { try emit(item, context) }
    }

    private func emit(_ input: Value, _ context: CommandContext) throws {
        var outputs: [Value]
        if let expand {
            guard let value = expanded(input, expand, context) else { return }
            outputs = Conversion.enumerate(value) ?? [value]
        } else if picks != nil || !exclude.isEmpty {
            outputs = [.object(try select(input, context))]
        } else {
            outputs = [input]
        }
        for out in outputs {
            if unique {
                let key = Self.identity(out)
                if seen.contains(key) { continue }
                seen.insert(key)
            }
            context.write(out)
            emitted += 1
        }
    }

    /// The property's value; a missing property is a non-terminating error, as in pwsh.
    private func expanded(_ input: Value, _ name: String, _ context: CommandContext) -> Value? {
        let has: Bool
        switch input {
        case .object(let o): has = o.hasProperty(name) || DotNet.property(of: input, name: name) != nil
        case .hashtable(let h): has = h.containsKey(.string(name)) || DotNet.property(of: input, name: name) != nil
        default: has = DotNet.property(of: input, name: name) != nil
        }
        guard has else {
            context.writeError(Builtin.error(context, "Property \"\(name)\" cannot be found.", id: "ExpandPropertyNotFound",
                                             category: .invalidArgument, target: input,
                                             exception: "System.Management.Automation.PSArgumentException"))
            return nil
        }
        return Builtin.property(input, name)
    }

    /// The new custom object with the selected properties, in the order asked.
    private func select(_ input: Value, _ context: CommandContext) throws -> PSObject {
        let result = PSObject()
        func add(_ name: String, _ value: Value) {
            guard !exclude.contains(where: { $0.matches(name) }), !result.hasProperty(name) else { return }
            result[name] = value
        }
        for pick in picks ?? [.wildcard(WildcardPattern("*"))] {
            switch pick {
            case .wildcard(let pattern):
                for (n, v) in Self.properties(of: input) where pattern.matches(n) { add(n, v) }
            case .name(let name, let label):
                let real: String
                if case .object(let o) = input, let r = o.propertyName(name) { real = r } else { real = name }
                add(label ?? real, Builtin.property(input, name))
            case .script(let block, let label):
                add(label, Builtin.collapse(try context.invoke(block, dollarUnder: input, arguments: [])))
            }
        }
        return result
    }

    /// The properties `*` expands to: an object's own ones, or a scalar's .NET ones.
    static func properties(of value: Value) -> [(String, Value)] {
        switch value {
        case .object(let o): return o.properties.map { ($0.name, $0.value) }
        case .string(let s): return [("Length", .int(s.utf16.count))]
        case .hashtable(let h): return [("Count", .int(h.count)), ("Keys", .list(h.keys)), ("Values", .list(h.values))]
        default: return []
        }
    }

    /// What -Unique compares: the text of a scalar, every property of an object (case-sensitive, as pwsh).
    static func identity(_ value: Value) -> String {
        if case .object(let o) = value {
            return o.properties.map { "\($0.name)=\(Conversion.toString($0.value))" }.joined(separator: "\u{1}")
        }
        return Conversion.typeName(of: value) + ":" + Conversion.toString(value)
    }
}
