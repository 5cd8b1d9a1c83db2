// The same crash-at-every-state-write cases with a destination IMAP server (the test Dovecot) as the
// target: a crash between the MULTIAPPEND and the state write leaves messages in Dovecot that the state
// does not know, and the resumed sync must pair them instead of appending them again.
import Testing
import IMAP
@testable import Engine

extension EngineDovecotSuites {
    @Suite struct IMAPTargetCrashTests {
        @Test func crashBeforeAndAfterEveryStateWriteWithAnIMAPTarget() throws {
            let dovecot = try TestDovecot.shared()
            let user = dovecot.env["IMAP_USER4"] ?? "dana.dee"
            let mapping = CrashResumeTests.expectedMapping(.initial)
            var cases = 0
            for moment in CrashResumeTests.Moment.allCases {
                var k = 1
                while k < 50 {
                    let fx = SyncFixture()
                    try CrashResumeTests.prepare(fx, phase: .initial)
                    let statePath = fx.dir.path + "/state.sqlite"
                    let first = try IMAPEndToEndTests.connect(dovecot, user: user, readOnly: false)
                    try IMAPEndToEndTests.clean(first)
                    var options = SyncOptions(); options.batchMessages = 2
                    let hooks = SyncHooks { event in
                        switch (event, moment) {
                        case (.beforeStateWrite(let i, _), .before) where i == k, (.afterStateWrite(let i, _), .after) where i == k:
                            throw SimulatedCrash(at: event)
                        default: break
                        }
                    }
                    var crashed = false
                    do {
                        _ = try MailboxSync(user: user, source: try MaildirStore(root: fx.sourceRoot, create: false), target: first,
                                            state: try SQLiteSyncStateStore(path: statePath), options: options, hooks: hooks).run()
                    } catch is SimulatedCrash { crashed = true }
                    first.close()
                    guard crashed else { break }
                    cases += 1
                    let resumed = try IMAPEndToEndTests.connect(dovecot, user: user, readOnly: false)
                    let report = try MailboxSync(user: user, source: try MaildirStore(root: fx.sourceRoot, create: false), target: resumed,
                                                 state: try SQLiteSyncStateStore(path: statePath), options: options).run()
                    #expect(report.verification?.score == .perfect, "crash \(moment) write \(k)")
                    let diff = try mismatches(source: try MaildirStore(root: fx.sourceRoot, create: false), target: resumed, mapping: mapping)
                    #expect(diff == [], "crash \(moment) write \(k): \(diff)")
                    resumed.close()
                    k += 1
                }
            }
            #expect(cases >= 8)
        }
    }
}
