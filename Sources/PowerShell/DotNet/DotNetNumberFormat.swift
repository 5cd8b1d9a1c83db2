import Foundation

/// .NET numeric format strings (`N2`, `D3`, `P`, `X8`, `F`, `0.00`, `#,##0`), as `ToString(fmt)`,
/// `-f` and Get-Date's neighbours use them. Culture: en-US, what runbooks were written against.
public enum DotNetNumberFormat {
    public struct FormatError: Error { public let message: String }

    /// Formats an integer with a .NET format string; nil/empty format is the plain form.
    public static func format(_ value: Int, _ format: String?) throws -> String {
        guard let format, !format.isEmpty else { return String(value) }
        if let (letter, precision) = standardSpecifier(format) {
            switch letter {
            case "D": return signed(value < 0, zeroPad(String(value.magnitude), precision ?? 0))
            case "X":
                let bits = value < 0 && value >= Int(Int32.min) ? UInt64(UInt32(bitPattern: Int32(value)))
                    : UInt64(bitPattern: Int64(value))
                let hex = String(bits, radix: 16, uppercase: format.first == "X")
                return zeroPad(hex, precision ?? 0)
            case "G", "R":
                if let p = precision { return generalFormat(Double(value), p) }
                return String(value)
            default: return try formatDouble(Double(value), letter: letter, precision: precision, original: format)
            }
        }
        return customFormat(Double(value), format)
    }

    /// Formats a double with a .NET format string; nil/empty format is .NET's shortest round-trip form.
    public static func format(_ value: Double, _ format: String?) throws -> String {
        guard let format, !format.isEmpty else { return roundTrip(value) }
        if let (letter, precision) = standardSpecifier(format) {
            return try formatDouble(value, letter: letter, precision: precision, original: format)
        }
        return customFormat(value, format)
    }

    /// .NET Core's default double text: shortest round-trip, `E+XX` exponents.
    public static func roundTrip(_ value: Double) -> String {
        if value.isNaN { return "NaN" }
        if value.isInfinite { return value < 0 ? "-∞" : "∞" }
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        let s = "\(value)"   // Swift prints the shortest round-trip digits too
        if let e = s.firstIndex(where: { $0 == "e" || $0 == "E" }) {
            let mantissa = s[..<e], exp = Int(s[s.index(after: e)...]) ?? 0
            if exp >= -5 && exp < 15 { return plainDecimal(value) }
            return "\(mantissa)E\(exp < 0 ? "-" : "+")\(zeroPad(String(abs(exp)), 2))"
        }
        return s
    }

    /// PowerShell's string form of a double (15 significant digits, as `G15`).
    public static func powerShellString(_ value: Double) -> String {
        if value.isNaN { return "NaN" }
        if value.isInfinite { return value < 0 ? "-Infinity" : "Infinity" }
        return generalFormat(value, 15)
    }

    // MARK: - Standard specifiers

    private static func standardSpecifier(_ format: String) -> (Character, Int?)? {
        guard let first = format.first, first.isLetter, format.count <= 3 else { return nil }
        let rest = format.dropFirst()
        guard rest.allSatisfy(\.isNumber) else { return nil }
        return (Character(first.uppercased()), rest.isEmpty ? nil : Int(rest))
    }

    private static func formatDouble(_ value: Double, letter: Character, precision: Int?, original: String) throws -> String {
        switch letter {
        case "F": return fixed(value, precision ?? 2, grouping: false)
        case "N": return fixed(value, precision ?? 2, grouping: true)
        case "P": return fixed(value * 100, precision ?? 2, grouping: true) + "%"
        case "C":
            let body = fixed(abs(value), precision ?? 2, grouping: true)
            return (value < 0 ? "-$" : "$") + body
        case "E":
            return exponential(value, precision ?? 6, upper: original.first == "E", expDigits: 3)
        case "G": return precision.map { generalFormat(value, $0) } ?? roundTrip(value)
        case "R": return roundTrip(value)
        case "D", "X":
            guard value == value.rounded(), abs(value) < 9.2e18 else {
                throw FormatError(message: "Format specifier was invalid.")
            }
            return try format(Int(value), original)
        default: throw FormatError(message: "Format specifier was invalid.")
        }
    }

    private static func generalFormat(_ value: Double, _ precision: Int) -> String {
        let p = precision == 0 ? 15 : precision
        if value == 0 { return "0" }
        // Round first: the exponent can move up (9.99 -> 10).
        let rounded = Double(String(format: "%.\(p - 1)e", value)) ?? value
        let e = rounded == 0 ? 0 : Int(floor(log10(abs(rounded))))
        if e >= -5 && e < p {
            var s = String(format: "%.\(max(0, p - 1 - e))f", rounded)
            if s.contains(".") { while s.hasSuffix("0") { s.removeLast() }; if s.hasSuffix(".") { s.removeLast() } }
            return s
        }
        var m = String(format: "%.\(p - 1)e", value)
        let parts = m.split(separator: "e")
        var mantissa = String(parts[0])
        if mantissa.contains(".") { while mantissa.hasSuffix("0") { mantissa.removeLast() }; if mantissa.hasSuffix(".") { mantissa.removeLast() } }
        let ev = Int(parts[1]) ?? 0
        m = mantissa + "E" + (ev < 0 ? "-" : "+") + zeroPad(String(abs(ev)), 2)
        return m
    }

    private static func exponential(_ value: Double, _ precision: Int, upper: Bool, expDigits: Int) -> String {
        let s = String(format: "%.\(precision)e", value)
        let parts = s.split(separator: "e")
        let ev = Int(parts[1]) ?? 0
        return String(parts[0]) + (upper ? "E" : "e") + (ev < 0 ? "-" : "+") + zeroPad(String(abs(ev)), expDigits)
    }

