import Migration

/// One process of the multi-process test: every worker creates, starts, changes, reads, stops
/// and removes its own batches while racing the others for one shared endpoint and one
/// shared batch name. It prints what it won so the test can check exactly one winner.
struct StressWorker {
    let id: Int
    let store: MigrationStore

    func run(rounds: Int) throws {
        if try won({ try store.createEndpoint(MigrationEndpoint(name: "Shared", remoteServer: "imap.contoso.com")) }) {
            print("won endpoint")
        }
        let contested = try ImapCsv.parse(Array("EmailAddress,UserName,Password\nboss-\(id)@contoso.com,boss,pw-\(id)".utf8))
        if try won({ try store.createBatch(NewBatchOptions(name: "Contested", sourceEndpoint: "Shared"), csv: contested) }) {
            print("won batch")
        }
        for round in 0..<rounds {
            let name = "W\(id)-R\(round)"
            var lines = ["EmailAddress,UserName,Password"]
            for u in 0..<20 { lines.append("u\(u)@w\(id)r\(round).contoso.com,u\(u),pw-\(id)-\(round)-\(u)") }
            let csv = try ImapCsv.parse(Array(lines.joined(separator: "\n").utf8))
            try store.createBatch(NewBatchOptions(name: name, sourceEndpoint: "shared", autoStart: round % 2 == 0), csv: csv)
            if round % 2 == 1 { try store.startBatch(name) }
            try store.setBatch(name, BatchChanges(notificationEmails: ["w\(id)@contoso.com"]))
            _ = try store.batches()
            _ = try store.users(batch: name)
            guard try store.credential(for: "u7@w\(id)r\(round).contoso.com").password == "pw-\(id)-\(round)-7" else {
                throw MigrationError.storage("worker \(id): credential mismatch in round \(round)")
            }
            try store.stopBatch(name)
            if round % 3 == 2 { try store.removeBatch(name) }
        }
        print("done")
    }

    /// True if `body` succeeded; false if another worker got there first.
    /// Any other error (a busy timeout, a corrupt file) ends the worker with a failure.
    private func won(_ body: () throws -> Any) throws -> Bool {
        do { _ = try body(); return true } catch MigrationError.endpointAlreadyExists, MigrationError.batchAlreadyExists {
            return false
        }
    }
}
