import Foundation

/// `value.ToString(format)` for the value kinds whose .NET ToString takes a format. Numbers and
/// dates go through the runtime's ValueFormatting (one formatter for `-f` and ToString);
/// time spans and guids have their own specifiers here.
enum DotNetFormat {
    static func format(_ value: Value, _ format: String?) throws -> String {
        switch value {
        case .timeSpan(let t): return try timeSpan(t, format)
        case .guid(let g): return try guid(g, format)
        // double.ToString() without a format gives the shortest round-trip digits in .NET Core 3+.
        case .double(let d) where format?.isEmpty ?? true: return NumberFormatting.format(d)
        default: return try ValueFormatting.format(value, spec: format)
        }
    }

    static func formatException(_ message: String) -> ErrorRecord {
        ErrorRecord(message: message, errorId: "FormatException", category: .invalidArgument,
                    exceptionType: "System.FormatException")
    }

    /// TimeSpan.ToString: `c` (default), `g`, `G` and custom patterns such as `hh\:mm\:ss`.
    static func timeSpan(_ seconds: Double, _ format: String?) throws -> String {
        let negative = seconds < 0
        let totalTicks = Int((abs(seconds) * 10_000_000).rounded())
        let days = totalTicks / 864_000_000_000
        let hours = (totalTicks / 36_000_000_000) % 24
        let minutes = (totalTicks / 600_000_000) % 60
        let secs = (totalTicks / 10_000_000) % 60
        let frac = String(String(totalTicks % 10_000_000 + 10_000_000).dropFirst())
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        func trimmed(_ f: String) -> String { var f = f; while f.hasSuffix("0") { f.removeLast() }; return f }
        let sign = negative ? "-" : ""
        switch format ?? "c" {
        case "c", "t", "T", "": return DateConversion.timeSpanString(seconds)
        case "g":
            let f = trimmed(frac)
            return sign + (days > 0 ? "\(days):" : "") + "\(hours):\(two(minutes)):\(two(secs))" + (f.isEmpty ? "" : "." + f)
        case "G": return sign + "\(days):\(two(hours)):\(two(minutes)):\(two(secs)).\(frac)"
        case let custom:
            var out = ""
            let chars = Array(custom)
            var i = 0
            while i < chars.count {
                let c = chars[i]
                var n = 0
                while i + n < chars.count, chars[i + n] == c { n += 1 }
                switch c {
                case "d": out += String(repeating: "0", count: max(0, n - String(days).count)) + String(days)
                case "h": out += n == 1 ? String(hours) : two(hours)
                case "m": out += n == 1 ? String(minutes) : two(minutes)
                case "s": out += n == 1 ? String(secs) : two(secs)
                case "f": out += String(frac.prefix(n))
                case "F": out += trimmed(String(frac.prefix(n)))
                case "\\":
                    if i + 1 < chars.count { out.append(chars[i + 1]) }
                    i += 2; continue
                case "'", "\"":
                    var j = i + 1
                    while j < chars.count, chars[j] != c { out.append(chars[j]); j += 1 }
                    i = j + 1; continue
                default: throw formatException("Input string was not in a correct format.")
                }
                i += n
            }
            return out
        }
    }

    /// Guid.ToString: `D` (default), `N`, `B`, `P`.
    static func guid(_ g: UUID, _ format: String?) throws -> String {
        let d = g.uuidString.lowercased()
        switch format ?? "D" {
        case "D", "d", "": return d
        case "N", "n": return d.replacingOccurrences(of: "-", with: "")
        case "B", "b": return "{" + d + "}"
        case "P", "p": return "(" + d + ")"
        default:
            throw formatException("Format string can be only \"D\", \"d\", \"N\", \"n\", \"P\", \"p\", \"B\", \"b\", \"X\" or \"x\".")
        }
    }
}
