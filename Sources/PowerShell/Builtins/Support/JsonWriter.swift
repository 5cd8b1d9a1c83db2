import Foundation

/// ConvertTo-Json's text: pwsh 7 layout (two-space indent, `"key": value`), objects and
/// hashtables as JSON objects, collections as arrays, values past -Depth as their string form.
struct JsonWriter {
    let depth: Int
    let compress: Bool
    private(set) var truncated = false

    init(depth: Int, compress: Bool) { self.depth = depth; self.compress = compress }

    mutating func write(_ value: Value) -> String {
        var out = ""
        emit(value, level: 0, indent: 0, into: &out)
        return out
    }

    static func quote(_ s: String) -> String {
        var out = "\""
        for u in s.unicodeScalars {
            switch u {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "\u{8}": out += "\\b"
            case "\u{C}": out += "\\f"
            default:
                if u.value < 0x20 { out += String(format: "\\u%04x", u.value) } else { out.unicodeScalars.append(u) }
            }
        }
        return out + "\""
    }

    private func newline(_ indent: Int) -> String { compress ? "" : "\n" + String(repeating: "  ", count: indent) }

    private mutating func emit(_ value: Value, level: Int, indent: Int, into out: inout String) {
        switch value {
        case .null: out += "null"
        case .bool(let b): out += b ? "true" : "false"
        case .int(let i): out += String(i)
        case .double(let d):
            if !d.isFinite { out += d.isNaN ? "\"NaN\"" : (d < 0 ? "\"-Infinity\"" : "\"Infinity\"") }
            else if d == d.rounded(), abs(d) < 1e15 { out += String(Int64(d)) + ".0" }
            else { out += NumberFormatting.format(d) }
        case .string(let s): out += Self.quote(s)
        case .date(let d): out += Self.quote(ValueFormatting.formatDate(d, spec: "yyyy-MM-ddTHH:mm:ss.FFFFFFFK"))
        case .guid, .timeSpan, .type: out += Self.quote(Conversion.toString(value))
        case .scriptBlock(let s): out += Self.quote(s.text)
        case .bytes(let b): emitArray(b.bytes.map { .int(Int($0)) }, level: level, indent: indent, into: &out)
        case .array(let a): emitArray(a.items, level: level, indent: indent, into: &out)
        case .hashtable(let h):
            emitObject(h.entries.map { (Conversion.toString($0.key), $0.value) }, original: value, level: level, indent: indent, into: &out)
        case .object(let o):
            emitObject(o.properties.map { ($0.name, $0.value) }, original: value, level: level, indent: indent, into: &out)
        }
    }

    private mutating func emitArray(_ items: [Value], level: Int, indent: Int, into out: inout String) {
        if level > depth { truncated = true; out += Self.quote(Conversion.toString(.list(items))); return }
        if items.isEmpty { out += "[]"; return }
        out += "["
        for (i, item) in items.enumerated() {
            out += (i == 0 ? "" : ",") + newline(indent + 1)
            emit(item, level: level + 1, indent: indent + 1, into: &out)
        }
        out += newline(indent) + "]"
    }

    private mutating func emitObject(_ members: [(String, Value)], original: Value, level: Int, indent: Int, into out: inout String) {
        if level > depth {
            truncated = true
            out += Self.quote(Conversion.toString(original))
            return
        }
        if members.isEmpty { out += "{}"; return }
        out += "{"
        for (i, (name, v)) in members.enumerated() {
            out += (i == 0 ? "" : ",") + newline(indent + 1) + Self.quote(name) + (compress ? ":" : ": ")
            emit(v, level: level + 1, indent: indent + 1, into: &out)
        }
        out += newline(indent) + "}"
    }
}