    /// Fixed-point text with midpoints rounded away from zero, as .NET formatting does.
    static func fixed(_ value: Double, _ decimals: Int, grouping: Bool) -> String {
        let (negative, intPart, frac) = roundedDigits(value, decimals)
        let ip = grouping ? group(intPart) : intPart
        let body = decimals > 0 ? ip + "." + frac : ip
        return signed(negative && (intPart.contains { $0 != "0" } || frac.contains { $0 != "0" }), body)
    }

    /// Decimal digits of |value| rounded half away from zero to `decimals` places.
    static func roundedDigits(_ value: Double, _ decimals: Int) -> (negative: Bool, int: String, frac: String) {
        let negative = value < 0
        let exact = String(format: "%.\(min(decimals + 30, 340))f", abs(value))
        let dot = exact.firstIndex(of: ".")!
        var digits = Array(exact[..<dot]) + Array(exact[exact.index(after: dot)...])
        let intCount = exact.distance(from: exact.startIndex, to: dot)
        let keep = intCount + decimals
        let roundUp = digits.count > keep && digits[keep] >= "5"
        digits = Array(digits.prefix(keep))
        if roundUp {
            var i = digits.count - 1
            while i >= 0 {
                if digits[i] == "9" { digits[i] = "0"; i -= 1 } else {
                    digits[i] = Character(UnicodeScalar(digits[i].asciiValue! + 1)); break
                }
            }
            if i < 0 { digits.insert("1", at: 0) }
        }
        let intLen = digits.count - decimals
        var intPart = String(digits.prefix(intLen))
        if intPart.isEmpty { intPart = "0" }
        return (negative, intPart, String(digits.suffix(decimals)))
    }

    private static func group(_ digits: String) -> String {
        var out: [Character] = []
        for (i, c) in digits.reversed().enumerated() {
            if i > 0 && i % 3 == 0 { out.append(",") }
            out.append(c)
        }
        return String(out.reversed())
    }

    private static func zeroPad(_ s: String, _ width: Int) -> String {
        s.count >= width ? s : String(repeating: "0", count: width - s.count) + s
    }

    private static func signed(_ negative: Bool, _ body: String) -> String { negative ? "-" + body : body }

    private static func plainDecimal(_ value: Double) -> String {
        var s = String(format: "%.17f", value)
        // Trim to the shortest form that still round-trips.
        for digits in 0...17 {
            let candidate = String(format: "%.\(digits)f", value)
            if Double(candidate) == value { s = candidate; break }
        }
        return s
    }

    // MARK: - Custom formats ("0.00", "#,##0", "0.0%", "000")

    private static func customFormat(_ value: Double, _ format: String) -> String {
        let sections = splitSections(format)
        var v = value
        var section = sections[0]
        if value < 0, sections.count > 1, !sections[1].isEmpty { section = sections[1]; v = -value }
        else if value == 0, sections.count > 2 { section = sections[2] }
        return applyCustom(v, section, implicitMinus: section == sections[0] || sections.count < 2)
    }

    private static func splitSections(_ format: String) -> [String] {
        var sections: [String] = [], cur = "", quote: Character? = nil, escape = false
        for c in format {
            if escape { cur.append(c); escape = false; continue }
            if let q = quote { cur.append(c); if c == q { quote = nil }; continue }
            if c == "\\" { cur.append(c); escape = true } else if c == "'" || c == "\"" { quote = c; cur.append(c) }
            else if c == ";" { sections.append(cur); cur = "" } else { cur.append(c) }
        }
        sections.append(cur)
        return sections
    }

    private enum Piece { case literal(String), digits }

    private static func applyCustom(_ input: Double, _ section: String, implicitMinus: Bool) -> String {
        var value = input
        var prefix = "", suffix = "", seenDigits = false, afterDot = false
        var intZeros = 0, fracZeros = 0, fracMax = 0, grouping = false, lastWasPlaceholder = false
        var zeroSeen = false
        var chars = Array(section)[...]
        while let c = chars.popFirst() {
            var literal: String?
            switch c {
            case "0", "#":
                seenDigits = true; lastWasPlaceholder = true
                if afterDot { fracMax += 1; if c == "0" { fracZeros = fracMax } }
                else if c == "0" || zeroSeen { zeroSeen = true; intZeros += 1 }
                continue
            case ".": afterDot = true; seenDigits = true; continue
            case ",":
                if lastWasPlaceholder && !afterDot, let n = chars.first, n == "0" || n == "#" { grouping = true }
                continue
            case "%": value *= 100; literal = "%"
            case "\\": literal = chars.popFirst().map { String($0) } ?? ""
            case "'", "\"":
                var s = ""
                while let n = chars.popFirst(), n != c { s.append(n) }
                literal = s
            default: literal = String(c)
            }
            lastWasPlaceholder = false
            if let l = literal { if seenDigits { suffix += l } else { prefix += l } }
        }
        if !seenDigits { return prefix + suffix }
        let (negative, intPart, frac) = roundedDigits(value, fracMax)
        var fracOut = frac
        while fracOut.count > fracZeros, fracOut.hasSuffix("0") { fracOut.removeLast() }
        var ip = intPart == "0" ? "" : intPart
        if ip.count < intZeros { ip = String(repeating: "0", count: intZeros - ip.count) + ip }
        if grouping { ip = group(ip) }
        var body = ip + (fracOut.isEmpty ? "" : "." + fracOut)
        if body.isEmpty { body = "" }
        let isZero = !intPart.contains { $0 != "0" } && !frac.contains { $0 != "0" }
        let sign = negative && implicitMinus && !isZero ? "-" : ""
        return sign + prefix + body + suffix
    }
}
