/// What the formatter hands to an output writer: whole lines for scalars, and the
/// parts of table, list and wide blocks. Format-* commands pass these along the pipeline
/// as format records (PSObjects named like pwsh's), so `Out-*` renders them later with
/// its own width (`ft -AutoSize | Out-String -Width 300`).
public enum FormatItem: Sendable, Equatable {
    case line(String)
    /// A group's header line (`    Directory: /path`) set off by blank lines.
    case groupHeader(String)
    case tableStart(TableHeader)
    case tableRow([String])
    /// Opens a Format-List block (its entries follow).
    case listStart
    case listEntry([ListLine])
    case wideStart(columns: Int?)
    case wideEntry(String)
    /// Ends the current block (a Format-* command finished).
    case end
}

public struct ListLine: Sendable, Equatable {
    public var label: String
    public var value: String
    public init(_ label: String, _ value: String) { self.label = label; self.value = value }
}

public struct TableHeader: Sendable, Equatable {
    public var columns: [TableColumnSpec]
    public var hideHeaders: Bool
    public var wrap: Bool
    /// Size columns from every row (-AutoSize) instead of the rows of the first 300 ms.
    public var autoSize: Bool
    public init(columns: [TableColumnSpec], hideHeaders: Bool = false, wrap: Bool = false, autoSize: Bool = false) {
        self.columns = columns
        self.hideHeaders = hideHeaders
        self.wrap = wrap
        self.autoSize = autoSize
    }
}

/// Format records: FormatItems carried as pipeline objects between Format-* and Out-*.
enum FormatRecord {
    static let prefix = "Microsoft.PowerShell.Commands.Internal.Format."
    static let startType = prefix + "FormatStartData"
    static let groupStartType = prefix + "GroupStartData"
    static let entryType = prefix + "FormatEntryData"
    static let groupEndType = prefix + "GroupEndData"
    static let endType = prefix + "FormatEndData"
    private static let itemKey = "__formatItem"

    private static func record(_ type: String, _ props: [(String, Value)]) -> Value {
        let o = PSObject(typeNames: [type, "System.Object"], properties: props)
        o.toStringValue = type
        return .object(o)
    }

    /// The records for one item; a table or wide start also opens a group, `.end` closes it.
    static func encode(_ item: FormatItem) -> [Value] {
        switch item {
        case .line(let s):
            return [record(entryType, [(itemKey, .string("line")), ("text", .string(s))])]
        case .groupHeader(let s):
            return [record(entryType, [(itemKey, .string("group")), ("text", .string(s))])]
        case .tableStart(let h):
            let cols = h.columns.map { c -> Value in
                let t = PSHashtable(ordered: true)
                t["label"] = .string(c.label)
                t["width"] = c.width.map { .int($0) } ?? .null
                t["alignment"] = .string(c.alignment.rawValue)
                return .hashtable(t)
            }
            return [record(startType, [(itemKey, .string("table")), ("columns", .list(cols)),
                                       ("hideHeaders", .bool(h.hideHeaders)), ("wrap", .bool(h.wrap)),
                                       ("autoSize", .bool(h.autoSize))]),
                    record(groupStartType, [])]
        case .tableRow(let cells):
            return [record(entryType, [(itemKey, .string("row")), ("cells", .list(cells.map { .string($0) }))])]
        case .listStart:
            return [record(startType, [(itemKey, .string("list"))]), record(groupStartType, [])]
        case .listEntry(let lines):
            return [record(entryType, [(itemKey, .string("list")),
                                       ("labels", .list(lines.map { .string($0.label) })),
                                       ("values", .list(lines.map { .string($0.value) }))])]
        case .wideStart(let n):
            return [record(startType, [(itemKey, .string("wide")), ("columns", n.map { .int($0) } ?? .null)]),
                    record(groupStartType, [])]
        case .wideEntry(let s):
            return [record(entryType, [(itemKey, .string("wide")), ("text", .string(s))])]
        case .end:
            return [record(groupEndType, []), record(endType, [])]
        }
    }

    /// The item a record stands for; nil for values that are not format records.
    /// Group records decode to an empty list (they carry nothing the writer needs).
    static func decode(_ value: Value) -> [FormatItem]? {
        guard case .object(let o) = value, o.typeName.hasPrefix(prefix) else { return nil }
        switch o.typeName {
        case groupStartType, groupEndType: return []
        case endType: return [.end]
        default: break
        }
        let kind = o[itemKey]?.stringValue ?? ""
        func strings(_ key: String) -> [String] {
            if case .array(let a)? = o[key] { return a.items.map { $0.stringValue ?? "" } }
            return []
        }
        switch (o.typeName, kind) {
        case (startType, "table"):
            var columnValues: [Value] = []
            if case .array(let a)? = o["columns"] { columnValues = a.items }
            let cols: [TableColumnSpec] = columnValues.compactMap {
                guard case .hashtable(let t) = $0 else { return nil }
                var width: Int?
                if case .int(let w)? = t["width"] { width = w }
                return TableColumnSpec(label: t["label"]?.stringValue ?? "", width: width,
                                       alignment: ColumnAlignment(rawValue: t["alignment"]?.stringValue ?? "") ?? .left)
            }
            func flag(_ k: String) -> Bool { if case .bool(true)? = o[k] { return true } else { return false } }
            return [.tableStart(TableHeader(columns: cols, hideHeaders: flag("hideHeaders"), wrap: flag("wrap"),
                                            autoSize: flag("autoSize")))]
        case (startType, "list"): return [.listStart]
        case (startType, "wide"):
            if case .int(let n)? = o["columns"] { return [.wideStart(columns: n)] }
            return [.wideStart(columns: nil)]
        case (entryType, "line"): return [.line(o["text"]?.stringValue ?? "")]
        case (entryType, "group"): return [.groupHeader(o["text"]?.stringValue ?? "")]
        case (entryType, "row"): return [.tableRow(strings("cells"))]
        case (entryType, "wide"): return [.wideEntry(o["text"]?.stringValue ?? "")]
        case (entryType, "list"):
            return [.listEntry(zip(strings("labels"), strings("values")).map { ListLine($0, $1) })]
        default: return []
        }
    }
}
