/// Growable lists: `System.Collections.ArrayList` and `System.Collections.Generic.List[T]`.
/// They are `PSArray`s (shared by every reference, enumerated in pipelines) marked with
/// `PSArray.list`; a plain `object[]` has no mark and is fixed-size, as in .NET.
public struct PSListInfo: Sendable, Equatable {
    public let typeName: String
    /// The element type of a `List[T]`; nil for an ArrayList (any object).
    public let elementType: PSType?

    public static let arrayList = PSListInfo(typeName: PSList.arrayListTypeName, elementType: nil)
}

public enum PSList {
    public static let arrayListTypeName = "System.Collections.ArrayList"
    static let genericPrefix = "System.Collections.Generic.List["

    /// `[System.Collections.Generic.List[string]]` → `System.Collections.Generic.List[System.String]`.
    public static func genericTypeName(_ element: PSType) -> String { genericPrefix + element.description + "]" }

    /// The list a type name stands for, nil when the name is no list type.
    public static func info(forTypeName name: String) -> PSListInfo? {
        if name.caseInsensitiveCompare(arrayListTypeName) == .orderedSame { return .arrayList }
        guard name.count > genericPrefix.count + 1, name.lowercased().hasPrefix(genericPrefix.lowercased()), name.hasSuffix("]") else { return nil }
        let inner = String(name.dropFirst(genericPrefix.count).dropLast())
        let element = TypeResolver.resolve(inner) ?? .named(inner)
        return PSListInfo(typeName: genericTypeName(element), elementType: element)
    }

    /// A new list of `info`'s type holding the items of `value` (converted for a `List[T]`).
    public static func make(_ info: PSListInfo, from value: Value) throws -> Value {
        let items = Conversion.enumerate(value) ?? (value.isNull ? [] : [value])
        let list = PSArray(try items.map { try info.convertElement($0) })
        list.list = info
        return .array(list)
    }
}

extension PSListInfo {
    func convertElement(_ v: Value) throws -> Value {
        guard let elementType, elementType != .object else { return v }
        return try Conversion.convert(v, to: elementType)
    }
}

import Foundation
