extension IMAPConnection {
    /// APPEND one message with its flags and internal date. With UIDPLUS the result holds the new UID.
    /// Errors: `.commandFailed` (e.g. NO [TRYCREATE] when the mailbox does not exist, or a size limit).
    @discardableResult
    public func append(_ message: AppendMessage, to mailbox: MailboxName) throws(IMAPError) -> AppendResult {
        try append([message], to: mailbox)
    }

    /// APPEND several messages: one MULTIAPPEND command (RFC 3502) when offered, otherwise one APPEND per message
    /// pipelined when LITERAL+ makes that possible. Returns the APPENDUID data (UIDs in message order) when the
    /// server has UIDPLUS.
    @discardableResult
    public func append(_ messages: [AppendMessage], to mailbox: MailboxName) throws(IMAPError) -> AppendResult {
        var result = AppendResult(uidValidity: nil, uids: [])
        guard !messages.isEmpty else { return result }
        func collect(_ done: TaggedResponse) {
            if case .appendUID(let v, let set)? = done.text.code {
                result.uidValidity = v
                for r in set.ranges { for u in r.lowerBound.rawValue...r.upperBound.rawValue { result.uids.append(UID(u)) } }
            }
        }
        if messages.count > 1 && capabilities.contains(.multiAppend) {
            var command = Command("APPEND")
            command.astring(mailbox.wire)
            for m in messages { Self.appendArguments(&command, m) }
            collect(try run(command))
            return result
        }
        // Without MULTIAPPEND: pipeline when literals need no continuation, else one at a time.
        let depth = capabilities.contains(.literalPlus) ? 16 : 1
        var inFlight: [(String, Command)] = []
        var index = 0
        while index < messages.count || !inFlight.isEmpty {
            while index < messages.count && inFlight.count < depth {
                var command = Command("APPEND")
                command.astring(mailbox.wire)
                Self.appendArguments(&command, messages[index])
                inFlight.append((try send(command), command))
                index += 1
            }
            let (tag, command) = inFlight.removeFirst()
            let done: TaggedResponse
            do { done = try wait(for: tag) } catch let e as IMAPError { throw e } catch { throw .usage("\(error)") }
            try Self.check(done, command)
            collect(done)
        }
        return result
    }

    /// ` [(flags)] ["date"] literal`
    static func appendArguments(_ command: inout Command, _ message: AppendMessage) {
        // \Recent cannot be set by clients (RFC 3501 §2.3.2).
        let flags = message.flags.filter { $0 != .recent }
        if !flags.isEmpty { command.flagList(flags) }
        if let date = message.internalDate { command.text(" \"\(date)\"") }
        command.literal(message.bytes)
    }
}
