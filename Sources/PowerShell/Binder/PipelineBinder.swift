extension ParameterBinder {
    /// The one parameter a pipeline object goes to without any conversion or check (an
    /// untyped, unvalidated ValueFromPipeline parameter that is the only taker in the only
    /// remaining set), so per-object binding can skip the general path. Nil otherwise.
    public func directInputParameter(for base: BindingResult) -> (name: String, mandatory: Bool)? {
        guard base.candidateSets.count == 1, let set = base.candidateSets.first,
              let (p, m) = soleUntypedTaker(in: set, base) else { return nil }
        let othersMissing = (mandatoryBySet[set] ?? []).contains { $0.0.name != p.name && !base.parameters.isBound($0.0.name) }
        return othersMissing ? nil : (p.name, m.mandatory)
    }

    /// The only parameter of `set` still open to pipeline input, when it takes objects by value
    /// only, untyped and unvalidated (so binding it needs no conversion or check).
    private func soleUntypedTaker(in set: String, _ base: BindingResult) -> (ParameterDeclaration, ParameterSetMembership)? {
        let takers = pipelineParameters.filter { p in
            guard !base.parameters.isBound(p.name), let m = membership(p, in: set) else { return false }
            return m.valueFromPipeline || m.valueFromPipelineByPropertyName
        }
        guard takers.count == 1, let p = takers.first, let m = membership(p, in: set),
              m.valueFromPipeline, !m.valueFromPipelineByPropertyName, p.type == .object,
              p.range == nil, p.maxLength == nil, p.validateSet == nil, !p.validateNotNullOrEmpty,
              p.validations.isEmpty else { return nil }
        return (p, m)
    }

    /// `directInputParameter` also for commands with several sets left (Select-Object -Property
    /// fits two): when every remaining set has the same single untyped taker, binding any object
    /// to it always picks the same set, so that choice is made once here.
    public func directInput(for base: BindingResult) -> DirectPipelineInput? {
        if let single = directInputParameter(for: base) {
            return DirectPipelineInput(name: single.name, mandatory: single.mandatory, candidateSets: base.candidateSets)
        }
        guard base.candidateSets.count > 1 else { return nil }
        var taker: ParameterDeclaration?
        var mandatory = false
        for set in base.candidateSets {
            guard let (p, m) = soleUntypedTaker(in: set, base),
                  taker == nil || taker?.name == p.name else { return nil }
            taker = p
            mandatory = mandatory || m.mandatory
        }
        guard let taker else { return nil }
        var trial = base
        trial.parameters[taker.name] = .bool(true)
        guard let chosen = try? chooseSet(base.candidateSets, trial.parameters, final: true) else { return nil }
        trial.candidateSets = chosen
        guard missingMandatory(trial, deferPipeline: false).isEmpty else { return nil }
        return DirectPipelineInput(name: taker.name, mandatory: mandatory, candidateSets: chosen)
    }

    /// Binds one pipeline object on top of the command-line binding: by value (an exact type
    /// first, then with conversion), then by property name. Throws pwsh's InputObjectNotBound
    /// when nothing takes the object, and the missing-mandatory error when a set stays incomplete.
    public func bindPipelineInput(_ input: Value, to base: BindingResult) throws -> BindingResult {
        guard takesPipelineInput else { return base }
        var result = base
        var candidates = base.candidateSets
        var boundAny = false

        var conversionError: Error?
        if let p = try byValueTarget(input, candidates, base.parameters, failure: &conversionError) {
            result.parameters[p.param.name] = p.value
            candidates = (try? narrow(candidates, by: p.param, extent: nil)) ?? candidates
            boundAny = true
        }
        for p in pipelineParameters where !result.parameters.isBound(p.name) {
            guard candidates.contains(where: { membership(p, in: $0)?.valueFromPipelineByPropertyName == true }),
                  let property = propertyValue(of: input, for: p) else { continue }
            result.parameters[p.name] = try converter.convert(property, for: p, mandatory: isMandatoryAnywhere(p), extent: nil)
            candidates = (try? narrow(candidates, by: p, extent: nil)) ?? candidates
            boundAny = true
        }
        guard boundAny else {
            // One parameter would take it but the value does not convert: say so.
            if let conversionError { throw conversionError }
            throw BindingErrors.inputNotBound(input, command)
        }
        result.candidateSets = try chooseSet(candidates, result.parameters, final: true)
        let missing = missingMandatory(result, deferPipeline: false)
        if !missing.isEmpty { throw BindingErrors.missingMandatory(missing.map(\.name), command) }
        return result
    }

    private func byValueTarget(_ input: Value, _ candidates: [String], _ bound: BoundParameters,
                               failure: inout Error?) throws -> (param: ParameterDeclaration, value: Value)? {
        let takers = pipelineParameters.filter { p in
            !bound.isBound(p.name) && candidates.contains { membership(p, in: $0)?.valueFromPipeline == true }
        }
        // Without conversion first, as pwsh does, so `[string]`/`[int]` pairs pick the right one.
        for p in takers where accepts(p.type, input) {
            if let v = try? converter.convert(input, for: p, mandatory: isMandatoryAnywhere(p), extent: nil) { return (p, v) }
        }
        for p in takers {
            do { return (p, try converter.convert(input, for: p, mandatory: isMandatoryAnywhere(p), extent: nil)) } catch {
                if takers.count == 1 { failure = error }
            }
        }
        return nil
    }

    private func accepts(_ type: PSType, _ input: Value) -> Bool {
        switch type {
        case .object, .array(.object): return true
        case .array(let element): return Conversion.isInstance(input, of: element) || Conversion.isInstance(input, of: type)
        default: return Conversion.isInstance(input, of: type)
        }
    }

    /// The input's property named like the parameter or one of its aliases.
    private func propertyValue(of input: Value, for p: ParameterDeclaration) -> Value? {
        guard case .object(let o) = input else { return nil }
        for name in [p.name] + p.aliases { if let v = o[name] { return v } }
        return nil
    }
}

/// How each pipeline object binds when the general path is not needed (see `directInput`).
public struct DirectPipelineInput: Sendable {
    public let name: String
    public let lowercasedName: String
    public let mandatory: Bool
    /// The sets after binding (the chosen one first).
    public let candidateSets: [String]

    public init(name: String, mandatory: Bool, candidateSets: [String]) {
        self.name = name
        self.lowercasedName = name.lowercased()
        self.mandatory = mandatory
        self.candidateSets = candidateSets
    }
}
