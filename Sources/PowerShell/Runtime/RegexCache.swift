import Foundation

/// Compiled .NET-style regular expressions, cached by pattern and case option:
/// scripts run the same `-match`/`-replace` pattern once per pipeline object.
public enum RegexCache {
    private static let lock = NSLock()
    nonisolated(unsafe) private static var cache: [String: NSRegularExpression] = [:]

    public static func regex(_ pattern: String, ignoreCase: Bool, multiline: Bool = false,
                             singleline: Bool = false, explicitCapture: Bool = false) throws -> NSRegularExpression {
        let key = "\(ignoreCase ? "i" : "c")\(multiline ? "m" : "")\(singleline ? "s" : "")\(explicitCapture ? "n" : "")/\(pattern)"
        lock.lock(); defer { lock.unlock() }
        if let r = cache[key] { return r }
        var options: NSRegularExpression.Options = []
        if ignoreCase { options.insert(.caseInsensitive) }
        if multiline { options.insert(.anchorsMatchLines) }
        if singleline { options.insert(.dotMatchesLineSeparators) }
        do {
            let r = try NSRegularExpression(pattern: pattern, options: options)
            if cache.count > 500 { cache.removeAll() }
            cache[key] = r
            return r
        } catch {
            throw ErrorRecord(message: "Invalid pattern '\(pattern)'. The regular expression is not valid.",
                              errorId: "InvalidRegularExpression", category: .invalidArgument,
                              targetObject: .string(pattern), exceptionType: "System.ArgumentException")
        }
    }
}
