/// A hashtable (`@{}`) or ordered dictionary (`[ordered]@{}`).
///
/// Keys compare as PowerShell compares them: strings case-insensitively.
/// Entries always keep insertion order internally; `isOrdered` records whether the
/// script asked for order, which only matters for how it is displayed and typed.
public final class PSHashtable: @unchecked Sendable {
    public private(set) var keys: [Value] = []
    public private(set) var values: [Value] = []
    private var index: [String: Int] = [:]
    public var isOrdered: Bool

    public init(ordered: Bool = false) { self.isOrdered = ordered }

    public var count: Int { keys.count }

    /// The normalized lookup key: strings fold case; other scalars use a tagged text form.
    public static func normalizedKey(_ key: Value) -> String {
        switch key {
        case .string(let s): return "s:" + s.lowercased()
        case .int(let i): return "i:\(i)"
        case .double(let d): return d == d.rounded() && abs(d) < 1e15 ? "i:\(Int(d))" : "d:\(d)"
        case .bool(let b): return "b:\(b)"
        case .null: return "n:"
        case .guid(let g): return "g:\(g)"
        case .date(let d): return "t:\(d.timeIntervalSince1970)"
        case .array(let a): return "r:\(ObjectIdentifier(a).hashValue)"
        case .hashtable(let h): return "r:\(ObjectIdentifier(h).hashValue)"
        case .object(let o): return "r:\(ObjectIdentifier(o).hashValue)"
        case .bytes(let b): return "r:\(ObjectIdentifier(b).hashValue)"
        case .scriptBlock(let s): return "r:\(ObjectIdentifier(s).hashValue)"
        case .timeSpan(let t): return "ts:\(t)"
        case .type(let t): return "y:\(t)"
        }
    }

    public subscript(key: Value) -> Value? {
        get { index[Self.normalizedKey(key)].map { values[$0] } }
        set {
            let k = Self.normalizedKey(key)
            if let v = newValue {
                if let i = index[k] { values[i] = v } else {
                    index[k] = keys.count; keys.append(key); values.append(v)
                }
            } else if let i = index[k] {
                keys.remove(at: i); values.remove(at: i)
                index = [:]
                for (j, key) in keys.enumerated() { index[Self.normalizedKey(key)] = j }
            }
        }
    }

    public subscript(name: String) -> Value? {
        get { self[.string(name)] }
        set { self[.string(name)] = newValue }
    }

    public func containsKey(_ key: Value) -> Bool { index[Self.normalizedKey(key)] != nil }

    /// Adds a new key; returns false if it already exists (Add() then throws in PowerShell).
    @discardableResult
    public func add(_ key: Value, _ value: Value) -> Bool {
        if containsKey(key) { return false }
        self[key] = value
        return true
    }

    public var entries: [(key: Value, value: Value)] { Array(zip(keys, values)).map { (key: $0.0, value: $0.1) } }

    public func removeAll() { keys = []; values = []; index = [:] }
}
