extension IMAPConnection {
    /// APPEND one message with its flags and internal date. With UIDPLUS the result holds the new UID.
    /// Errors: `.commandFailed` (e.g. NO [TRYCREATE] when the mailbox does not exist, or a size limit).
    @discardableResult
    public func append(_ message: AppendMessage, to mailbox: MailboxName) throws(IMAPError) -> AppendResult {
        try append([message], to: mailbox)
    }

    /// APPEND several messages: one MULTIAPPEND command (RFC 3502) when offered, otherwise one APPEND per message
    /// pipelined when LITERAL+ makes that possible. Returns the APPENDUID data (UIDs in message order) when the
    /// server has UIDPLUS. A message containing NUL goes as a literal8 when the server offers BINARY.
    @discardableResult
    public func append(_ messages: [AppendMessage], to mailbox: MailboxName) throws(IMAPError) -> AppendResult {
        do {
            return try append(streamed: messages.map { StreamedAppendMessage($0) }, to: mailbox)
        } catch let e as IMAPError { throw e } catch {
            throw .usage("unexpected error \(error)")  // in-memory chunks cannot fail
        }
    }

    /// APPEND one message whose bytes are streamed from `message.nextChunk` as they are sent: a 35 MB file is
    /// appended holding one chunk at a time. Literal8 (`~{n}`) when the message may contain NUL and the server
    /// offers BINARY, LITERAL+ (`{n+}`) when offered. Errors: `IMAPError`, or the source's own error; after a
    /// failure while the bytes were being sent the connection is closed (the server still expects the rest).
    @discardableResult
    public func append(_ message: StreamedAppendMessage, to mailbox: MailboxName) throws -> AppendResult {
        try append(streamed: [message], to: mailbox)
    }

    /// APPEND of streamed messages: MULTIAPPEND when offered, else one APPEND each, up to 16 in flight with
    /// LITERAL+.
    @discardableResult
    public func append(streamed messages: [StreamedAppendMessage], to mailbox: MailboxName) throws -> AppendResult {
        var result = AppendResult(uidValidity: nil, uids: [])
        guard !messages.isEmpty else { return result }
        let command = Command("APPEND")
        func finish(_ tag: String) throws {
            let done = try wait(for: tag)
            try Self.check(done, command)
            if case .appendUID(let v, let set)? = done.text.code {
                result.uidValidity = v
                for r in set.ranges { for u in r.lowerBound.rawValue...r.upperBound.rawValue { result.uids.append(UID(u)) } }
            }
        }
        if messages.count > 1 && capabilities.contains(.multiAppend) {
            try finish(try sendAppend(mailbox, messages))
            return result
        }
        // Without MULTIAPPEND: pipeline when literals need no continuation, else one at a time.
        let depth = capabilities.contains(.literalPlus) ? 16 : 1
        var inFlight: [String] = []
        var index = 0
        while index < messages.count || !inFlight.isEmpty {
            while index < messages.count && inFlight.count < depth {
                inFlight.append(try sendAppend(mailbox, [messages[index]]))
                index += 1
            }
            try finish(inFlight.removeFirst())
        }
        return result
    }

    /// Writes `APPEND mailbox` and, per message, ` [(flags)] ["date"] literal`; returns the tag.
    private func sendAppend(_ mailbox: MailboxName, _ messages: [StreamedAppendMessage]) throws -> String {
        let tag = newTag()
        var pending: [UInt8] = Array(tag.utf8) + [ByteCursor.sp]
        var head = Command("APPEND")
        head.astring(mailbox.wire)
        var sourceError: (any Error)?
        do {
            guard try writeParts(head.parts, tag: tag, pending: &pending) else { return tag }
            for message in messages {
                var arguments = Command("")
                Self.appendArguments(&arguments, flags: message.flags, internalDate: message.internalDate)
                guard try writeParts(arguments.parts, tag: tag, pending: &pending) else { return tag }
                let binary = message.mayContainNUL && capabilities.contains(.binary)
                let sent = try writeLiteral(count: message.size, binary: binary, tag: tag, pending: &pending) {
                    () throws(IMAPError) in
                    do { try streamBody(message) } catch let e as IMAPError { throw e } catch {
                        sourceError = error
                        throw .usage("the message source failed: \(error)")
                    }
                }
                guard sent else { return tag }
            }
            pending += [ByteCursor.cr, ByteCursor.lf]
            try write(pending)
        } catch {
            // Part of a literal may be out: the server waits for bytes that will not come.
            close()
            throw sourceError ?? error
        }
        return tag
    }

    /// ` [(flags)] ["date"] ` before a message's literal.
    static func appendArguments(_ command: inout Command, flags: [Flag], internalDate: InternalDate?) {
        // \Recent cannot be set by clients (RFC 3501 §2.3.2).
        let flags = flags.filter { $0 != .recent }
        if !flags.isEmpty { command.flagList(flags) }
        if let internalDate { command.text(" \"\(internalDate)\"") }
        command.space()
    }

    /// Writes the message's chunks, checking they add up to the announced size.
    private func streamBody(_ message: StreamedAppendMessage) throws {
        var written = 0
        while let chunk = try message.nextChunk(), !chunk.isEmpty {
            guard written + chunk.count <= message.size else {
                throw IMAPError.usage("the message source gave more than its announced \(message.size) bytes")
            }
            try write(chunk)
            written += chunk.count
        }
        guard written == message.size else {
            throw IMAPError.usage("the message source gave \(written) of its announced \(message.size) bytes")
        }
    }
}
