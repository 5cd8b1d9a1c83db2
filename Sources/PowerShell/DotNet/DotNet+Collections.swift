import Foundation

/// Arrays (object[], and the growable ArrayList/List[T]), byte[] and hashtables.
enum DotNetCollections {
    static func arrayProperty(_ a: PSArray, _ name: String) -> Value? {
        switch name {
        case "count", "length": return .int(a.items.count)
        case "rank": return .int(1)
        case "isfixedsize": return .bool(a.list == nil)
        case "issynchronized": return .bool(false)
        case "isreadonly": return .bool(false)
        default: return nil
        }
    }

    /// Array methods, including the `.ForEach{}`/`.Where{}` magic methods. Lists (ArrayList,
    /// List[T]) are arrays marked growable: only they take Add, Remove, Insert...
    static func arrayMethod(_ a: PSArray, _ c: MethodCall) throws -> Value? {
        switch c.lowerName {
        case "contains": try c.expect(1); return .bool(a.items.contains { DotNetValue.equals($0, c.arguments[0]) })
        case "indexof": try c.expect(1, 2); return .int(a.items.firstIndex { DotNetValue.equals($0, c.arguments[0]) } ?? -1)
        case "lastindexof": try c.expect(1); return .int(a.items.lastIndex { DotNetValue.equals($0, c.arguments[0]) } ?? -1)
        case "clone", "toarray":
            try c.expect(0)
            let copy = PSArray(a.items)
            if c.lowerName == "clone" { copy.list = a.list }
            return .array(copy)
        case "add", "addrange", "insert", "remove", "removeat", "clear":
            guard let list = a.list else { throw c.exception("Collection was of a fixed size.") }
            return try listMethod(a, list, c)
        case "reverse": try c.expect(0); a.items.reverse(); return .null
        case "sort":
            try c.expect(0)
            a.items.sort { DotNetValue.string($0).localizedCaseInsensitiveCompare(DotNetValue.string($1)) == .orderedAscending }
            return .null
        case "gethashcode": try c.expect(0); return .int(ObjectIdentifier(a).hashValue & 0x7FFF_FFFF)
        case "equals": try c.expect(1); return .bool(DotNetValue.equals(.array(a), c.arguments[0]))
        case "foreach", "where": return try magicMethod(a.items, c)
        default: return nil
        }
    }

    /// What ArrayList and List[T] add to an array: ArrayList.Add returns the new index,
    /// List[T].Add returns nothing and List[T].Remove says whether it removed.
    static func listMethod(_ a: PSArray, _ list: PSListInfo, _ c: MethodCall) throws -> Value {
        switch c.lowerName {
        case "add":
            try c.expect(1)
            a.items.append(try list.convertElement(c.arguments[0]))
            return list.elementType == nil ? .int(a.items.count - 1) : .null
        case "addrange":
            try c.expect(1)
            a.items += try DotNetValue.items(c.arguments[0]).map(list.convertElement)
            return .null
        case "insert":
            try c.expect(2)
            let i = try c.int(0)
            guard i >= 0, i <= a.items.count else { throw c.exception("Index must be within the bounds of the List. (Parameter 'index')") }
            a.items.insert(try list.convertElement(c.arguments[1]), at: i)
            return .null
        case "remove":
            try c.expect(1)
            let i = a.items.firstIndex { DotNetValue.equals($0, c.arguments[0]) }
            if let i { a.items.remove(at: i) }
            return list.elementType == nil ? .null : .bool(i != nil)
        case "removeat":
            try c.expect(1)
            let i = try c.int(0)
            guard i >= 0, i < a.items.count else { throw c.exception("Index was out of range. Must be non-negative and less than the size of the collection. (Parameter 'index')") }
            a.items.remove(at: i)
            return .null
        default:
            try c.expect(0)
            a.items.removeAll()
            return .null
        }
    }

