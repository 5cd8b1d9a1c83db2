import Foundation

/// Windows-style script paths on Linux: `C:\Users\x.csv` (and `C:\\Users\\x.csv`) through
/// the directory named by `MIGSH_DRIVE_C` (any letter), relative paths against the current
/// location, `~` as home, and a case-insensitive match when the exact case does not exist.
struct PathResolver {
    let currentDirectory: String
    let environment: [String: String]

    func resolve(_ raw: String) throws -> String {
        var path = raw
        for prefix in ["Microsoft.PowerShell.Core\\FileSystem::", "FileSystem::"] where path.hasPrefix(prefix) {
            path = String(path.dropFirst(prefix.count))
        }
        var base = currentDirectory
        let chars = Array(path)
        if chars.count >= 2, chars[1] == ":", chars[0].isASCII, chars[0].isLetter,
           chars.count == 2 || chars[2] == "\\" || chars[2] == "/" {
            let letter = String(chars[0]).uppercased()
            let variable = "MIGSH_DRIVE_\(letter)"
            guard let root = environment[variable], !root.isEmpty else {
                throw ErrorRecord(message: "Cannot find drive. A drive with the name '\(letter)' does not exist. Set the environment variable \(variable) to the directory that stands for \(letter):\\.",
                                  errorId: "DriveNotFound", category: .objectNotFound, targetObject: .string(raw),
                                  exceptionType: "System.Management.Automation.DriveNotFoundException")
            }
            base = root
            path = String(chars.dropFirst(2))
            path = path.replacingOccurrences(of: "\\", with: "/")
            while path.hasPrefix("/") { path.removeFirst() }
        } else {
            path = path.replacingOccurrences(of: "\\", with: "/")
            if path == "~" || path.hasPrefix("~/") {
                base = environment["HOME"] ?? NSHomeDirectory()
                path = String(path.dropFirst(min(2, path.count)))
            } else if path.hasPrefix("/") {
                base = "/"
            }
        }
        var components: [String] = base.split(separator: "/").map(String.init)
        for part in path.split(separator: "/", omittingEmptySubsequences: true) {
            switch part {
            case ".": continue
            case "..": if !components.isEmpty { components.removeLast() }
            default: components.append(String(part))
            }
        }
        return caseInsensitiveMatch(components)
    }

    /// The path with each component matched case-insensitively where the exact name is missing.
    private func caseInsensitiveMatch(_ components: [String]) -> String {
        let fm = FileManager.default
        var current = ""
        var resolvedAll = true
        for component in components {
            let exact = current + "/" + component
            if !resolvedAll || fm.fileExists(atPath: exact) { current = exact; continue }
            let dir = current.isEmpty ? "/" : current
            if let entries = try? fm.contentsOfDirectory(atPath: dir),
               let match = entries.first(where: { $0.caseInsensitiveCompare(component) == .orderedSame }) {
                current = current + "/" + match
            } else {
                resolvedAll = false
                current = exact
            }
        }
        return current.isEmpty ? "/" : current
    }
}
