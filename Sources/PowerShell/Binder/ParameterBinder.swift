/// Binds a command's arguments to its declared parameters, the way pwsh does: named
/// arguments (with unique-prefix abbreviation and aliases), then positional ones per
/// parameter set, then the set is resolved and mandatory parameters are checked or prompted.
/// Pipeline input is bound per object by `bindPipelineInput`.
public struct ParameterBinder {
    public let declaration: CommandDeclaration
    public let options: BindingOptions
    /// Declared parameters first, then the common ones the command accepts.
    let parameters: [ParameterDeclaration]
    let setNames: [String]
    let converter: ArgumentConverter
    /// Declared parameter name -> set name -> membership (the all-sets entry under its own name).
    let memberships: [String: [String: ParameterSetMembership]]
    /// Set name -> its mandatory parameters (all-sets ones included), checked per pipeline object.
    let mandatoryBySet: [String: [(ParameterDeclaration, ParameterSetMembership)]]
    /// Declared parameters that take pipeline input in some set.
    let pipelineParameters: [ParameterDeclaration]
    public let takesPipelineInput: Bool

    public init(declaration: CommandDeclaration, options: BindingOptions = BindingOptions()) {
        self.declaration = declaration
        self.options = options
        var all = declaration.parameters
        let declared = Set(all.map { $0.name.lowercased() })
        if options.hasCommonParameters {
            all += CommonParameterDeclarations.all.filter { !declared.contains($0.name.lowercased()) }
            if declaration.supportsShouldProcess {
                all += CommonParameterDeclarations.shouldProcess.filter { !declared.contains($0.name.lowercased()) }
            }
        }
        parameters = all
        var sets: [String] = []
        for p in declaration.parameters {
            for m in p.sets where m.setName != ParameterSetMembership.allSetsName && !sets.contains(m.setName) {
                sets.append(m.setName)
            }
        }
        if let d = declaration.defaultParameterSet, !sets.contains(d) { sets.append(d) }
        setNames = sets.isEmpty ? [ParameterSetMembership.allSetsName] : sets
        converter = ArgumentConverter(command: declaration.name, options: options)
        var table: [String: [String: ParameterSetMembership]] = [:]
        for p in declaration.parameters {
            var bySet: [String: ParameterSetMembership] = [:]
            for m in p.sets where bySet[m.setName] == nil { bySet[m.setName] = m }
            table[p.name] = bySet
        }
        memberships = table
        var mandatory: [String: [(ParameterDeclaration, ParameterSetMembership)]] = [:]
        for set in setNames {
            mandatory[set] = declaration.parameters.compactMap { p in
                guard let bySet = table[p.name], let m = bySet[set] ?? bySet[ParameterSetMembership.allSetsName], m.mandatory else { return nil }
                return (p, m)
            }
        }
        mandatoryBySet = mandatory
        pipelineParameters = declaration.parameters.filter { p in
            p.sets.contains { $0.valueFromPipeline || $0.valueFromPipelineByPropertyName }
        }
        takesPipelineInput = !pipelineParameters.isEmpty
    }

    var command: String { declaration.name }

    var defaultSet: String? {
        if let d = declaration.defaultParameterSet { return d }
        return setNames.count == 1 ? setNames[0] : nil
    }

    // MARK: - Parameter lookup

    func membership(_ p: ParameterDeclaration, in set: String) -> ParameterSetMembership? {
        guard let bySet = memberships[p.name] else { return nil }
        return bySet[set] ?? bySet[ParameterSetMembership.allSetsName]
    }

    func isCommon(_ p: ParameterDeclaration) -> Bool {
        !declaration.parameters.contains { $0.name == p.name } && CommonParameterDeclarations.isCommon(p.name)
    }

    func isMandatoryAnywhere(_ p: ParameterDeclaration) -> Bool { p.sets.contains { $0.mandatory } }

    /// The parameter a name given on the command line means: exact name or alias first, then a
    /// unique prefix; several prefix matches resolve to the one declared (non-common) parameter, if only one.
    public func resolve(_ name: String, extent: SourceExtent? = nil) throws -> ParameterDeclaration? {
        let lower = name.lowercased()
        if let exact = parameters.first(where: { $0.name.lowercased() == lower || $0.aliases.contains { $0.lowercased() == lower } }) {
            return exact
        }
        let matches = parameters.filter { p in
            p.name.lowercased().hasPrefix(lower) || p.aliases.contains { $0.lowercased().hasPrefix(lower) }
        }
        if matches.count == 1 { return matches[0] }
        if matches.isEmpty { return nil }
        let declared = matches.filter { !isCommon($0) }
        if declared.count == 1 { return declared[0] }
        throw BindingErrors.ambiguous(name, matches.map(\.name), command, extent)
    }

    // MARK: - Command-line binding

