// The service's logger: swift-log into `<state>/service.log`. Messages name users and batches, never a
// password (the service never reads one itself; UserMigration does, and does not log).
import Logging

struct ServiceLog: Sendable {
    let logger: Logger
    init(path: String) { logger = FileLogHandler.logger(label: "migsh.service", path: path) }
    func info(_ text: String) { logger.info("\(text)") }
    func error(_ text: String) { logger.error("\(text)") }
}