    /// `.ForEach({ ... })`, `.ForEach('Property')`, `.Where({ ... })`, `.Where({ ... }, 'First')`.
    static func magicMethod(_ items: [Value], _ c: MethodCall) throws -> Value {
        guard c.count >= 1 else { throw c.overloadError() }
        if c.lowerName == "foreach" {
            if case .scriptBlock(let block) = c.arguments[0] {
                guard let invoke = c.environment.invoke else { throw c.exception("Script blocks cannot run here.") }
                var out: [Value] = []
                for item in items { out += try invoke(block, item, Array(c.arguments.dropFirst())) }
                return .list(out)
            }
            let name = c.string(0)
            return .list(items.compactMap { item in
                if c.count > 1 { return try? DotNet.invokeMethod(on: item, name: name, arguments: Array(c.arguments.dropFirst()), environment: c.environment) }
                return DotNet.property(of: item, name: name) ?? .null
            })
        }
        guard case .scriptBlock(let block) = c.arguments[0] else { throw c.overloadError() }
        guard let invoke = c.environment.invoke else { throw c.exception("Script blocks cannot run here.") }
        let mode = c.count > 1 ? c.string(1).lowercased() : "default"
        let limit = c.count > 2 ? try c.int(2) : 0
        var matched: [Value] = [], rest: [Value] = []
        for item in items {
            let ok = DotNetValue.truthy(.list(try invoke(block, item, [])))
            if mode == "until" && ok { break }
            if mode == "skipuntil" && !ok && matched.isEmpty { continue }
            if ok || mode == "skipuntil" { matched.append(item) } else { rest.append(item) }
            if mode == "first" && limit <= 1 && !matched.isEmpty { break }
        }
        switch mode {
        case "first": return .list(Array(matched.prefix(max(1, limit))))
        case "last": return .list(Array(matched.suffix(max(1, limit))))
        case "split": return .list([.list(matched), .list(rest)])
        case "until": return .list(items.prefix { _ in true }.prefix(matched.count + rest.count).map { $0 })
        default: return .list(limit > 0 ? Array(matched.prefix(limit)) : matched)
        }
    }

    static func bytesProperty(_ b: PSBytes, _ name: String) -> Value? {
        switch name {
        case "count", "length", "longlength": return .int(b.bytes.count)
        case "rank": return .int(1)
        default: return nil
        }
    }

    static func bytesMethod(_ b: PSBytes, _ c: MethodCall) throws -> Value? {
        switch c.lowerName {
        case "clone": try c.expect(0); return .bytes(PSBytes(b.bytes))
        case "contains", "indexof":
            try c.expect(1)
            let v = DotNetValue.number(c.arguments[0]).map { Int($0) } ?? -1
            let i = b.bytes.firstIndex { Int($0) == v }
            return c.lowerName == "contains" ? .bool(i != nil) : .int(i ?? -1)
        case "foreach", "where": return try magicMethod(DotNetValue.items(.bytes(b)), c)
        default: return nil
        }
    }

    static func hashtableProperty(_ h: PSHashtable, _ name: String) -> Value? {
        if let v = h[name] { return v }   // keys win over properties, as in PowerShell
        switch name {
        case "count": return .int(h.count)
        case "keys": return .list(h.keys)
        case "values": return .list(h.values)
        case "isreadonly", "isfixedsize", "issynchronized": return .bool(false)
        default: return nil
        }
    }

    static func hashtableMethod(_ h: PSHashtable, _ c: MethodCall) throws -> Value? {
        switch c.lowerName {
        case "containskey", "contains": try c.expect(1); return .bool(h.containsKey(c.arguments[0]))
        case "containsvalue": try c.expect(1); return .bool(h.values.contains { DotNetValue.equals($0, c.arguments[0]) })
        case "add":
            try c.expect(2)
            let key = c.arguments[0]
            if key.isNull { throw c.exception("Key cannot be null. (Parameter 'key')") }
            guard h.add(key, c.arguments[1]) else {
                let k = DotNetValue.string(key)
                throw c.exception("Item has already been added. Key in dictionary: '\(k)'  Key being added: '\(k)'")
            }
            return .null
        case "remove": try c.expect(1); h[c.arguments[0]] = nil; return .null
        case "clear": try c.expect(0); h.removeAll(); return .null
        case "clone":
            try c.expect(0)
            let copy = PSHashtable(ordered: h.isOrdered)
            for (k, v) in h.entries { copy[k] = v }
            return .hashtable(copy)
        case "getenumerator":
            try c.expect(0)
            return .list(h.entries.map { entry in
                let o = PSObject(typeNames: ["System.Collections.DictionaryEntry", "System.ValueType", "System.Object"],
                                 properties: [("Name", entry.key), ("Key", entry.key), ("Value", entry.value)])
                return .object(o)
            })
        case "item", "get_item": try c.expect(1); return h[c.arguments[0]] ?? .null
        case "tostring": try c.expect(0); return .string(DotNetText.string(.hashtable(h)))
        default: return nil
        }
    }
}
