/// A property bag object: `[pscustomobject]@{...}` and every object a cmdlet emits.
///
/// `typeNames` is most-specific first (as `$obj.PSObject.TypeNames`); the formatter looks
/// up default views by these names. Property names match case-insensitively and keep
/// declaration order, which is the order Format-List and Format-Table show.
public final class PSObject: @unchecked Sendable {
    public var typeNames: [String]
    public private(set) var properties: [PSProperty] = []
    private var index: [String: Int] = [:]
    /// What ToString() and string conversion give; nil means the PowerShell default
    /// (`@{A=1; B=2}` for a custom object, the first type name otherwise).
    public var toStringValue: String?
    /// Methods callable as `$obj.Name(args)`, looked up case-insensitively.
    public var methods: [String: @Sendable (PSObject, [Value]) throws -> Value] = [:]
    /// What a special object stands for, beyond its properties (a `[ref]`'s variable).
    public var backing: AnyObject?

    public static let customObjectTypeName = "System.Management.Automation.PSCustomObject"

    public init(typeNames: [String] = [PSObject.customObjectTypeName, "System.Object"],
                properties: [(String, Value)] = []) {
        self.typeNames = typeNames
        // Sized once: cmdlets build tens of thousands of these (Get-MigrationUser -ResultSize Unlimited).
        self.properties.reserveCapacity(properties.count)
        index.reserveCapacity(properties.count)
        for (n, v) in properties { self[n] = v }
    }

    public var typeName: String { typeNames.first ?? "System.Object" }

    public var isCustomObject: Bool { typeName == Self.customObjectTypeName }

    public subscript(name: String) -> Value? {
        get { index[name.lowercased()].map { properties[$0].value } }
        set {
            let k = name.lowercased()
            if let v = newValue {
                if let i = index[k] { properties[i].value = v } else {
                    index[k] = properties.count
                    properties.append(PSProperty(name: name, value: v))
                }
            } else if let i = index[k] {
                properties.remove(at: i)
                index = [:]
                for (j, p) in properties.enumerated() { index[p.name.lowercased()] = j }
            }
        }
    }

    public func hasProperty(_ name: String) -> Bool { index[name.lowercased()] != nil }

    /// The property's declared spelling, for output labels.
    public func propertyName(_ name: String) -> String? { index[name.lowercased()].map { properties[$0].name } }

    public func method(_ name: String) -> (@Sendable (PSObject, [Value]) throws -> Value)? {
        if let m = methods[name] { return m }
        return methods.first { $0.key.caseInsensitiveCompare(name) == .orderedSame }?.value
    }
}

public struct PSProperty: Sendable {
    public var name: String
    public var value: Value
    public init(name: String, value: Value) { self.name = name; self.value = value }
}
