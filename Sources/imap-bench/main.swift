// imap-bench: measures migsh's IMAP client against a server described by a test-dovecot env file.
//   imap-bench fetch ENV USER_INDEX MAILBOX MODE   MODE = pipelined | sequential | single
//     prints "messages bytes seconds"
//   imap-bench big ENV USER_INDEX MAILBOX
//     fetches every message of MAILBOX streamed to a discarding sink; prints "bytes rss_before_kb peak_kb"
//   imap-bench append ENV USER_INDEX MAILBOX FILE
//     APPENDs FILE to MAILBOX (created) streamed from the file; prints "bytes rss_before_kb peak_kb"
import IMAP
@preconcurrency import Glibc

func fail(_ message: String) -> Never {
    fputs("imap-bench: \(message)\n", stderr)
    exit(1)
}

func readEnv(_ path: String) -> [String: String] {
    guard let f = fopen(path, "r") else { fail("cannot open \(path)") }
    defer { fclose(f) }
    var out: [String: String] = [:]
    var line: UnsafeMutablePointer<CChar>? = nil
    var cap = 0
    while getline(&line, &cap, f) > 0 {
        let text = String(cString: line!).trimmingSuffix("\n")
        guard let eq = text.firstIndex(of: "=") else { continue }
        var value = String(text[text.index(after: eq)...])
        // Values are single-quoted; '\'' escapes are not used for the keys read here.
        if value.hasPrefix("'") && value.hasSuffix("'") && value.count >= 2 { value = String(value.dropFirst().dropLast()) }
        out[String(text[..<eq])] = value
    }
    free(line)
    return out
}

extension String {
    func trimmingSuffix(_ s: String) -> String { hasSuffix(s) ? String(dropLast(s.count)) : self }
}

func procStatusKB(_ key: String) -> Int {
    guard let f = fopen("/proc/self/status", "r") else { return 0 }
    defer { fclose(f) }
    var line: UnsafeMutablePointer<CChar>? = nil
    var cap = 0
    var result = 0
    while getline(&line, &cap, f) > 0 {
        let text = String(cString: line!)
        if text.hasPrefix(key + ":") { result = Int(text.split(separator: " ").dropFirst().first { !$0.isEmpty } ?? "0") ?? 0 }
    }
    free(line)
    return result
}

/// An integer from the environment (IMAP_BENCH_CHUNK, IMAP_BENCH_DEPTH tune the pipelined mode).
func envInt(_ name: String, _ fallback: Int) -> Int {
    getenv(name).flatMap { Int(String(cString: $0)) } ?? fallback
}

let args = CommandLine.arguments
guard args.count >= 5 else { fail("usage: imap-bench fetch|big ENV USER_INDEX MAILBOX [MODE]") }
let env = readEnv(args[2])
guard let user = env["IMAP_USER\(args[3])"] else { fail("no user \(args[3])") }
let password = env["IMAP_PASSWORD\(args[3])"] ?? ""
let options = ConnectionOptions(security: .ssl, tls: TLSConfiguration(additionalCAFile: env["IMAP_CA_FILE"]),
                                connectTimeout: .seconds(30), readTimeout: .seconds(120))

func open() -> IMAPConnection {
    do {
        let c = try IMAPConnection.connect(host: env["IMAP_HOST"]!, port: Int(env["IMAPS_PORT"]!)!, options: options)
        try c.login(user: user, password: password)
        if args[1] == "append" { try c.create(MailboxName(args[4])) } else { try c.examine(MailboxName(args[4])) }
        return c
    } catch { fail("\(error)") }
}

do {
    switch args[1] {
    case "fetch":
        let c = open()
        var messages = 0, bytes = 0
        let sink: (FetchEvent) -> Void = { event in
            switch event {
            case .bodyBytes(let b): bytes += b.count
            case .finish: messages += 1
            default: break
            }
        }
        let start = ContinuousClock.now
        switch args.count > 5 ? args[5] : "pipelined" {
        case "single":
            try c.uidFetch(.all, items: [.bodyPeek], sink: sink)
        case "sequential":
            // One command per message, each waited for: how the classic tools fetch.
            for uid in try c.uidSearch("ALL") { try c.uidFetch(UIDSet([uid]), items: [.uid, .bodyPeek], sink: sink) }
        default:
            let uids = try c.uidSearch("ALL")
            let chunk = envInt("IMAP_BENCH_CHUNK", 500), depth = envInt("IMAP_BENCH_DEPTH", 4)
            try c.uidFetchPipelined(UIDSet(uids).chunked(maxCount: chunk), items: [.uid, .bodyPeek], depth: depth, sink: sink)
        }
        let elapsed = ContinuousClock.now - start
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        print("\(messages) \(bytes) \(seconds)")
        c.logout()
    case "big":
        let c = open()
        let before = procStatusKB("VmRSS")
        var bytes = 0
        try c.uidFetch(.all, items: [.uid, .bodyPeek]) { if case .bodyBytes(let b) = $0 { bytes += b.count } }
        print("\(bytes) \(before) \(procStatusKB("VmHWM"))")
        c.logout()
    case "append":
        guard args.count > 5 else { fail("append needs a FILE") }
        let c = open()
        let before = procStatusKB("VmRSS")
        let message = try StreamedAppendMessage.file(args[5])
        try c.append(message, to: MailboxName(args[4]))
        print("\(message.size) \(before) \(procStatusKB("VmHWM"))")
        c.logout()
    default:
        fail("unknown mode \(args[1])")
    }
} catch {
    fail("\(error)")
}
