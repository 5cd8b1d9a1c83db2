/// A property bag object: `[pscustomobject]@{...}` and every object a cmdlet emits.
///
/// `typeNames` is most-specific first (as `$obj.PSObject.TypeNames`); the formatter looks
/// up default views by these names. Property names match case-insensitively and keep
/// declaration order, which is the order Format-List and Format-Table show.
public final class PSObject: @unchecked Sendable {
    public var typeNames: [String]
    public private(set) var properties: [PSProperty] = []
    /// Lowercased name -> position, built only for objects with many properties: most objects
    /// have a handful, where a case-insensitive scan is cheaper than hashing a lowercased copy.
    private var index: [String: Int]?
    private static let indexThreshold = 12
    /// What ToString() and string conversion give; nil means the PowerShell default
    /// (`@{A=1; B=2}` for a custom object, the first type name otherwise).
    public var toStringValue: String?
    /// Methods callable as `$obj.Name(args)`, looked up case-insensitively.
    public var methods: [String: @Sendable (PSObject, [Value]) throws -> Value] = [:]
    /// What a special object stands for, beyond its properties (a `[ref]`'s variable).
    public var backing: AnyObject?

    public static let customObjectTypeName = "System.Management.Automation.PSCustomObject"
    /// The type names of a custom object (shared, so 100,000 objects do not allocate 100,000 arrays).
    public static let defaultTypeNames = [PSObject.customObjectTypeName, "System.Object"]

    public init(typeNames: [String] = PSObject.defaultTypeNames,
                properties: [(String, Value)] = []) {
        self.typeNames = typeNames
        // Sized once: cmdlets build tens of thousands of these (Get-MigrationUser -ResultSize Unlimited).
        self.properties.reserveCapacity(properties.count)
        for (n, v) in properties { self[n] = v }
    }

    public var typeName: String { typeNames.first ?? "System.Object" }

    public var isCustomObject: Bool { typeName == Self.customObjectTypeName }

    public subscript(name: String) -> Value? {
        get { position(of: name).map { properties[$0].value } }
        set {
            if let v = newValue {
                if let i = position(of: name) { properties[i].value = v; return }
                properties.append(PSProperty(name: name, value: v))
                if index != nil {
                    index![name.lowercased()] = properties.count - 1
                } else if properties.count > Self.indexThreshold {
                    rebuildIndex()
                }
            } else if let i = position(of: name) {
                properties.remove(at: i)
                if index != nil { rebuildIndex() }
            }
        }
    }

    private func rebuildIndex() {
        var map: [String: Int] = [:]
        map.reserveCapacity(properties.count)
        for (j, p) in properties.enumerated() { map[p.name.lowercased()] = j }
        index = map
    }

    private func position(of name: String) -> Int? {
        if let index { return index[name.lowercased()] }
        for i in properties.indices where Self.sameName(properties[i].name, name) { return i }
        return nil
    }

    /// Case-insensitive name equality: a byte compare for ASCII, full case folding otherwise.
    static func sameName(_ a: String, _ b: String) -> Bool {
        var a = a, b = b
        let ascii: Bool? = a.withUTF8 { x in
            b.withUTF8 { y -> Bool? in
                guard x.count == y.count else { return false }
                for k in 0..<x.count {
                    let c = x[k], d = y[k]
                    if c == d { continue }
                    if c >= 0x80 || d >= 0x80 { return nil }
                    if c | 0x20 != d | 0x20 || !((c | 0x20) >= 0x61 && (c | 0x20) <= 0x7A) { return false }
                }
                return true
            }
        }
        return ascii ?? (a.lowercased() == b.lowercased())
    }

    public func hasProperty(_ name: String) -> Bool { position(of: name) != nil }

    /// The property's declared spelling, for output labels.
    public func propertyName(_ name: String) -> String? { position(of: name).map { properties[$0].name } }

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
