import Foundation

/// One entry point for .NET formatting: `value.ToString(format)` and composite format strings
/// (`'{0,-10} {1:N2}' -f $a, $b`, `[string]::Format`). The runtime's `-f` operator calls `composite`.
public enum DotNetFormat {
    /// `value.ToString(format)` for numbers, dates, time spans and guids; nil when the value
    /// has no format-aware ToString (the caller then uses its plain string form).
    public static func format(_ value: Value, _ format: String?) throws -> String? {
        do {
            switch value {
            case .int(let i): return try DotNetNumberFormat.format(i, format)
            case .double(let d): return try DotNetNumberFormat.format(d, format)
            case .bool(let b) where format == nil: return b ? "True" : "False"
            case .date(let d): return DotNetDateFormat.format(d, format)
            case .timeSpan(let t): return try timeSpan(t, format)
            case .guid(let g): return try guid(g, format)
            default: return nil
            }
        } catch let e as DotNetNumberFormat.FormatError {
            throw ErrorRecord(message: e.message, errorId: "FormatException", category: .invalidArgument,
                              exceptionType: "System.FormatException")
        }
    }

    /// Composite formatting: `{index[,alignment][:format]}`, `{{` and `}}` for braces.
    /// `toString` gives an argument's text when it has no format (the runtime passes its conversion).
    public static func composite(_ format: String, _ arguments: [Value],
                                 toString: (Value) -> String = DotNetText.string) throws -> String {
        var out = ""
        var chars = Array(format)[...]
        func fail(_ why: String) -> ErrorRecord {
            ErrorRecord(message: "Error formatting a string: \(why)", errorId: "FormatError",
                        category: .invalidOperation, exceptionType: "System.FormatException")
        }
        while let c = chars.popFirst() {
            if c == "}" {
                guard chars.first == "}" else { throw fail("Input string was not in a correct format..") }
                chars.removeFirst(); out.append("}"); continue
            }
            guard c == "{" else { out.append(c); continue }
            if chars.first == "{" { chars.removeFirst(); out.append("{"); continue }
            var item = ""
            while let n = chars.popFirst(), n != "}" { item.append(n) }
            var spec: String?
            if let colon = item.firstIndex(of: ":") { spec = String(item[item.index(after: colon)...]); item = String(item[..<colon]) }
            var width = 0
            if let comma = item.firstIndex(of: ",") {
                guard let w = Int(item[item.index(after: comma)...].trimmingCharacters(in: .whitespaces)) else {
                    throw fail("Input string was not in a correct format..")
                }
                width = w; item = String(item[..<comma])
            }
            guard let index = Int(item.trimmingCharacters(in: .whitespaces)) else {
                throw fail("Input string was not in a correct format..")
            }
            guard index >= 0, index < arguments.count else {
                throw fail("Index (zero based) must be greater than or equal to zero and less than the size of the argument list..")
            }
            let arg = arguments[index]
            var text = try spec.flatMap { try self.format(arg, $0) } ?? toString(arg)
            if text.count < abs(width) {
                let padding = String(repeating: " ", count: abs(width) - text.count)
                text = width > 0 ? padding + text : text + padding
            }
            out += text
        }
        return out
    }

    /// TimeSpan.ToString: `c` (default), `g`, `G` and custom patterns such as `hh\:mm\:ss`.
    static func timeSpan(_ seconds: Double, _ format: String?) throws -> String {
        let negative = seconds < 0
        let totalTicks = Int((abs(seconds) * 10_000_000).rounded())
        let days = totalTicks / 864_000_000_000
        let hours = (totalTicks / 36_000_000_000) % 24
        let minutes = (totalTicks / 600_000_000) % 60
        let secs = (totalTicks / 10_000_000) % 60
        let ticks = totalTicks % 10_000_000
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        let frac = String(String(ticks + 10_000_000).dropFirst())
        switch format ?? "c" {
        case "c", "t", "T", "":
            return (negative ? "-" : "") + (days > 0 ? "\(days)." : "") + "\(two(hours)):\(two(minutes)):\(two(secs))"
                + (ticks > 0 ? "." + frac : "")
        case "g":
            var f = frac
            while f.hasSuffix("0") { f.removeLast() }
            return (negative ? "-" : "") + (days > 0 ? "\(days):" : "") + "\(hours):\(two(minutes)):\(two(secs))"
                + (f.isEmpty ? "" : "." + f)
        case "G":
            return (negative ? "-" : "") + "\(days):\(two(hours)):\(two(minutes)):\(two(secs)).\(frac)"
        case let custom:
            var out = ""
            let chars = Array(custom)
            var i = 0
            while i < chars.count {
                let c = chars[i]
                var n = 0
                while i + n < chars.count, chars[i + n] == c { n += 1 }
                switch c {
                case "d": out += n == 1 ? String(days) : String(repeating: "0", count: max(0, n - String(days).count)) + String(days)
                case "h": out += n == 1 ? String(hours) : two(hours)
                case "m": out += n == 1 ? String(minutes) : two(minutes)
                case "s": out += n == 1 ? String(secs) : two(secs)
                case "f": out += String(frac.prefix(n))
                case "F":
                    var f = String(frac.prefix(n)); while f.hasSuffix("0") { f.removeLast() }; out += f
                case "\\":
                    if i + 1 < chars.count { out.append(chars[i + 1]) }
                    i += 2; continue
                case "'", "\"":
                    var j = i + 1
                    while j < chars.count, chars[j] != c { out.append(chars[j]); j += 1 }
                    i = j + 1; continue
                default:
                    throw ErrorRecord(message: "Input string was not in a correct format.", errorId: "FormatException",
                                      category: .invalidArgument, exceptionType: "System.FormatException")
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
            throw ErrorRecord(message: "Format string can be only \"D\", \"d\", \"N\", \"n\", \"P\", \"p\", \"B\", \"b\", \"X\" or \"x\".",
                              errorId: "FormatException", category: .invalidArgument, exceptionType: "System.FormatException")
        }
    }
}
