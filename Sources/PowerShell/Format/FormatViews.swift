import Foundation

public enum ColumnAlignment: String, Sendable {
    case left = "Left", right = "Right", center = "Center"
}

/// Where a column or list line takes its value from.
public enum ViewValue: Sendable {
    case property(String)
    /// Computed from the object (a view's script column, written in Swift).
    case computed(@Sendable (PSObject) -> Value)
}

public struct TableViewColumn: Sendable {
    public var label: String
    public var value: ViewValue
    /// Fixed width in cells; nil sizes the column to its content.
    public var width: Int?
    /// nil aligns as the values ask (numbers right, the rest left).
    public var alignment: ColumnAlignment?

    public init(_ label: String, _ value: ViewValue? = nil, width: Int? = nil, alignment: ColumnAlignment? = nil) {
        self.label = label
        self.value = value ?? .property(label)
        self.width = width
        self.alignment = alignment
    }
}

public struct ListViewItem: Sendable {
    public var label: String
    public var value: ViewValue
    public init(_ label: String, _ value: ViewValue? = nil) {
        self.label = label
        self.value = value ?? .property(label)
    }
}

/// A default view for a type, as a format.ps1xml view declares one.
public enum FormatView: Sendable {
    case table([TableViewColumn])
    case list([ListViewItem])
}

/// Default views by type name. Cmdlets declare the views of the types they emit; Out-Default,
/// Format-Table and Format-List read them. Lookup walks an object's type names, most specific first.
public enum FormatViews {
    private final class Store: @unchecked Sendable {
        let lock = NSLock()
        var views: [String: [FormatView]] = [:]
        var groupHeaders: [String: @Sendable (PSObject) -> String] = [:]
    }
    private static let store = Store()

    /// Adds a view for `typeName`. The first view registered for a type is its default;
    /// a table and a list view can both be registered (Format-List picks the list one).
    public static func register(typeName: String, view: FormatView) {
        store.lock.lock(); defer { store.lock.unlock() }
        store.views[typeName.lowercased(), default: []].append(view)
    }

    /// Groups a type's default table by a header line, as pwsh's views group files by
    /// directory (`    Directory: /path`) or members by type (`   TypeName: X`): a new
    /// header text starts a new table under it.
    public static func registerGroupHeader(typeName: String, header: @escaping @Sendable (PSObject) -> String) {
        store.lock.lock(); defer { store.lock.unlock() }
        store.groupHeaders[typeName.lowercased()] = header
    }

    /// The group header line for an object, if its type declares one.
    public static func groupHeader(for object: PSObject) -> String? {
        store.lock.lock(); defer { store.lock.unlock() }
        for t in object.typeNames {
            if let h = store.groupHeaders[t.lowercased()] { return h(object) }
        }
        return nil
    }

    public static func views(for typeName: String) -> [FormatView] {
        store.lock.lock(); defer { store.lock.unlock() }
        return store.views[typeName.lowercased()] ?? []
    }

    /// The default view for the first of `typeNames` that has one.
    public static func defaultView(typeNames: [String]) -> FormatView? {
        for t in typeNames { if let v = views(for: t).first { return v } }
        return nil
    }

    public static func tableView(typeNames: [String]) -> [TableViewColumn]? {
        for t in typeNames {
            for case .table(let cols) in views(for: t) { return cols }
        }
        return nil
    }

    public static func listView(typeNames: [String]) -> [ListViewItem]? {
        for t in typeNames {
            for case .list(let items) in views(for: t) { return items }
        }
        return nil
    }
}

extension ViewValue {
    func evaluate(on object: PSObject) -> Value {
        switch self {
        case .property(let name): return object[name] ?? .null
        case .computed(let f): return f(object)
        }
    }
}
