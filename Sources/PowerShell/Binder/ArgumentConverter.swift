/// Converts an argument to its parameter's declared type and checks the parameter's
/// validation rules, producing pwsh's binding errors.
struct ArgumentConverter {
    let command: String
    let options: BindingOptions

    func convert(_ value: Value, for p: ParameterDeclaration, mandatory: Bool, extent: SourceExtent?) throws -> Value {
        let converted = try coerce(value, for: p, extent: extent)
        try validate(converted, for: p, mandatory: mandatory, extent: extent)
        return converted
    }

    private func coerce(_ value: Value, for p: ParameterDeclaration, extent: SourceExtent?) throws -> Value {
        switch p.type {
        case .switchParameter:
            return .bool(Conversion.toBool(value))
        case .bool:
            // Boolean parameters take only booleans and numbers.
            switch value {
            case .bool, .int, .double: return .bool(Conversion.toBool(value))
            case .array(let a) where a.items.count == 1: return try coerce(a.items[0], for: p, extent: extent)
            default:
                let shown = Conversion.enumerate(value) != nil ? Conversion.typeName(of: value) : Conversion.toString(value)
                let inner = "Cannot convert value \"\(shown)\" to type \"System.Boolean\". Boolean parameters accept only Boolean values and numbers, such as $True, $False, 1 or 0."
                throw BindingErrors.conversion(p, inner, command, isScript: options.isScript, value: value, extent)
            }
        case .object:
            return value
        default:
            // `$null` becomes the type's empty value (value types take their zero, as in .NET).
            if case .null = value { return Conversion.defaultValue(for: p.type) }
            // A collection cannot become one scalar unless it has exactly one element.
            if !isCollectionType(p.type), let items = Conversion.enumerate(value), items.count != 1 {
                let inner = "Cannot convert the \"\(Conversion.typeName(of: value))\" value of type \"\(Conversion.typeName(of: value))\" to type \"\(p.type)\"."
                throw BindingErrors.conversion(p, inner, command, isScript: options.isScript, value: value, extent)
            }
            do {
                return try Conversion.convert(value, to: p.type)
            } catch let e as ErrorRecord {
                throw BindingErrors.conversion(p, e.message, command, isScript: options.isScript, value: value, extent)
            }
        }
    }

    private func isCollectionType(_ t: PSType) -> Bool {
        switch t {
        case .array, .bytes, .object: return true
        default: return false
        }
    }

    private func validate(_ value: Value, for p: ParameterDeclaration, mandatory: Bool, extent: SourceExtent?) throws {
        if mandatory {
            if case .null = value { throw BindingErrors.nullArgument(p, empty: false, command, extent) }
            if case .string(let s) = value, s.isEmpty, p.type != .object || p.validateNotNullOrEmpty {
                throw BindingErrors.nullArgument(p, empty: true, command, extent)
            }
        }
        if p.validateNotNullOrEmpty, Self.isNullOrEmpty(value) {
            throw BindingErrors.validation(p, "The argument is null or empty. Provide an argument that is not null or empty, and then try the command again.", command, value: value, extent)
        }
        // Only parameters with item checks look at the items: enumerating a 4 MB byte[] (-CSVData)
        // would box every byte.
        for v in p.validations where !v.perItem {
            if let failure = try checked(v, value, p, extent) { throw BindingErrors.validation(p, failure, command, value: value, extent) }
        }
        guard p.range != nil || p.maxLength != nil || p.validateSet != nil || p.validations.contains(where: \.perItem) else { return }
        let items = Conversion.enumerate(value) ?? [value]
        for item in items {
            if let range = p.range, let n = Int(exactly: (try? Conversion.toDouble(item)) ?? .nan) {
                if n < range.lowerBound {
                    throw BindingErrors.validation(p, "The \(n) argument is less than the minimum allowed range of \(range.lowerBound). Supply an argument that is greater than or equal to \(range.lowerBound) and then try the command again.", command, value: item, extent)
                }
                if n > range.upperBound {
                    throw BindingErrors.validation(p, "The \(n) argument is greater than the maximum allowed range of \(range.upperBound). Supply an argument that is less than or equal to \(range.upperBound) and then try the command again.", command, value: item, extent)
                }
            }
            if let max = p.maxLength, case .string(let s) = item, s.count > max {
                throw BindingErrors.validation(p, "The character length (\(s.count)) of the argument is too long. Shorten the character length of the argument so it is fewer than or equal to \"\(max)\" characters, and then try the command again.", command, value: item, extent)
            }
            if let set = p.validateSet {
                let text = Conversion.toString(item)
                if !set.contains(where: { $0.caseInsensitiveCompare(text) == .orderedSame }) {
                    throw BindingErrors.validation(p, "The argument \"\(text)\" does not belong to the set \"\(set.joined(separator: ","))\" specified by the ValidateSet attribute. Supply an argument that is in the set and then try the command again.", command, value: item, extent)
                }
            }
            for v in p.validations where v.perItem {
                if let failure = try checked(v, item, p, extent) { throw BindingErrors.validation(p, failure, command, value: item, extent) }
            }
        }
    }

    /// What [ValidateNotNullOrEmpty()] refuses: `$null`, `''`, an empty collection.
    private static func isNullOrEmpty(_ v: Value) -> Bool {
        switch v {
        case .null: return true
        case .string(let s): return s.isEmpty
        case .array(let a): return a.items.isEmpty
        default: return false
        }
    }

    /// Runs one check; an error the check itself raises (a throwing ValidateScript) is the failure text.
    private func checked(_ v: ParameterValidation, _ value: Value, _ p: ParameterDeclaration, _ extent: SourceExtent?) throws -> String? {
        do { return try v.check(value) } catch let e as ErrorRecord { return e.message }
    }
}
