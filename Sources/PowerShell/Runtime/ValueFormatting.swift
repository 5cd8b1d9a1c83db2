import Foundation

/// .NET composite formatting (`'{0,-10} {1:N2}' -f …`) and format specifiers for numbers
/// and dates (`.ToString('yyyy-MM-dd')`), invariant culture.
public enum ValueFormatting {
    /// `format -f args`. Throws pwsh's `Error formatting a string: …` error.
    public static func composite(_ format: String, _ args: [Value]) throws -> String {
        let chars = Array(format)
        var out = ""
        var i = 0
        while i < chars.count {
            let c = chars[i]
            if c == "}" {
                if i + 1 < chars.count, chars[i + 1] == "}" { out.append("}"); i += 2; continue }
                throw formatError("Input string was not in a correct format.")
            }
            guard c == "{" else { out.append(c); i += 1; continue }
            if i + 1 < chars.count, chars[i + 1] == "{" { out.append("{"); i += 2; continue }
            guard let close = chars[(i + 1)...].firstIndex(of: "}") else {
                throw formatError("Input string was not in a correct format.")
            }
            let item = String(chars[(i + 1)..<close])
            var spec: String? = nil
            var head = item
            if let colon = item.firstIndex(of: ":") {
                spec = String(item[item.index(after: colon)...])
                head = String(item[..<colon])
            }
            var alignment = 0
            var indexText = head
            if let comma = head.firstIndex(of: ",") {
                indexText = String(head[..<comma])
                guard let a = Int(head[head.index(after: comma)...].trimmingCharacters(in: .whitespaces)) else {
                    throw formatError("Input string was not in a correct format.")
                }
                alignment = a
            }
            guard let index = Int(indexText.trimmingCharacters(in: .whitespaces)) else {
                throw formatError("Input string was not in a correct format.")
            }
            guard index >= 0, index < args.count else {
                throw formatError("Index (zero based) must be greater than or equal to zero and less than the size of the argument list.")
            }
            var text = try ValueFormatting.format(args[index], spec: spec)
            let width = abs(alignment)
            if text.count < width {
                let pad = String(repeating: " ", count: width - text.count)
                text = alignment < 0 ? text + pad : pad + text
            }
            out += text
            i = close + 1
        }
        return out
    }

    static func formatError(_ inner: String) -> ErrorRecord {
        ErrorRecord(message: "Error formatting a string: \(inner).", errorId: "FormatError", category: .invalidOperation,
                    exceptionType: "System.FormatException")
    }

    /// One value with an optional format specifier, as `value.ToString(spec)`.
    public static func format(_ value: Value, spec: String?) throws -> String {
        guard let spec, !spec.isEmpty else { return Conversion.toString(value) }
        switch value {
        case .int(let i): return try formatNumber(Double(i), isInteger: true, integer: i, spec: spec)
        case .double(let d): return try formatNumber(d, isInteger: false, integer: 0, spec: spec)
        case .date(let d): return formatDate(d, spec: spec)
        case .timeSpan(let t):
            if spec == "c" || spec == "g" || spec == "G" { return DateConversion.timeSpanString(t) }
            return DateConversion.timeSpanString(t)
        default: return Conversion.toString(value)
        }
    }

    // MARK: - Numbers

    public static func formatNumber(_ d: Double, isInteger: Bool, integer: Int, spec: String) throws -> String {
        let first = spec.first!
        let rest = spec.dropFirst()
        let precision = rest.isEmpty ? nil : Int(rest)
        let standard = rest.isEmpty || precision != nil
        if standard {
            switch first {
            case "N", "n": return grouped(d, decimals: precision ?? 2)
            case "F", "f": return fixed(d, decimals: precision ?? 2)
            case "D", "d":
                guard isInteger else { throw formatError("Format specifier was invalid.") }
                let digits = String(abs(integer))
                let padded = String(repeating: "0", count: max(0, (precision ?? 0) - digits.count)) + digits
                return (integer < 0 ? "-" : "") + padded
            case "X", "x":
                guard isInteger else { throw formatError("Format specifier was invalid.") }
                var hex = String(UInt64(bitPattern: Int64(integer)), radix: 16)
                if Int32(exactly: integer) != nil, integer < 0 { hex = String(UInt32(bitPattern: Int32(integer)), radix: 16) }
                if first == "X" { hex = hex.uppercased() }
                return String(repeating: "0", count: max(0, (precision ?? 0) - hex.count)) + hex
            case "P", "p": return grouped(d * 100, decimals: precision ?? 2) + " %"
            case "E", "e": return exponential(d, decimals: precision ?? 6, upper: first == "E")
            case "C", "c": return (d < 0 ? "-" : "") + "¤" + grouped(abs(d), decimals: precision ?? 2)
            case "G", "g", "R", "r":
                if let p = precision, p > 0, !isInteger {
                    return NumberFormatting.format(Double(String(format: "%.\(p)g", d)) ?? d)
                }
                return isInteger ? String(integer) : NumberFormatting.format(d)
            default: break
            }
        }
        return custom(d, pattern: spec)
    }

