// A swift-log handler appending one line per event to the service's log file (`<state>/service.log`).
// Callers never put passwords in messages or metadata; nothing here could redact them.
@preconcurrency import Glibc
import Foundation
import Logging

public struct FileLogHandler: LogHandler {
    /// One descriptor per path, shared by every handler of the process, written under a lock so lines
    /// from worker threads never interleave.
    final class Sink: @unchecked Sendable {
        let fd: Int32
        let lock = NSLock()
        init(path: String) { fd = open(path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0o600) }
        func append(_ line: String) {
            guard fd >= 0 else { return }
            lock.withLock { _ = line.withCString { write(fd, $0, strlen($0)) } }
        }
        deinit { if fd >= 0 { close(fd) } }
    }

    private let label: String
    private let sink: Sink
    public var logLevel: Logger.Level = .info
    public var metadata: Logger.Metadata = [:]

    public init(label: String, path: String) {
        self.label = label
        self.sink = Sink(path: path)
    }

    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    public func log(event: LogEvent) {
        var all = metadata
        if let extra = event.metadata { all.merge(extra) { $1 } }
        let meta = all.isEmpty ? "" : " " + all.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: " ")
        let stamp = ISO8601DateFormatter.string(from: Date(), timeZone: .gmt,
                                                formatOptions: [.withInternetDateTime, .withFractionalSeconds])
        sink.append("\(stamp) [\(getpid())] \(event.level) \(label): \(event.message)\(meta)\n")
    }

    /// A logger writing to `path`, without touching the process-wide LoggingSystem (tests run several).
    public static func logger(label: String, path: String, level: Logger.Level = .info) -> Logger {
        var logger = Logger(label: label) { FileLogHandler(label: $0, path: path) }
        logger.logLevel = level
        return logger
    }
}
