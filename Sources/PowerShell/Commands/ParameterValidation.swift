/// A check a parameter's argument must pass beyond its type (ValidatePattern, ValidateScript,
/// ValidateCount, ValidateLength's minimum): the failure text, or nil when the value passes.
public struct ParameterValidation: Sendable {
    /// True to check each item of a collection argument, false to check the argument as a whole.
    public let perItem: Bool
    public let check: @Sendable (Value) throws -> String?

    public init(perItem: Bool, check: @escaping @Sendable (Value) throws -> String?) {
        self.perItem = perItem
        self.check = check
    }

    /// `[ValidatePattern('^b\d+$')]`: a case-insensitive regex match of the string form.
    public static func pattern(_ pattern: String) -> ParameterValidation {
        ParameterValidation(perItem: true) { item in
            let text = Conversion.toString(item)
            if try StringOperators.match(text, pattern: pattern, caseSensitive: false) != nil { return nil }
            return "The argument \"\(text)\" does not match the \"\(pattern)\" pattern. Supply an argument that matches \"\(pattern)\" and try the command again."
        }
    }

    /// `[ValidateCount(1, 3)]`: how many values the argument holds.
    public static func count(_ min: Int, _ max: Int) -> ParameterValidation {
        ParameterValidation(perItem: false) { value in
            let n = Conversion.enumerate(value)?.count ?? (value.isNull ? 0 : 1)
            if n >= min && n <= max { return nil }
            if min == max { return "The parameter requires exactly \(min) value(s) - \(n) value(s) were provided." }
            return "The parameter requires at least \(min) value(s) and no more than \(max) value(s) - \(n) value(s) were provided."
        }
    }

    /// `[ValidateLength(min, max)]`'s minimum (the maximum is `ParameterDeclaration.maxLength`).
    public static func minLength(_ min: Int) -> ParameterValidation {
        ParameterValidation(perItem: true) { item in
            guard case .string(let s) = item, s.count < min else { return nil }
            return "The character length (\(s.count)) of the argument is too short. Specify an argument with a length that is greater than or equal to \"\(min)\", and then try the command again."
        }
    }

    /// `[ValidateScript({ $_ -gt 0 })]`: `run` evaluates the script with `$_` set to the item.
    public static func script(_ text: String, run: @escaping @Sendable (Value) throws -> Bool) -> ParameterValidation {
        ParameterValidation(perItem: true) { item in
            if try run(item) { return nil }
            return "The \"\(text)\" validation script for the argument with value \"\(Conversion.toString(item))\" did not return a result of True. Determine why the validation script failed, and then try the command again."
        }
    }
}
