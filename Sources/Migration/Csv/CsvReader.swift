/// A small RFC 4180 reader over UTF-8 bytes: quoted fields may hold commas, doubled quotes and
/// line breaks; records end with LF, CRLF or CR; blank lines are skipped. It is lenient about a
/// stray quote inside an unquoted field (kept as text), like spreadsheet exports expect.
struct CsvReader {
    struct Record {
        /// File line (1-based) where the record starts.
        var line: Int
        var fields: [String]
    }

    enum Failure: Error, Equatable {
        case unterminatedQuote(line: Int)
    }

    /// Reads at most `maxRecords` records (the caller's row limit plus one to detect overflow).
    static func read(_ bytes: [UInt8], maxRecords: Int) throws(Failure) -> [Record] {
        let quote = UInt8(ascii: "\""), comma = UInt8(ascii: ","), cr = UInt8(ascii: "\r"), lf = UInt8(ascii: "\n")
        var records: [Record] = []
        var fields: [String] = []
        var field: [UInt8] = []
        field.reserveCapacity(128)
        var inQuotes = false, wasQuoted = false
        var line = 1, recordLine = 1
        var i = 0
        let n = bytes.count

        func endField() {
            fields.append(String(decoding: field, as: UTF8.self))
            field.removeAll(keepingCapacity: true)
            wasQuoted = false
        }
        func endRecord() {
            let blank = fields.isEmpty && field.isEmpty && !wasQuoted
            if !blank {
                endField()
                records.append(Record(line: recordLine, fields: fields))
            }
            fields = []
            field.removeAll(keepingCapacity: true)
            wasQuoted = false
        }

        while i < n && records.count < maxRecords {
            let b = bytes[i]
            if inQuotes {
                if b == quote {
                    if i + 1 < n && bytes[i + 1] == quote { field.append(quote); i += 2; continue }
                    inQuotes = false
                } else {
                    if b == lf || (b == cr && !(i + 1 < n && bytes[i + 1] == lf)) { line += 1 }
                    field.append(b)
                }
                i += 1
                continue
            }
            switch b {
            case quote where field.isEmpty && !wasQuoted:
                inQuotes = true
                wasQuoted = true
            case comma:
                endField()
            case cr, lf:
                if b == cr && i + 1 < n && bytes[i + 1] == lf { i += 1 }
                endRecord()
                line += 1
                recordLine = line
            default:
                field.append(b)
            }
            i += 1
        }
        if inQuotes { throw .unterminatedQuote(line: recordLine) }
        if records.count < maxRecords { endRecord() }
        return records
    }

    /// Turns the file's bytes into UTF-8 without a BOM. UTF-16 needs its BOM; nil if not text.
    static func utf8Text(_ data: [UInt8]) -> [UInt8]? {
        if data.starts(with: [0xEF, 0xBB, 0xBF]) {
            let rest = Array(data.dropFirst(3))
            return String(validating: rest, as: UTF8.self) == nil ? nil : rest
        }
        if data.starts(with: [0xFF, 0xFE]) || data.starts(with: [0xFE, 0xFF]) {
            let littleEndian = data[0] == 0xFF
            let body = data.dropFirst(2)
            guard body.count % 2 == 0 else { return nil }
            var units: [UInt16] = []
            units.reserveCapacity(body.count / 2)
            var idx = body.startIndex
            while idx < body.endIndex {
                let a = UInt16(body[idx]), b = UInt16(body[idx + 1])
                units.append(littleEndian ? a | b << 8 : a << 8 | b)
                idx += 2
            }
            guard let s = String(validating: units, as: UTF16.self) else { return nil }
            return Array(s.utf8)
        }
        return String(validating: data, as: UTF8.self) == nil ? nil : data
    }
}
