import Foundation

/// `-Property` of Format-Table/Format-List/Format-Wide: names, wildcards (`Max*`, `*`)
/// and calculated properties (`@{n='Label';e={...};width=10;align='right'}`).
struct PropertySelector {
    enum Source {
        case name(String)
        case script(ScriptBlock)
    }

    struct Spec {
        var label: String?
        var source: Source
        var width: Int?
        var alignment: ColumnAlignment?
        var formatString: String?
    }

    /// A property resolved against one object.
    struct Resolved {
        var label: String
        var value: Value
        var width: Int?
        var alignment: ColumnAlignment?
    }

    let specs: [Spec]

    static let none = PropertySelector(specs: [])

    private init(specs: [Spec]) { self.specs = specs }

    init(_ argument: Value?) throws {
        var specs: [Spec] = []
        let items: [Value]
        switch argument {
        case nil, .null?: items = []
        case .array(let a)?: items = a.items
        case let v?: items = [v]
        }
        for item in items {
            switch item {
            case .hashtable(let h): specs.append(try Self.calculated(h))
            case .scriptBlock(let sb): specs.append(Spec(label: nil, source: .script(sb)))
            default: specs.append(Spec(label: nil, source: .name(DisplayText.scalar(item))))
            }
        }
        self.specs = specs
    }

    var isEmpty: Bool { specs.isEmpty }

    /// Keys of a calculated property match by unique prefix, as pwsh allows (`n`, `l`, `e`, `w`, `a`, `f`).
    private static func calculated(_ h: PSHashtable) throws -> Spec {
        var spec = Spec(label: nil, source: .name(""))
        var haveExpression = false
        for (k, v) in h.entries {
            let key = DisplayText.scalar(k).lowercased()
            func isPrefix(of word: String) -> Bool { !key.isEmpty && word.hasPrefix(key) }
            if isPrefix(of: "name") || isPrefix(of: "label") {
                spec.label = DisplayText.scalar(v)
            } else if isPrefix(of: "expression") {
                haveExpression = true
                if case .scriptBlock(let sb) = v { spec.source = .script(sb) } else { spec.source = .name(DisplayText.scalar(v)) }
            } else if isPrefix(of: "width") {
                if case .int(let w) = v { spec.width = w } else if let w = Int(DisplayText.scalar(v)) { spec.width = w }
            } else if isPrefix(of: "alignment") {
                spec.alignment = [ColumnAlignment.left, .right, .center].first { $0.rawValue.lowercased() == DisplayText.scalar(v).lowercased() }
            } else if isPrefix(of: "formatstring") {
                spec.formatString = DisplayText.scalar(v)
            } else {
                throw ErrorRecord(message: "The \(DisplayText.scalar(k)) key is not valid.",
                                  errorId: "IllegalKey", category: .invalidArgument)
            }
        }
        if !haveExpression {
            throw ErrorRecord(message: "The Expression key is missing.", errorId: "MissingExpression",
                              category: .invalidArgument)
        }
        return spec
    }

    /// The properties these specs select on `object`. Wildcards expand in the object's own order;
    /// a plain name the object lacks is kept (as an empty value) only when `keepMissing`.
    func resolve(on object: PSObject, keepMissing: Bool, context: CommandContext) throws -> [Resolved] {
        try resolve(.object(object), properties: object.properties, keepMissing: keepMissing, context: context)
    }

    /// The same for a value that is not a property bag (`"abc" | Format-List Length`):
    /// names are looked up as .NET members; wildcards have nothing to expand.
    func resolve(scalar value: Value, context: CommandContext) throws -> [Resolved] {
        try resolve(value, properties: [], keepMissing: true, context: context)
    }

    private func resolve(_ value: Value, properties: [PSProperty], keepMissing: Bool,
                         context: CommandContext) throws -> [Resolved] {
        var out: [Resolved] = []
        for spec in specs {
            switch spec.source {
            case .name(let name) where spec.label == nil && WildcardPattern.containsWildcard(name):
                let pattern = WildcardPattern(name)
                for p in properties where pattern.matches(p.name) {
                    out.append(Resolved(label: p.name, value: p.value, width: spec.width, alignment: spec.alignment))
                }
            case .name(let name):
                if case .object(let object) = value, let real = object.propertyName(name) {
                    out.append(Resolved(label: spec.label ?? real, value: object[name] ?? .null,
                                        width: spec.width, alignment: spec.alignment))
                } else if case .object = value {
                    if keepMissing || spec.label != nil {
                        out.append(Resolved(label: spec.label ?? name, value: .null, width: spec.width, alignment: spec.alignment))
                    }
                } else {
                    out.append(Resolved(label: spec.label ?? name, value: DotNet.property(of: value, name: name) ?? .null,
                                        width: spec.width, alignment: spec.alignment))
                }
            case .script(let block):
                let results = try context.invoke(block, dollarUnder: value, arguments: [])
                let result: Value = results.isEmpty ? .null : results.count == 1 ? results[0] : .list(results)
                out.append(Resolved(label: spec.label ?? block.text.trimmingCharacters(in: .whitespaces),
                                    value: result, width: spec.width, alignment: spec.alignment))
            }
        }
        return out
    }
}
