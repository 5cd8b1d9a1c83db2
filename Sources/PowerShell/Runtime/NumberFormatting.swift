/// Numbers as .NET prints and parses them with the invariant culture.
public enum NumberFormatting {
    /// `double.ToString()` in .NET Core 3+: the shortest round-trip digits, scientific
    /// notation (`1E+15`, `1E-05`) from exponent 15 up and below -4.
    public static func format(_ d: Double) -> String {
        if let special = specialText(d) { return special }
        let (digits, exponent) = shortestDigits(abs(d))
        return layout(digits: digits, exponent: exponent, negative: d < 0)
    }

    /// PowerShell's own string form of a double (LanguagePrimitives uses "G15" with the
    /// invariant culture): at most 15 significant digits, so `0.1+0.2` shows `0.3` and
    /// `1/3` shows `0.333333333333333`; E notation from exponent 15 up and below -4.
    public static func formatG15(_ d: Double) -> String {
        if let special = specialText(d) { return special }
        let (digits, exponent) = roundedDigits(abs(d), significant: 15)
        return layout(digits: digits, exponent: exponent, negative: d < 0)
    }

    private static func specialText(_ d: Double) -> String? {
        if d.isNaN { return "NaN" }
        if d.isInfinite { return d < 0 ? "-Infinity" : "Infinity" }
        if d == 0 { return d.sign == .minus ? "-0" : "0" }
        return nil
    }

    /// The value rounded to `significant` digits (printf rounds the exact binary value,
    /// as .NET does), trailing zeros dropped.
    static func roundedDigits(_ d: Double, significant: Int) -> (String, Int) {
        let text = String(format: "%.\(significant - 1)e", d)   // "3.33333333333333e-01"
        let parts = text.split(separator: "e", maxSplits: 1)
        var digits = parts[0].replacingOccurrences(of: ".", with: "")
        while digits.hasSuffix("0") && digits.count > 1 { digits.removeLast() }
        return (digits, parts.count > 1 ? Int(parts[1]) ?? 0 : 0)
    }

    /// .NET's general format: fixed notation for exponents -5 < e < 15, else `d.dddE+XX`.
    static func layout(digits: String, exponent: Int, negative: Bool) -> String {
        let sign = negative ? "-" : ""
        if exponent >= 15 || exponent < -4 {
            var mantissa = String(digits.first!)
            if digits.count > 1 { mantissa += "." + digits.dropFirst() }
            let expDigits = String(abs(exponent))
            return sign + mantissa + "E" + (exponent < 0 ? "-" : "+") + (expDigits.count < 2 ? "0" + expDigits : expDigits)
        }
        return sign + plain(digits: digits, exponent: exponent)
    }

    /// Digits `d1d2…dn` and exponent e such that the value is d1.d2…dn × 10^e.
    static func shortestDigits(_ d: Double) -> (String, Int) {
        let text = d.description.lowercased()
        let parts = text.split(separator: "e", maxSplits: 1)
        var exponent = parts.count > 1 ? Int(parts[1])! : 0
        let mantissa = String(parts[0])
        let dot = mantissa.firstIndex(of: ".")
        let intPart = dot.map { String(mantissa[..<$0]) } ?? mantissa
        let fracPart = dot.map { String(mantissa[mantissa.index(after: $0)...]) } ?? ""
        var all = intPart + fracPart
        exponent += intPart.count - 1
        while all.hasPrefix("0") && all.count > 1 { all.removeFirst(); exponent -= 1 }
        while all.hasSuffix("0") && all.count > 1 { all.removeLast() }
        return (all, exponent)
    }

    static func plain(digits: String, exponent: Int) -> String {
        if exponent < 0 {
            return "0." + String(repeating: "0", count: -exponent - 1) + digits
        }
        let intCount = exponent + 1
        if digits.count <= intCount {
            return digits + String(repeating: "0", count: intCount - digits.count)
        }
        let i = digits.index(digits.startIndex, offsetBy: intCount)
        return String(digits[..<i]) + "." + String(digits[i...])
    }

    /// A number from text as PowerShell's conversions read it: surrounding blanks allowed,
    /// integers (decimal or `0x` hex) stay integers, anything else numeric is a double.
    /// An empty string is 0. Nil when the text is not a number.
    public static func parse(_ text: String) -> Value? {
        let s = text.trimmingCharacters(in: .whitespacesAndNewlines)
        if s.isEmpty { return .int(0) }
        var body = Substring(s)
        var negative = false
        if let f = body.first, f == "-" || f == "+" || f == "\u{2013}" || f == "\u{2014}" {
            negative = f != "+"
            body = body.dropFirst()
        }
        if body.lowercased().hasPrefix("0x") {
            guard let v = UInt64(body.dropFirst(2), radix: 16) else { return nil }
            let i = Int(bitPattern: UInt(v))
            return .int(negative ? -i : i)
        }
        if !body.isEmpty, body.allSatisfy({ $0.isASCII && $0.isNumber }) {
            if let i = Int(body) { return .int(negative ? -i : i) }
        }
        guard body.allSatisfy({ $0.isASCII && ($0.isNumber || "eE.+-".contains($0)) }),
              body.contains(where: { $0.isNumber }), let d = Double(body) else {
            let lower = body.lowercased()
            if lower == "infinity" { return .double(negative ? -.infinity : .infinity) }
            if lower == "nan" { return .double(.nan) }
            return nil
        }
        return .double(negative ? -d : d)
    }

    /// The .NET FormatException text for a string that is not a number.
    public static func formatErrorText(_ text: String) -> String {
        "The input string '\(text)' was not in a correct format."
    }
}

import Foundation
