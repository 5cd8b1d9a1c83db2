/// Error records as script values: what `$_` is in `catch`, what `$Error` holds and what
/// `2>&1` merges into output. The object carries pwsh's member names (`Exception.Message`,
/// `FullyQualifiedErrorId`, `CategoryInfo`, `TargetObject`) and converts to its message.
enum ErrorRecordValue {
    static let typeName = "System.Management.Automation.ErrorRecord"

    static func make(_ r: ErrorRecord) -> Value {
        let exception = PSObject(typeNames: [r.exceptionType, "System.Exception", "System.Object"],
                                 properties: [("Message", .string(r.message)), ("Source", .null),
                                              ("HResult", .int(-2146233087))])
        exception.toStringValue = "\(r.exceptionType): \(r.message)"
        let category = PSObject(typeNames: ["System.Management.Automation.ErrorCategoryInfo", "System.Object"],
                                properties: [("Category", .string(r.category.rawValue)),
                                             ("Activity", .string(r.commandName ?? "")),
                                             ("Reason", .string(String(r.exceptionType.split(separator: ".").last ?? ""))),
                                             ("TargetName", .string(r.targetObject.map { Conversion.toString($0) } ?? "")),
                                             ("TargetType", .string(r.targetObject.map { Conversion.typeName(of: $0) } ?? ""))])
        category.toStringValue = "\(r.category.rawValue): (\(r.targetObject.map { Conversion.toString($0) } ?? ""):) [\(r.commandName ?? "")], \(String(r.exceptionType.split(separator: ".").last ?? ""))"
        var props: [(String, Value)] = [
            ("Exception", .object(exception)),
            ("TargetObject", r.targetObject ?? .null),
            ("CategoryInfo", .object(category)),
            ("FullyQualifiedErrorId", .string(r.errorId)),
            ("ErrorDetails", .null),
        ]
        if let p = r.position {
            let info = PSObject(typeNames: ["System.Management.Automation.InvocationInfo", "System.Object"],
                                properties: [("ScriptName", .string(p.file ?? "")), ("ScriptLineNumber", .int(p.startLine)),
                                             ("OffsetInLine", .int(p.startColumn)), ("Line", .string(p.source.line(p.startLine))),
                                             ("MyCommand", r.commandName.map { .string($0) } ?? .null)])
            props.append(("InvocationInfo", .object(info)))
        } else {
            props.append(("InvocationInfo", .null))
        }
        props.append(("ScriptStackTrace", .string("")))
        let o = PSObject(typeNames: [typeName, "System.Object"], properties: props)
        o.toStringValue = r.message
        Box.store(o, r)
        return .object(o)
    }

    /// The record behind an error value, or a new record for any other thrown value.
    static func record(from value: Value) -> ErrorRecord? {
        guard case .object(let o) = value, o.typeNames.first == typeName else { return nil }
        if let r = Box.lookup(o) { return r }
        let message = (o["Exception"].flatMap { v -> String? in
            if case .object(let e) = v { return e["Message"].map { Conversion.toString($0) } }
            return nil
        }) ?? Conversion.toString(value)
        return ErrorRecord(message: message, errorId: o["FullyQualifiedErrorId"].map { Conversion.toString($0) } ?? "RuntimeException")
    }

    /// Keeps the Swift record of each error object (weakly keyed by the object).
    enum Box {
        nonisolated(unsafe) private static var table: [ObjectIdentifier: (weak: WeakObject, record: ErrorRecord)] = [:]

        final class WeakObject { weak var object: PSObject?; init(_ o: PSObject) { object = o } }

        static func store(_ o: PSObject, _ r: ErrorRecord) {
            if table.count > 1024 { table = table.filter { $0.value.weak.object != nil } }
            table[ObjectIdentifier(o)] = (WeakObject(o), r)
        }

        static func lookup(_ o: PSObject) -> ErrorRecord? {
            guard let e = table[ObjectIdentifier(o)], e.weak.object === o else { return nil }
            return e.record
        }
    }
}
