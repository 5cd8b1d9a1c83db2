#if canImport(Glibc)
@preconcurrency import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Where migsh keeps per-user state: `$MIGSH_HOME`, by default `~/.local/share/migsh`,
/// created private to its owner (0700). Holds `history` and `profile.ps1`.
struct StateDirectory {
    let path: String

    init(environment: [String: String]) {
        if let home = environment["MIGSH_HOME"], !home.isEmpty {
            path = home
        } else {
            let user = environment["HOME"] ?? "/tmp"
            path = user + "/.local/share/migsh"
        }
    }

    var historyFile: String { path + "/history" }
    var profileFile: String { path + "/profile.ps1" }

    /// Creates the directory (and missing parents) if needed; the directory itself gets 0700.
    @discardableResult
    func create() -> Bool {
        var built = path.hasPrefix("/") ? "" : "."
        let parts = path.split(separator: "/")
        for (i, part) in parts.enumerated() {
            built += "/" + part
            let mode: mode_t = i == parts.count - 1 ? 0o700 : 0o755
            if mkdir(built, mode) != 0 && errno != EEXIST { return false }
        }
        return true
    }

    static func fileExists(_ path: String) -> Bool { access(path, F_OK) == 0 }
}
