import Foundation

/// Runs the built migsh binary as an admin would: a script file, a state directory and a
/// C: drive of our choosing.
struct MigshProcess {
    struct Result { var stdout: String; var stderr: String; var status: Int32 }

    /// `$MIGSH_BIN`, else `migsh` beside the test bundle in the build products directory.
    static func binary() throws -> URL {
        if let path = ProcessInfo.processInfo.environment["MIGSH_BIN"], FileManager.default.isExecutableFile(atPath: path) {
            return URL(fileURLWithPath: path)
        }
        let products = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        for dir in [products, products.deletingLastPathComponent()] {
            let candidate = dir.appendingPathComponent("migsh")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        }
        throw NotFound()
    }

    struct NotFound: Error, CustomStringConvertible {
        var description: String { "migsh binary not found: build it (swift build --build-tests builds it) or set MIGSH_BIN" }
    }

    static func run(script: String, home: String, driveC: String, extraEnvironment: [String: String] = [:]) throws -> Result {
        let file = home + "-script-\(UUID().uuidString).ps1"
        try script.write(toFile: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: file) }
        let p = Process()
        p.executableURL = try binary()
        p.arguments = ["-NoProfile", "-NonInteractive", "-File", file]
        var env = ProcessInfo.processInfo.environment
        env["MIGSH_HOME"] = home
        env["MIGSH_DRIVE_C"] = driveC
        for (k, v) in extraEnvironment { env[k] = v }
        p.environment = env
        let out = Pipe(), err = Pipe()
        p.standardOutput = out
        p.standardError = err
        p.standardInput = FileHandle.nullDevice
        try p.run()
        nonisolated(unsafe) var errData = Data()
        let group = DispatchGroup()
        group.enter()
        DispatchQueue.global().async { errData = err.fileHandleForReading.readDataToEndOfFile(); group.leave() }
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        p.waitUntilExit()
        return Result(stdout: String(decoding: outData, as: UTF8.self), stderr: String(decoding: errData, as: UTF8.self),
                      status: p.terminationStatus)
    }

    /// The golden cases' C: drive (it holds the seed's IMAPmigration_1.csv).
    static var seedDriveC: String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("migshTests/Golden/migration/drive_c").path
    }
}
