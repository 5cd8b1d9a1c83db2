/// The binder's errors, with pwsh's ParameterBinderStrings wording and error ids.
enum BindingErrors {
    static func make(_ id: String, _ message: String, _ command: String, category: ErrorCategory = .invalidArgument,
                     target: Value? = nil, extent: SourceExtent? = nil) -> ErrorRecord {
        ErrorRecord(message: message, errorId: "\(id),\(command)", category: category, targetObject: target,
                    exceptionType: "System.Management.Automation.ParameterBindingException",
                    commandName: command, position: extent)
    }

    static func namedNotFound(_ name: String, _ command: String, _ extent: SourceExtent?) -> ErrorRecord {
        make("NamedParameterNotFound", "A parameter cannot be found that matches parameter name '\(name)'.", command, extent: extent)
    }

    static func ambiguous(_ name: String, _ matches: [String], _ command: String, _ extent: SourceExtent?) -> ErrorRecord {
        let list = matches.map { " -" + $0 }.joined()
        return make("AmbiguousParameter",
                    "Parameter cannot be processed because the parameter name '\(name)' is ambiguous. Possible matches include:\(list).",
                    command, extent: extent)
    }

    static func positionalNotFound(_ argument: Value, text: String?, _ command: String, _ extent: SourceExtent?) -> ErrorRecord {
        make("PositionalParameterNotFound",
             "A positional parameter cannot be found that accepts argument '\(text ?? Conversion.toString(argument))'.",
             command, target: argument, extent: extent)
    }

    static func missingArgument(_ p: ParameterDeclaration, _ command: String, _ extent: SourceExtent?) -> ErrorRecord {
        make("MissingArgument",
             "Missing an argument for parameter '\(p.name)'. Specify a parameter of type '\(p.type)' and try again.",
             command, extent: extent)
    }

    static func alreadyBound(_ name: String, _ command: String, _ extent: SourceExtent?) -> ErrorRecord {
        make("ParameterAlreadyBound",
             "Cannot bind parameter because parameter '\(name)' is specified more than once. To provide multiple values to parameters that can accept multiple values, use the array syntax. For example, \"-parameter value1,value2,value3\".",
             command, extent: extent)
    }

    static func ambiguousSet(_ command: String, _ extent: SourceExtent? = nil) -> ErrorRecord {
        make("AmbiguousParameterSet",
             "Parameter set cannot be resolved using the specified named parameters. One or more parameters issued cannot be used together or an insufficient number of parameters were provided.",
             command, extent: extent)
    }

    static func missingMandatory(_ names: [String], _ command: String, _ extent: SourceExtent? = nil) -> ErrorRecord {
        make("MissingMandatoryParameter",
             "Cannot process command because of one or more missing mandatory parameters:\(names.map { " " + $0 }.joined()).",
             command, extent: extent)
    }

    static func inputNotBound(_ input: Value, _ command: String) -> ErrorRecord {
        make("InputObjectNotBound",
             "The input object cannot be bound to any parameters for the command either because the command does not take pipeline input or the input and its properties do not match any of the parameters that take pipeline input.",
             command, target: input)
    }

    static func conversion(_ p: ParameterDeclaration, _ inner: String, _ command: String, isScript: Bool,
                           value: Value, _ extent: SourceExtent?) -> ErrorRecord {
        isScript
            ? make("ParameterArgumentTransformationError", "Cannot process argument transformation on parameter '\(p.name)'. \(inner)",
                   command, target: value, extent: extent)
            : make("CannotConvertArgumentNoMessage", "Cannot bind parameter '\(p.name)'. \(inner)", command, target: value, extent: extent)
    }

    static func validation(_ p: ParameterDeclaration, _ inner: String, _ command: String, value: Value, _ extent: SourceExtent?) -> ErrorRecord {
        make("ParameterArgumentValidationError", "Cannot validate argument on parameter '\(p.name)'. \(inner)",
             command, target: value, extent: extent)
    }

    static func nullArgument(_ p: ParameterDeclaration, empty: Bool, _ command: String, _ extent: SourceExtent?) -> ErrorRecord {
        make(empty ? "ParameterArgumentValidationErrorEmptyStringNotAllowed" : "ParameterArgumentValidationErrorNullNotAllowed",
             "Cannot bind argument to parameter '\(p.name)' because it is \(empty ? "an empty string" : "null").",
             command, category: .invalidData, extent: extent)
    }
}
