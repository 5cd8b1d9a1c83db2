/// Syntax lines as Get-Command -Syntax and Get-Help show them, one per parameter set:
/// `Get-Content [-Path] <string[]> [-ReadCount <long>] ... [<CommonParameters>]`.
public enum CommandSyntax {
    /// A type as pwsh writes it in syntax lines (`string[]`, `int`, `switch`, `{Any | Leaf}`).
    public static func typeName(_ t: PSType) -> String {
        switch t {
        case .object: return "Object"
        case .string: return "string"
        case .char: return "char"
        case .bool: return "bool"
        case .switchParameter: return "switch"
        case .byte: return "byte"
        case .int: return "int"
        case .long: return "long"
        case .double: return "double"
        case .decimal: return "decimal"
        case .dateTime: return "datetime"
        case .timeSpan: return "timespan"
        case .guid: return "guid"
        case .scriptBlock: return "scriptblock"
        case .hashtable: return "hashtable"
        case .orderedDictionary: return "ordered"
        case .customObject: return "psobject"
        case .credential: return "pscredential"
        case .type: return "type"
        case .regex: return "regex"
        case .void: return "void"
        case .bytes: return "byte[]"
        case .array(let e): return typeName(e) + "[]"
        case .enumeration(_, let values): return "{" + values.joined(separator: " | ") + "}"
        case .named(let n): return String(n.split(separator: ".").last ?? Substring(n))
        }
    }

    /// The parameter sets of a declaration, in declaration order (the unnamed set when there is none).
    public static func setNames(_ d: CommandDeclaration) -> [String] {
        var names: [String] = []
        for p in d.parameters {
            for m in p.sets where m.setName != ParameterSetMembership.allSetsName && !names.contains(m.setName) { names.append(m.setName) }
        }
        if let def = d.defaultParameterSet, names.contains(def) { names = [def] + names.filter { $0 != def } }
        return names.isEmpty ? [ParameterSetMembership.allSetsName] : names
    }

    static func membership(_ p: ParameterDeclaration, _ set: String) -> ParameterSetMembership? {
        p.sets.first { $0.setName == set } ?? p.sets.first { $0.setName == ParameterSetMembership.allSetsName }
    }

    /// `fullTypeNames` writes `<System.String[]>` as Get-Help does; Get-Command -Syntax uses `<string[]>`.
    public static func lines(_ d: CommandDeclaration, fullTypeNames: Bool = false) -> [String] {
        setNames(d).map { line(d, set: $0, fullTypeNames: fullTypeNames) }
    }

    static func helpTypeName(_ t: PSType) -> String {
        if case .enumeration = t { return typeName(t) }
        return t.description
    }

    public static func line(_ d: CommandDeclaration, set: String, fullTypeNames: Bool = false) -> String {
        let members = d.parameters.compactMap { p in membership(p, set).map { (p, $0) } }
        let positional = members.filter { $0.1.position != nil }.sorted { $0.1.position! < $1.1.position! }
        let named = members.filter { $0.1.position == nil }
        var parts = [d.name]
        for (p, m) in positional + named {
            let type = p.isSwitch ? "" : " <\(p.displayTypeName ?? (fullTypeNames ? helpTypeName(p.type) : typeName(p.type)))>"
            var text: String
            if m.position != nil {
                text = "[-\(p.name)]" + type
                if !m.mandatory { text = "[" + text + "]" }
            } else {
                text = "-\(p.name)" + type
                if !m.mandatory { text = "[" + text + "]" }
            }
            parts.append(text)
        }
        if d.supportsShouldProcess { parts += ["[-WhatIf]", "[-Confirm]"] }
        parts.append("[<CommonParameters>]")
        return parts.joined(separator: " ")
    }
}
