import Foundation

/// Get-Member: the properties and methods of the input objects, once per distinct type.
final class GetMemberCommand: Cmdlet {
    static let memberType = "Microsoft.PowerShell.Commands.MemberDefinition"

    static let declaration = CommandDeclaration(
        name: "Get-Member", synopsis: "Gets the properties and methods of objects.",
        description: "Writes one MemberDefinition (TypeName, Name, MemberType, Definition) per property and method of each distinct type of input object: an object's own properties (NoteProperty) and the .NET members migsh implements for strings, numbers, dates, arrays and hashtables.",
        parameters: [Builtin.inputObject,
                     Builtin.param("Name", .array(.string), position: 0, help: "Member names or wildcard patterns."),
                     Builtin.param("MemberType", .array(.string), aliases: ["Type"], help: "Property, NoteProperty, Method..."),
                     Builtin.param("Static", .switchParameter, help: "Accepted for compatibility."),
                     Builtin.param("Force", .switchParameter, help: "Accepted for compatibility.")],
        examples: [CommandExample("Get-MigrationBatch | Get-Member", "The batch object's properties."),
                   CommandExample("'text' | gm -MemberType Method", "String methods.")],
        outputTypes: [memberType],
        make: { GetMemberCommand() })

    static let registerView: Void = {
        FormatViews.register(typeName: memberType, view: .table([TableViewColumn("Name"), TableViewColumn("MemberType"), TableViewColumn("Definition")]))
        // pwsh groups the members under `   TypeName: X`, one table per distinct input type.
        FormatViews.registerGroupHeader(typeName: memberType) { "   TypeName: " + DisplayText.scalar($0["TypeName"] ?? .null) }
    }()

    /// .NET members per value kind: (name, member type, definition).
    static let stringMembers: [(String, String, String)] = [
        ("Contains", "Method", "bool Contains(string value)"), ("EndsWith", "Method", "bool EndsWith(string value)"),
        ("Equals", "Method", "bool Equals(System.Object obj)"), ("GetHashCode", "Method", "int GetHashCode()"),
        ("GetType", "Method", "type GetType()"), ("IndexOf", "Method", "int IndexOf(string value)"),
        ("Insert", "Method", "string Insert(int startIndex, string value)"), ("LastIndexOf", "Method", "int LastIndexOf(string value)"),
        ("PadLeft", "Method", "string PadLeft(int totalWidth)"), ("PadRight", "Method", "string PadRight(int totalWidth)"),
        ("Remove", "Method", "string Remove(int startIndex)"), ("Replace", "Method", "string Replace(string oldValue, string newValue)"),
        ("Split", "Method", "string[] Split(string separator)"), ("StartsWith", "Method", "bool StartsWith(string value)"),
        ("Substring", "Method", "string Substring(int startIndex)"), ("ToCharArray", "Method", "char[] ToCharArray()"),
        ("ToLower", "Method", "string ToLower()"), ("ToString", "Method", "string ToString()"), ("ToUpper", "Method", "string ToUpper()"),
        ("Trim", "Method", "string Trim()"), ("TrimEnd", "Method", "string TrimEnd()"), ("TrimStart", "Method", "string TrimStart()"),
        ("Length", "Property", "int Length {get;}"),
    ]
    static let objectMethods: [(String, String, String)] = [
        ("Equals", "Method", "bool Equals(System.Object obj)"), ("GetHashCode", "Method", "int GetHashCode()"),
        ("GetType", "Method", "type GetType()"), ("ToString", "Method", "string ToString()"),
    ]
    static let dateMembers: [(String, String, String)] = objectMethods + [
        ("Add", "Method", "datetime Add(timespan value)"), ("AddDays", "Method", "datetime AddDays(double value)"),
        ("AddHours", "Method", "datetime AddHours(double value)"), ("AddMinutes", "Method", "datetime AddMinutes(double value)"),
        ("AddMonths", "Method", "datetime AddMonths(int months)"), ("AddSeconds", "Method", "datetime AddSeconds(double value)"),
        ("AddYears", "Method", "datetime AddYears(int value)"), ("Subtract", "Method", "timespan Subtract(datetime value)"),
        ("ToLocalTime", "Method", "datetime ToLocalTime()"), ("ToShortDateString", "Method", "string ToShortDateString()"),
        ("ToUniversalTime", "Method", "datetime ToUniversalTime()"),
        ("Date", "Property", "datetime Date {get;}"), ("Day", "Property", "int Day {get;}"), ("DayOfWeek", "Property", "System.DayOfWeek DayOfWeek {get;}"),
        ("DayOfYear", "Property", "int DayOfYear {get;}"), ("Hour", "Property", "int Hour {get;}"), ("Millisecond", "Property", "int Millisecond {get;}"),
        ("Minute", "Property", "int Minute {get;}"), ("Month", "Property", "int Month {get;}"), ("Second", "Property", "int Second {get;}"),
        ("Ticks", "Property", "long Ticks {get;}"), ("TimeOfDay", "Property", "timespan TimeOfDay {get;}"), ("Year", "Property", "int Year {get;}"),
    ]
    static let hashtableMembers: [(String, String, String)] = objectMethods + [
        ("Add", "Method", "void Add(System.Object key, System.Object value)"), ("Clear", "Method", "void Clear()"),
        ("Clone", "Method", "System.Object Clone()"), ("ContainsKey", "Method", "bool ContainsKey(System.Object key)"),
        ("ContainsValue", "Method", "bool ContainsValue(System.Object value)"), ("GetEnumerator", "Method", "System.Collections.IDictionaryEnumerator GetEnumerator()"),
        ("Remove", "Method", "void Remove(System.Object key)"),
        ("Count", "Property", "int Count {get;}"), ("Keys", "Property", "System.Collections.ICollection Keys {get;}"),
        ("Values", "Property", "System.Collections.ICollection Values {get;}"),
    ]
    static let numberMembers: [(String, String, String)] = objectMethods + [("CompareTo", "Method", "int CompareTo(System.Object value)")]

