extension IMAPConnection {
    static func fetchCommand(_ set: UIDSet, _ items: [FetchItem], changedSince: ModSequence?) -> Command {
        var command = Command("UID FETCH")
        command.text(" \(set) (" + items.map(\.wire).joined(separator: " ") + ")")
        if let changedSince { command.text(" (CHANGEDSINCE \(changedSince))") }
        return command
    }

    /// UID FETCH `set` `items` [(CHANGEDSINCE n)] with FETCH results streamed to `sink` as they arrive: bodies
    /// come as `bodyBegin`/`bodyBytes`/`bodyEnd` chunks, never buffered whole. Other untagged responses update
    /// connection state. Requires a selected mailbox. Errors: `IMAPError` (`.commandFailed` on NO/BAD) or the
    /// sink's own error, after which the connection is unusable (close it).
    public func uidFetch(_ set: UIDSet, items: [FetchItem], changedSince: ModSequence? = nil,
                         sink: (FetchEvent) throws -> Void) throws {
        fetchResponsesDue = Self.responseBound(set)
        defer { fetchResponsesDue = 0 }
        try execute(Self.fetchCommand(set, items, changedSince: changedSince)) { event in
            if case .fetch(let f) = event {
                if case .finish = f { fetchResponsesDue -= 1 }
                try sink(f)
            }
        }
    }

    /// Fetches several UID sets with up to `depth` UID FETCH commands in flight: the next command is sent
    /// while earlier results still stream, so no round trip is spent between ranges. Events reach `sink` in
    /// arrival order (ask for `.uid` to know which message each belongs to). Stops at the first failed command.
    public func uidFetchPipelined(_ sets: [UIDSet], items: [FetchItem], changedSince: ModSequence? = nil,
                                  depth: Int = 4, sink: (FetchEvent) throws -> Void) throws {
        defer { fetchResponsesDue = 0 }
        var tags: [(tag: String, command: Command, bound: Int)] = []
        var nextSet = 0
        func sendMore() throws {
            while tags.count < max(1, depth) && nextSet < sets.count {
                let command = Self.fetchCommand(sets[nextSet], items, changedSince: changedSince)
                let bound = Self.responseBound(sets[nextSet])
                tags.append((try send(command), command, bound))
                fetchResponsesDue += bound
                nextSet += 1
            }
        }
        try sendMore()
        while !tags.isEmpty {
            let (tag, command, _) = tags.removeFirst()
            let done = try wait(for: tag) { event in
                if case .fetch(let f) = event {
                    if case .finish = f { fetchResponsesDue -= 1 }
                    try sink(f)
                }
            }
            // Messages of the set that no longer exist sent nothing: count only the commands still out.
            fetchResponsesDue = tags.reduce(0) { $0 + $1.bound }
            try Self.check(done, command)
            try sendMore()
        }
    }

    /// The most FETCH responses `set` can bring (one per UID), 0 for an open-ended set (`n:*`).
    static func responseBound(_ set: UIDSet) -> Int {
        var total = 0
        for r in set.ranges {
            guard r.upperBound != UID.max else { return 0 }
            total += Int(r.upperBound.rawValue - r.lowerBound.rawValue) + 1
        }
        return total
    }

    /// Fetches and collects whole messages in memory: for metadata and small messages (tests, flag scans).
    public func uidFetchMessages(_ set: UIDSet, items: [FetchItem], changedSince: ModSequence? = nil)
        throws -> [FetchedMessage]
    {
        var collector = FetchCollector()
        try uidFetch(set, items: items, changedSince: changedSince) { collector.consume($0) }
        return collector.messages
    }
}

/// One FETCH response collected in memory.
public struct FetchedMessage: Hashable, Sendable {
    public var sequenceNumber: SequenceNumber
    public var uid: UID?
    public var flags: [Flag]?
    public var internalDate: InternalDate?
    public var size: UInt64?
    public var modSequence: ModSequence?
    /// Bodies by item name (`BODY[]`, `BODY[HEADER]`...).
    public var bodies: [String: [UInt8]] = [:]
    public var other: [String: String] = [:]
    public init(sequenceNumber: SequenceNumber) { self.sequenceNumber = sequenceNumber }
    /// The `BODY[]`/`BINARY[]`/`RFC822` body, if fetched.
    public var body: [UInt8]? { bodies["BODY[]"] ?? bodies["BINARY[]"] ?? bodies["RFC822"] }
}

/// Assembles `FetchEvent`s into `FetchedMessage`s.
public struct FetchCollector: Sendable {
    public private(set) var messages: [FetchedMessage] = []
    private var section: String? = nil
    public init() {}

    public mutating func consume(_ event: FetchEvent) {
        switch event {
        case .start(let seq): messages.append(FetchedMessage(sequenceNumber: seq))
        case .attribute(let a):
            guard !messages.isEmpty else { return }
            let i = messages.count - 1
            switch a {
            case .uid(let u): messages[i].uid = u
            case .flags(let f): messages[i].flags = f
            case .internalDate(let d): messages[i].internalDate = d
            case .rfc822Size(let s): messages[i].size = s
            case .modSequence(let m): messages[i].modSequence = m
            case .other(let k, let v): messages[i].other[k] = v
            }
        case .bodyBegin(let name, let size):
            section = name.uppercased()
            messages[messages.count - 1].bodies[section!] = []
            messages[messages.count - 1].bodies[section!]!.reserveCapacity(size)
        case .bodyBytes(let bytes):
            if let section { messages[messages.count - 1].bodies[section]!.append(contentsOf: bytes) }
        case .bodyEnd: section = nil
        case .finish: break
        }
    }
}