    public func bind(_ arguments: [CommandArgument], host: PSHost? = nil) throws -> BindingResult {
        var bound = BoundParameters()
        var common = CommonParameters()
        // Leftovers for `$args`, kept in command-line order.
        var extra: [(order: Int, value: Value)] = []
        var positionals: [(order: Int, arg: CommandArgument)] = []
        var candidates = setNames

        var i = 0
        while i < arguments.count {
            let arg = arguments[i]
            i += 1
            guard case .parameter(let name, let explicit) = arg.kind else { positionals.append((i, arg)); continue }
            guard let p = try resolve(name, extent: arg.extent) else {
                if options.collectsExtraArguments {
                    extra.append((i, ParameterToken.make(arg.text ?? "-" + name)))
                    if let explicit { extra.append((i, explicit)) }
                    continue
                }
                throw BindingErrors.namedNotFound(name, command, arg.extent)
            }
            var value: Value
            if let explicit { value = explicit }
            else if p.isSwitch { value = .bool(true) }
            else if i < arguments.count, case .positional(let next) = arguments[i].kind { value = next; i += 1 }
            else { throw BindingErrors.missingArgument(p, command, arg.extent) }
            if bound.isBound(p.name) { throw BindingErrors.alreadyBound(p.name, command, arg.extent) }
            value = try converter.convert(value, for: p, mandatory: isMandatoryAnywhere(p), extent: arg.extent)
            bound[p.name] = value
            if isCommon(p) { CommonParameterDeclarations.record(p.name, value, into: &common); continue }
            candidates = try narrow(candidates, by: p, extent: arg.extent)
        }

        let remainingTarget = declaration.parameters.first { $0.valueFromRemainingArguments }
        var remaining: [Value] = []
        for (order, arg) in positionals {
            guard case .positional(let value) = arg.kind else { continue }
            guard let p = positionalTarget(candidates, bound, value) else {
                if remainingTarget != nil { remaining.append(value); continue }
                if options.collectsExtraArguments { extra.append((order, value)); continue }
                throw BindingErrors.positionalNotFound(value, text: arg.text, command, arg.extent)
            }
            bound[p.name] = try converter.convert(value, for: p, mandatory: isMandatoryAnywhere(p), extent: arg.extent)
            candidates = try narrow(candidates, by: p, extent: arg.extent)
        }

        if let p = remainingTarget, !remaining.isEmpty {
            let first = bound[p.name].map { [$0] } ?? []
            bound[p.name] = nil
            let items = first + remaining
            bound[p.name] = p.type == .object ? .list(items) : try converter.convert(.list(items), for: p, mandatory: false, extent: nil)
            candidates = try narrow(candidates, by: p, extent: nil)
        }
        candidates = try chooseSet(candidates, bound, final: !options.expectingInput)
        var result = BindingResult(declaration: declaration, parameters: bound, candidateSets: candidates,
                                   common: common, extraArguments: extra.sorted { $0.order < $1.order }.map(\.value))
        let missing = missingMandatory(result, deferPipeline: options.expectingInput)
        if !missing.isEmpty {
            guard let host, host.isInteractive else {
                throw BindingErrors.missingMandatory(missing.map(\.name), command)
            }
            try MandatoryPrompter(host: host, converter: converter, command: command,
                                  position: options.pipelinePosition).prompt(for: missing, into: &result.parameters)
        }
        return result
    }

    /// Keeps the sets `p` belongs to; none left means the arguments cannot go together.
    func narrow(_ candidates: [String], by p: ParameterDeclaration, extent: SourceExtent?) throws -> [String] {
        if p.sets.contains(where: { $0.setName == ParameterSetMembership.allSetsName }) { return candidates }
        let kept = candidates.filter { s in p.sets.contains { $0.setName == s } }
        if kept.isEmpty { throw BindingErrors.ambiguousSet(command, extent) }
        return kept
    }

    /// The next positional argument goes to the unbound parameter with the lowest position in
    /// any remaining set (pwsh binds by position number across sets). When several parameters
    /// share that position: one whose type the value already has wins (`Where-Object { … }`
    /// binds -FilterScript), else the default set's, else the first declared.
    func positionalTarget(_ candidates: [String], _ bound: BoundParameters, _ value: Value) -> ParameterDeclaration? {
        var best: [(set: String, param: ParameterDeclaration)] = []
        var lowest = Int.max
        for s in candidates {
            for p in declaration.parameters where !bound.isBound(p.name) {
                guard let pos = membership(p, in: s)?.position, pos <= lowest else { continue }
                if pos < lowest { lowest = pos; best = [] }
                best.append((s, p))
            }
        }
        guard let first = best.first else { return nil }
        if best.allSatisfy({ $0.param.name == first.param.name }) { return first.param }
        let exact = best.filter { $0.param.type != .object && Conversion.isInstance(value, of: $0.param.type) }
        if let e = exact.first, exact.allSatisfy({ $0.param.name == e.param.name }) { return e.param }
        if let d = defaultSet, let c = best.first(where: { $0.set == d }) { return c.param }
        return first.param
    }

    /// Orders the remaining sets (chosen first). With several left: the default set wins, then a
    /// set whose mandatory parameters are all bound; otherwise the set cannot be resolved.
    func chooseSet(_ candidates: [String], _ bound: BoundParameters, final: Bool) throws -> [String] {
        guard candidates.count > 1 else { return candidates }
        if let d = defaultSet, candidates.contains(d) { return [d] + candidates.filter { $0 != d } }
        let satisfied = candidates.filter { s in
            !(mandatoryBySet[s] ?? []).contains { !bound.isBound($0.0.name) }
        }
        if satisfied.count == 1 { return satisfied + candidates.filter { $0 != satisfied[0] } }
        if !final { return candidates }
        throw BindingErrors.ambiguousSet(command)
    }

    func missingMandatory(_ result: BindingResult, deferPipeline: Bool) -> [ParameterDeclaration] {
        let set = result.parameterSetName
        return (mandatoryBySet[set] ?? []).compactMap { (p, m) in
            guard !result.parameters.isBound(p.name) else { return nil }
            if deferPipeline && (m.valueFromPipeline || m.valueFromPipelineByPropertyName) { return nil }
            return p
        }
    }
}
