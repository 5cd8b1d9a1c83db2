import Foundation

/// Type-literal names (`[int]`, `[System.String]`, `[byte[]]`, `[IO.File]`) to `PSType`.
/// Names are case-insensitive and `System.` may be left out, as in pwsh.
public enum TypeResolver {
    static let builtins: [String: PSType] = [
        "int": .int, "int32": .int, "int16": .int, "short": .int, "uint16": .int, "ushort": .int, "sbyte": .int,
        "long": .long, "int64": .long, "uint32": .long, "uint": .long, "uint64": .long, "ulong": .long,
        "bigint": .long, "numerics.biginteger": .long,
        "string": .string, "char": .char, "bool": .bool, "boolean": .bool,
        "byte": .byte, "double": .double, "single": .double, "float": .double, "decimal": .decimal,
        "datetime": .dateTime, "timespan": .timeSpan, "guid": .guid,
        "scriptblock": .scriptBlock, "management.automation.scriptblock": .scriptBlock,
        "hashtable": .hashtable, "collections.hashtable": .hashtable,
        "ordered": .orderedDictionary, "collections.specialized.ordereddictionary": .orderedDictionary,
        "pscustomobject": .customObject, "management.automation.pscustomobject": .customObject,
        "psobject": .object, "management.automation.psobject": .object,
        "object": .object, "array": .array(.object),
        "pscredential": .credential, "management.automation.pscredential": .credential,
        "type": .type, "runtimetype": .type,
        "regex": .regex, "text.regularexpressions.regex": .regex,
        "void": .void, "switch": .switchParameter, "management.automation.switchparameter": .switchParameter,
    ]

    /// Enums the runtime itself knows (binder errors list their members).
    public static let enums: [String: PSType] = [
        "consolecolor": .enumeration(name: "System.ConsoleColor", values: [
            "Black", "DarkBlue", "DarkGreen", "DarkCyan", "DarkRed", "DarkMagenta", "DarkYellow", "Gray",
            "DarkGray", "Blue", "Green", "Cyan", "Red", "Magenta", "Yellow", "White"]),
        "management.automation.actionpreference": actionPreference,
        "actionpreference": actionPreference,
        "management.automation.confirmimpact": .enumeration(name: "System.Management.Automation.ConfirmImpact",
                                                             values: ["None", "Low", "Medium", "High"]),
    ]

    public static let actionPreference = PSType.enumeration(
        name: "System.Management.Automation.ActionPreference",
        values: ["SilentlyContinue", "Stop", "Continue", "Inquire", "Ignore", "Suspend", "Break"])

    /// .NET classes reachable through static members (`[System.IO.File]::ReadAllBytes`); the
    /// DotNet layer implements their members. Canonical spellings, keyed by lowercased name without `System.`.
    static let knownClasses: [String: String] = {
        let names = [
            "System.IO.File", "System.IO.Path", "System.IO.Directory", "System.IO.FileInfo", "System.IO.DirectoryInfo",
            "System.Math", "System.Convert", "System.Environment", "System.Text.Encoding", "System.Text.StringBuilder",
            "System.BitConverter", "System.Uri", "System.Net.Dns", "System.Net.IPAddress", "System.Console",
            "System.Collections.ArrayList", "System.Text.RegularExpressions.RegexOptions", "System.StringComparison",
            "System.Web.HttpUtility", "System.Security.SecureString", "System.IO.StreamReader", "System.IO.StreamWriter",
            "System.Diagnostics.Stopwatch", "System.Threading.Thread", "System.DateTimeOffset", "System.Enum",
            "System.Management.Automation.ErrorRecord", "System.Exception", "System.Management.Automation.RuntimeException",
            "System.IO.FileNotFoundException", "System.IO.IOException", "System.ArgumentException",
            "System.InvalidOperationException", "System.Management.Automation.ItemNotFoundException",
            "System.Management.Automation.ParameterBindingException", "System.Management.Automation.CommandNotFoundException",
            "System.Management.Automation.PSInvalidCastException", "System.Management.Automation.ActionPreferenceStopException",
            "System.UnauthorizedAccessException", "System.DivideByZeroException", "System.FormatException",
            "System.NotSupportedException", "System.Net.WebException", "System.TimeoutException",
            "System.Management.Automation.PSArgumentException", "System.Globalization.CultureInfo", "System.Char",
            "System.Int32", "System.Int64", "System.Double", "System.String", "System.DateTime", "System.Guid",
            "System.TimeSpan", "System.Boolean", "System.Byte", "System.Object", "System.Management.Automation.PSObject",
            "System.Management.Automation.PSCustomObject", "System.Xml.XmlDocument", "xml",
            PSReference.typeName,
        ]
        var map: [String: String] = [:]
        for n in names { map[strip(n.lowercased())] = n }
        map["ref"] = PSReference.typeName
        return map
    }()

    private static let lock = NSLock()
    nonisolated(unsafe) private static var registered: [String: PSType] = [:]

    /// Lets other layers add type names (their enums, their output types).
    public static func register(_ name: String, as type: PSType) {
        lock.lock(); defer { lock.unlock() }
        registered[strip(name.lowercased())] = type
    }

    static func strip(_ lower: String) -> String {
        lower.hasPrefix("system.") ? String(lower.dropFirst(7)) : lower
    }

    /// The type a literal names, or nil when migsh knows no such type (`Unable to find type [X].`).
    public static func resolve(_ name: String) -> PSType? {
        var text = name.trimmingCharacters(in: .whitespaces)
        if text.hasPrefix("[") && text.hasSuffix("]") { text = String(text.dropFirst().dropLast()) }
        if text.hasSuffix("[]") {
            guard let element = resolve(String(text.dropLast(2))) else { return nil }
            if element == .byte { return .bytes }
            return .array(element)
        }
        let key = strip(text.lowercased())
        if let t = builtins[key] { return t }
        if let t = enums[key] { return t }
        lock.lock()
        let extra = registered[key]
        lock.unlock()
        if let extra { return extra }
        if let canonical = knownClasses[key] { return .named(canonical) }
        return nil
    }

    /// pwsh's run-time error for an unknown type literal.
    public static func notFound(_ name: String) -> ErrorRecord {
        ErrorRecord(message: "Unable to find type [\(name)].", errorId: "TypeNotFound", category: .invalidOperation,
                    targetObject: .string(name))
    }
}
