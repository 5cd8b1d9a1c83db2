import Foundation

/// What a .NET member call may need from the session: path resolution for file APIs and a way
/// to run script blocks (the array `.ForEach{}`/`.Where{}` methods). Both optional.
public struct DotNetEnvironment {
    public var session: SessionState?
    public var invoke: ((ScriptBlock, Value?, [Value]) throws -> [Value])?

    public init(session: SessionState? = nil, invoke: ((ScriptBlock, Value?, [Value]) throws -> [Value])? = nil) {
        self.session = session
        self.invoke = invoke
    }

    /// A script path as a Linux path (relative, `C:\...` mapped), or the text itself without a session.
    func resolve(_ path: String) throws -> String {
        guard let session else { return path }
        return try session.resolvePath(path)
    }
}

/// The .NET member layer: the static members (`[System.IO.File]::ReadAllBytes(...)`, `[Math]::Round`)
/// and instance members (`"abc".ToUpper()`, `(Get-Date).AddDays(1)`, `$h.ContainsKey('a')`) that
/// runbooks use, implemented in Swift. Every function returns nil when there is no such member;
/// the runtime then raises PowerShell's own "does not contain a method" error.
public enum DotNet {
    /// `[Type]::Name` (a static property or field).
    public static func staticMember(type: String, name: String,
                                    environment: DotNetEnvironment = DotNetEnvironment()) throws -> Value? {
        guard let t = staticType(type) else { return nil }
        return try t.member(name.lowercased(), environment)
    }

    /// `[Type]::Method(arguments)`.
    public static func invokeStatic(type: String, method: String, arguments: [Value],
                                    environment: DotNetEnvironment = DotNetEnvironment()) throws -> Value? {
        let call = MethodCall(name: method, arguments: arguments, environment: environment)
        if let list = PSList.info(forTypeName: type), call.lowerName == "new" {
            // `[List[string]]::new()`, `::new($items)`; a number is a capacity, not an item.
            let initial = arguments.first.flatMap { Conversion.enumerate($0).map(Value.list) } ?? .null
            return try call.guarded { try PSList.make(list, from: initial) }
        }
        guard let t = staticType(type) else { return nil }
        return try call.guarded { try t.method(call) }
    }

    /// `$value.Name` for a .NET property of the value (not a custom object's own note properties,
    /// which the runtime reads directly; those are also returned here for convenience).
    public static func property(of value: Value, name: String) -> Value? {
        instanceProperty(value, name.lowercased())
    }

    /// `$value.Name(arguments)`.
    public static func invokeMethod(on value: Value, name: String, arguments: [Value],
                                    environment: DotNetEnvironment = DotNetEnvironment()) throws -> Value? {
        let call = MethodCall(name: name, arguments: arguments, environment: environment)
        return try call.guarded { try instanceMethod(value, call) }
    }

    /// True when `[name]` names a type this layer knows (static members or a PSType).
    public static func isKnownType(_ name: String) -> Bool { staticType(name) != nil }

    /// The canonical full name for a type as written (`io.file` -> `System.IO.File`), when known.
    public static func fullTypeName(_ name: String) -> String? { staticType(name)?.fullName }

    /// Lower-case, without `System.` and brackets, with accelerators mapped to their .NET names.
    static func normalizeTypeName(_ name: String) -> String {
        var n = name.trimmingCharacters(in: .whitespaces).lowercased()
        if n.hasPrefix("[") && n.hasSuffix("]") { n = String(n.dropFirst().dropLast()) }
        if n.hasPrefix("system.") { n = String(n.dropFirst(7)) }
        return accelerators[n] ?? n
    }

    static let accelerators: [String: String] = [
        "int": "int32", "long": "int64", "bool": "boolean", "float": "single", "short": "int16",
        "regex": "text.regularexpressions.regex", "uri": "uri", "char": "char", "byte": "byte",
        "ipaddress": "net.ipaddress", "pscustomobject": "management.automation.pscustomobject",
        "hashtable": "collections.hashtable", "array": "array", "object": "object",
        "decimal": "decimal", "double": "double", "datetime": "datetime", "timespan": "timespan",
        "guid": "guid", "string": "string", "math": "math", "convert": "convert", "environment": "environment",
    ]
}

/// One method call: its name, arguments and the helpers to read them as .NET would.
struct MethodCall {
    let name: String
    let arguments: [Value]
    let environment: DotNetEnvironment

    var lowerName: String { name.lowercased() }
    var count: Int { arguments.count }

    func string(_ i: Int) -> String { DotNetValue.string(arguments[i]) }
    func int(_ i: Int) throws -> Int { try DotNetValue.int(arguments[i], method: name, count: count) }
    func double(_ i: Int) throws -> Double { try DotNetValue.double(arguments[i], method: name, count: count) }
    func bool(_ i: Int) -> Bool { DotNetValue.truthy(arguments[i]) }

    /// Arguments after `from`, flattening one array argument (`params object[]`).
    func rest(from i: Int) -> [Value] {
        if arguments.count == i + 1, case .array(let a) = arguments[i] { return a.items }
        return Array(arguments.dropFirst(i))
    }

    /// "Cannot find an overload for "X" and the argument count: "N"."
    func overloadError() -> ErrorRecord {
        ErrorRecord(message: "Cannot find an overload for \"\(name)\" and the argument count: \"\(count)\".",
                    errorId: "MethodCountCouldNotFindBest", category: .notSpecified,
                    exceptionType: "System.Management.Automation.MethodException")
    }

    /// What pwsh reports when the .NET method itself throws.
    func exception(_ message: String, id: String = "MethodInvocationException") -> ErrorRecord {
        ErrorRecord(message: "Exception calling \"\(name)\" with \"\(count)\" argument(s): \"\(message)\"",
                    errorId: id, category: .notSpecified,
                    exceptionType: "System.Management.Automation.MethodInvocationException")
    }

    /// Requires one of the given argument counts.
    func expect(_ counts: Int...) throws { if !counts.contains(count) { throw overloadError() } }

    /// Resolves a path argument; resolution failures surface as the method's exception.
    func path(_ i: Int) throws -> String {
        do { return try environment.resolve(string(i)) } catch let e as ErrorRecord { throw exception(e.message) }
    }

    /// Runs the body and turns stray Swift errors into the method's exception text.
    func guarded(_ body: () throws -> Value?) throws -> Value? {
        do { return try body() } catch let e as ErrorRecord { throw e } catch { throw exception("\(error)") }
    }
}

/// A static type: its full name and its members.
struct StaticType: Sendable {
    let fullName: String
    let member: @Sendable (String, DotNetEnvironment) throws -> Value?
    let method: @Sendable (MethodCall) throws -> Value?
}
