import Foundation

/// CSV as pwsh's *-Csv cmdlets read and write it: RFC 4180 quoting, a chosen delimiter,
/// records that may span lines inside quotes, and the Windows PowerShell `#TYPE` line.
enum CsvCodec {
    enum QuoteMode: String { case always = "Always", asNeeded = "AsNeeded", never = "Never" }

    static func field(_ text: String, delimiter: Character, mode: QuoteMode) -> String {
        let needs: Bool
        switch mode {
        case .always: needs = true
        case .never: needs = false
        case .asNeeded: needs = text.contains { $0 == delimiter || $0 == "\"" || $0 == "\n" || $0 == "\r" }
        }
        return needs ? "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : text
    }

    static func line(_ fields: [String], delimiter: Character, mode: QuoteMode) -> String {
        fields.map { field($0, delimiter: delimiter, mode: mode) }.joined(separator: String(delimiter))
    }

    /// The property names and cell texts of an object (hashtables by key, scalars by .NET properties).
    static func columns(of value: Value) -> [(String, String)] {
        switch value {
        case .object(let o): return o.properties.map { ($0.name, cell($0.value)) }
        case .hashtable(let h): return h.entries.map { (Conversion.toString($0.key), cell($0.value)) }
        default: return SelectObjectCommand.properties(of: value).map { ($0.0, cell($0.1)) }
        }
    }

    static func cell(_ value: Value) -> String {
        switch value {
        case .array: return "System.Object[]"
        case .bytes: return "System.Byte[]"
        default: return Conversion.toString(value)
        }
    }

    /// Turns rows into CSV lines: a header from the first object, then one line per object.
    final class Writer {
        let delimiter: Character
        let mode: QuoteMode
        var header: [String]?
        let typeInformation: Bool
        let writeHeader: Bool

        init(delimiter: Character, mode: QuoteMode, header: [String]? = nil, typeInformation: Bool = false, writeHeader: Bool = true) {
            self.delimiter = delimiter; self.mode = mode; self.header = header
            self.typeInformation = typeInformation; self.writeHeader = writeHeader
        }

        func lines(for value: Value) -> [String] {
            let cols = columns(of: value)
            var out: [String] = []
            if header == nil {
                header = cols.map(\.0)
                if typeInformation { out.append("#TYPE " + typeName(value)) }
                if writeHeader { out.append(line(header!, delimiter: delimiter, mode: mode)) }
            }
            let lookup = Dictionary(cols.map { ($0.0.lowercased(), $0.1) }, uniquingKeysWith: { a, _ in a })
            out.append(line(header!.map { lookup[$0.lowercased()] ?? "" }, delimiter: delimiter, mode: mode))
            return out
        }

        private func typeName(_ v: Value) -> String {
            if case .object(let o) = v { return o.typeName }
            return Conversion.typeName(of: v)
        }
    }

    /// Reads CSV text fed line by line and produces objects once a record is complete.
    final class Reader {
        private enum State { case fieldStart, unquoted, quoted, quoteInQuoted }
        let delimiter: Character
        private(set) var header: [String]?
        private var typeName: String?
        private var fields: [String] = []
        private var field = ""
        private var state = State.fieldStart
        private var started = false

        init(delimiter: Character, header: [String]? = nil) {
            self.delimiter = delimiter
            self.header = header.map(Self.fixHeader)
        }

        /// Feeds one line; returns the object its record completes, if any.
        func feed(_ line: String) -> Value? {
            if state == .quoted {
                field.append("\n")
            } else {
                if !started, typeName == nil, line.hasPrefix("#TYPE ") {
                    typeName = String(line.dropFirst(6)).trimmingCharacters(in: .whitespaces)
                    return nil
                }
                if line.isEmpty { return nil }
            }
            started = true
            for c in line {
                switch state {
                case .fieldStart:
                    if c == "\"" { state = .quoted } else if c == delimiter { endField() } else { field.append(c); state = .unquoted }
                case .unquoted:
                    if c == delimiter { endField() } else { field.append(c) }
                case .quoted:
                    if c == "\"" { state = .quoteInQuoted } else { field.append(c) }
                case .quoteInQuoted:
                    if c == "\"" { field.append(c); state = .quoted }
                    else if c == delimiter { endField() }
                    else { field.append(c); state = .unquoted }
                }
            }
            if state == .quoted { return nil }
            return endRecord()
        }

        private func endField() { fields.append(field); field = ""; state = .fieldStart }

        private func endRecord() -> Value? {
            endField()
            let values = fields
            fields = []
            guard let header else { self.header = Self.fixHeader(values); return nil }
            return .object(record(header, values))
        }

        /// What is left when the input ends inside a quoted field.
        func finish() -> Value? {
            guard state == .quoted else { return nil }
            return endRecord()
        }

        private func record(_ header: [String], _ values: [String]) -> PSObject {
            let names = typeName.map { ["CSV:" + $0, PSObject.customObjectTypeName, "System.Object"] }
                ?? [PSObject.customObjectTypeName, "System.Object"]
            let o = PSObject(typeNames: names)
            for (i, name) in header.enumerated() { o[name] = i < values.count ? .string(values[i]) : .null }
            return o
        }

        /// Blank header names become H1, H2... as pwsh names them.
        static func fixHeader(_ names: [String]) -> [String] {
            names.enumerated().map { $0.element.isEmpty ? "H\($0.offset + 1)" : $0.element }
        }

        /// A duplicate header name, which pwsh refuses.
        var duplicateHeader: String? {
            guard let header else { return nil }
            var seen = Set<String>()
            for h in header where !seen.insert(h.lowercased()).inserted { return h }
            return nil
        }
    }

    static func delimiter(_ context: CommandContext) -> Character {
        if context.parameters.isSet("UseCulture") { return "," }
        return context.parameters.string("Delimiter")?.first ?? ","
    }

    static func quoteMode(_ context: CommandContext) -> QuoteMode {
        context.parameters.string("UseQuotes").flatMap { m in [QuoteMode.always, .asNeeded, .never].first { $0.rawValue.lowercased() == m.lowercased() } } ?? .always
    }

    static let useQuotes = PSType.enumeration(name: "Microsoft.PowerShell.Commands.BaseCsvWritingCommand+QuoteKind", values: ["Never", "Always", "AsNeeded"])
}