    static func fixed(_ d: Double, decimals: Int) -> String {
        let rounded = roundAwayFromZero(d, decimals: decimals)
        var s = String(format: "%.\(decimals)f", rounded)
        if s.hasPrefix("-"), Double(s) == 0 { s.removeFirst() }
        return s
    }

    /// .NET rounds midpoints away from zero in format strings.
    static func roundAwayFromZero(_ d: Double, decimals: Int) -> Double {
        let factor = pow(10.0, Double(decimals))
        let scaled = (d * factor)
        guard scaled.isFinite, abs(scaled) < 1e17 else { return d }
        // Nudge by the representation error so 2.675 (stored as 2.67499…) rounds as written.
        let corrected = Double(NumberFormatting.format(scaled)) ?? scaled
        return corrected.rounded(.toNearestOrAwayFromZero) / factor
    }

    static func grouped(_ d: Double, decimals: Int) -> String {
        let text = fixed(d, decimals: decimals)
        var sign = ""
        var body = Substring(text)
        if body.hasPrefix("-") { sign = "-"; body = body.dropFirst() }
        let parts = body.split(separator: ".", maxSplits: 1)
        let intPart = String(parts[0])
        var groupedInt = ""
        for (n, ch) in intPart.enumerated() {
            if n > 0 && (intPart.count - n) % 3 == 0 { groupedInt.append(",") }
            groupedInt.append(ch)
        }
        return sign + groupedInt + (parts.count > 1 ? "." + parts[1] : "")
    }

    static func exponential(_ d: Double, decimals: Int, upper: Bool) -> String {
        let s = String(format: "%.\(decimals)e", d)
        let pieces = s.split(separator: "e")
        guard pieces.count == 2, let exp = Int(pieces[1]) else { return s }
        let expDigits = String(abs(exp))
        return String(pieces[0]) + (upper ? "E" : "e") + (exp < 0 ? "-" : "+") + String(repeating: "0", count: max(0, 3 - expDigits.count)) + expDigits
    }

    /// Custom numeric patterns: `0` digit, `#` optional digit, `.` point, `,` grouping, `%` percent,
    /// quoted literals; `;` sections (positive;negative;zero).
    static func custom(_ value: Double, pattern: String) -> String {
        let sections = pattern.split(separator: ";", omittingEmptySubsequences: false).map(String.init)
        var d = value
        var pat = sections[0]
        var forceNoSign = false
        if sections.count > 1 && d < 0 { pat = sections[1]; d = -d; forceNoSign = true }
        if sections.count > 2 && d == 0 { pat = sections[2] }
        if pat.contains("%") { d *= 100 }
        var intPattern = "", fracPattern = "", prefix = "", suffix = ""
        var seenDigit = false, seenPoint = false
        var literal = ""
        var quote: Character? = nil
        for ch in pat {
            if let q = quote { if ch == q { quote = nil } else { literal.append(ch) }; continue }
            if ch == "'" || ch == "\"" { quote = ch; continue }
            if "0#".contains(ch) || (ch == "," && seenDigit && !seenPoint) {
                if !seenDigit { prefix += literal; literal = "" }
                seenDigit = true
                if seenPoint { fracPattern.append(ch) } else { intPattern.append(ch) }
            } else if ch == "." && !seenPoint {
                if !seenDigit { prefix += literal; literal = "" }
                seenPoint = true; seenDigit = true
            } else {
                literal.append(ch)
            }
        }
        suffix = literal
        let grouping = intPattern.contains(",")
        let minInt = intPattern.filter { $0 == "0" }.count
        let minFrac = fracPattern.filter { $0 == "0" }.count
        let maxFrac = fracPattern.count
        let rounded = roundAwayFromZero(abs(d), decimals: maxFrac)
        var text = String(format: "%.\(maxFrac)f", rounded)
        var intDigits = String(text.prefix { $0 != "." })
        var fracDigits = text.contains(".") ? String(text.split(separator: ".")[1]) : ""
        while fracDigits.count > minFrac, fracDigits.hasSuffix("0") { fracDigits.removeLast() }
        if intDigits == "0" && minInt == 0 { intDigits = "" }
        if intDigits.count < minInt { intDigits = String(repeating: "0", count: minInt - intDigits.count) + intDigits }
        if grouping && intDigits.count > 3 {
            var g = ""
            for (n, ch) in intDigits.enumerated() {
                if n > 0 && (intDigits.count - n) % 3 == 0 { g.append(",") }
                g.append(ch)
            }
            intDigits = g
        }
        text = intDigits + (fracDigits.isEmpty ? "" : "." + fracDigits)
        let negative = d < 0 && !forceNoSign && rounded != 0
        return (negative ? "-" : "") + prefix + text + suffix
    }
}
