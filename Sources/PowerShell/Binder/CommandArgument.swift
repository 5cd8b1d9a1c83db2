/// One element of a command invocation as the binder sees it, after the interpreter has
/// evaluated the argument expressions and expanded splats.
public struct CommandArgument {
    public enum Kind {
        /// `-Name` (argument nil: the next positional element is its value unless it is a switch)
        /// or `-Name:value` / a splatted hashtable entry (argument set).
        case parameter(name: String, argument: Value?)
        case positional(Value)
    }

    public var kind: Kind
    /// The argument's text as written (`-Nam`, `'x'`), for error messages; nil for splats.
    public var text: String?
    public var extent: SourceExtent?

    public init(_ kind: Kind, text: String? = nil, extent: SourceExtent? = nil) {
        self.kind = kind
        self.text = text
        self.extent = extent
    }

    public static func named(_ name: String, _ value: Value? = nil) -> CommandArgument {
        CommandArgument(.parameter(name: name, argument: value), text: "-" + name)
    }

    public static func positional(_ value: Value) -> CommandArgument { CommandArgument(.positional(value)) }
}

/// $ErrorActionPreference / -ErrorAction values.
public enum ActionPreference: String, Sendable, CaseIterable {
    case silentlyContinue = "SilentlyContinue", stop = "Stop", `continue` = "Continue", inquire = "Inquire"
    case ignore = "Ignore", suspend = "Suspend", `break` = "Break"

    /// From a preference variable's value (name or enum number); nil when it is not one.
    public init?(_ value: Value) {
        switch value {
        case .int(let i):
            let order: [ActionPreference] = [.silentlyContinue, .stop, .continue, .inquire, .ignore, .suspend, .break]
            guard order.indices.contains(i) else { return nil }
            self = order[i]
        default:
            let text = Conversion.toString(value)
            guard let p = ActionPreference.allCases.first(where: { $0.rawValue.caseInsensitiveCompare(text) == .orderedSame }) else { return nil }
            self = p
        }
    }
}

/// The common parameters given on one invocation (nil: not given).
public struct CommonParameters {
    public var errorAction: ActionPreference?
    public var warningAction: ActionPreference?
    public var informationAction: ActionPreference?
    public var progressAction: ActionPreference?
    public var verbose: Bool?
    public var debug: Bool?
    public var errorVariable: String?
    public var warningVariable: String?
    public var informationVariable: String?
    public var outVariable: String?
    public var pipelineVariable: String?
    public var whatIf: Bool?
    public var confirm: Bool?
    public init() {}
}

/// What binding the command line produced; pipeline binding starts from it for each input object.
public struct BindingResult {
    public var declaration: CommandDeclaration
    public var parameters: BoundParameters
    /// The parameter sets still possible (the chosen one first).
    public var candidateSets: [String]
    public var common: CommonParameters
    /// Arguments a simple function receives in `$args` (nothing else has any).
    public var extraArguments: [Value]

    public var parameterSetName: String { candidateSets.first ?? ParameterSetMembership.allSetsName }
}

/// How to bind: functions differ from compiled cmdlets in a few documented ways.
public struct BindingOptions {
    /// Error wording for typed script parameters (`Cannot process argument transformation…`).
    public var isScript = false
    /// Simple functions (no [CmdletBinding()]/[Parameter()]): leftovers go to `$args`, no common parameters.
    public var collectsExtraArguments = false
    public var hasCommonParameters = true
    /// The command receives pipeline input, so mandatory pipeline parameters wait for it.
    public var expectingInput = false
    /// 1-based position in the pipeline, for the mandatory prompt header.
    public var pipelinePosition = 1
    public init() {}
}

/// A `-Name` token a simple function received in `$args`: it prints as its text, and
/// `@args` splats it back as a parameter name (how pwsh forwards arguments).
public enum ParameterToken {
    public static let typeName = "System.Management.Automation.ParameterToken"

    public static func make(_ text: String) -> Value {
        let o = PSObject(typeNames: [typeName, "System.String"])
        o.toStringValue = text
        return .object(o)
    }

    /// The parameter name (without the dash) when the value is such a token.
    public static func name(of value: Value) -> String? {
        guard case .object(let o) = value, o.typeName == typeName, let text = o.toStringValue else { return nil }
        return String(text.drop { $0 == "-" || $0 == "\u{2013}" || $0 == "\u{2014}" })
    }
}