    private var seen = Set<String>()

    func process(_ context: CommandContext) throws {
        _ = Self.registerView
        guard let input = Builtin.input(context), !input.isNull else { return }
        let typeName: String
        var members: [(String, String, String)]
        switch input {
        case .object(let o):
            typeName = o.typeName
            members = Self.objectMethods + o.methods.keys.sorted().filter { m in !Self.objectMethods.contains { $0.0 == m } }
                .map { ($0, "Method", "\($0)()") }
            members += o.properties.map { p in
                let t = CommandSyntax.typeName(DotNet.typeOf(p.value))
                let shown = p.value.isNull ? "object" : t
                return (p.name, "NoteProperty", "\(shown) \(p.name)=\(DisplayText.cell(p.value))")
            }
        case .string: typeName = "System.String"; members = Self.stringMembers
        case .date: typeName = "System.DateTime"; members = Self.dateMembers
        case .hashtable(let h): typeName = h.isOrdered ? PSType.orderedDictionary.description : PSType.hashtable.description; members = Self.hashtableMembers
        default: typeName = Conversion.typeName(of: input); members = Self.numberMembers
        }
        guard seen.insert(typeName).inserted else { return }
        let names = Builtin.strings(context.parameters["Name"]).map { WildcardPattern($0) }
        let kinds = Builtin.strings(context.parameters["MemberType"]).map { $0.lowercased() }
        let order = ["method": 0, "property": 1, "noteproperty": 1]
        for (name, kind, definition) in members.sorted(by: { (order[$0.1.lowercased()] ?? 2, $0.0.lowercased()) < (order[$1.1.lowercased()] ?? 2, $1.0.lowercased()) }) {
            if !names.isEmpty && !names.contains(where: { $0.matches(name) }) { continue }
            if !kinds.isEmpty && !kinds.contains(where: { kind.lowercased() == $0 || (kind == "NoteProperty" && $0 == "properties") || ($0 == "all") }) { continue }
            context.write(.object(PSObject(typeNames: [Self.memberType, "System.Object"], properties: [
                ("TypeName", .string(typeName)), ("Name", .string(name)), ("MemberType", .string(kind)), ("Definition", .string(definition))])))
        }
    }
}
