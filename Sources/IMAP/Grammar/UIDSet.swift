/// A set of UIDs as the wire writes it (`1:5,7,9:*`). Kept as sorted, merged ranges so a long list of UIDs
/// compresses into a short command line (RFC 2683 §3.2.1.5 advises lines of about 1000 octets).
public struct UIDSet: Hashable, Sendable, CustomStringConvertible {
    /// Sorted, non-overlapping, non-adjacent closed ranges. `UID.max` as an upper bound is written `*`.
    public private(set) var ranges: [ClosedRange<UID>]

    public init() { ranges = [] }
    public init(_ range: ClosedRange<UID>) { ranges = [range] }
    public init<S: Sequence>(_ uids: S) where S.Element == UID {
        ranges = []
        for uid in uids.sorted() { insert(uid...uid) }
    }
    /// Every UID from `first` on (`first:*`).
    public static func from(_ first: UID) -> UIDSet { UIDSet(first...UID.max) }
    public static let all = UIDSet.from(UID(1))

    public var isEmpty: Bool { ranges.isEmpty }

    public func contains(_ uid: UID) -> Bool { ranges.contains { $0.contains(uid) } }

    /// Adds a range, merging with neighbours.
    public mutating func insert(_ range: ClosedRange<UID>) {
        var lower = range.lowerBound, upper = range.upperBound
        var kept: [ClosedRange<UID>] = []
        kept.reserveCapacity(ranges.count + 1)
        for r in ranges {
            // Overlapping or adjacent ranges merge; computed in 64 bits so UID.max + 1 cannot overflow.
            let touches = UInt64(r.lowerBound.rawValue) <= UInt64(upper.rawValue) + 1
                && UInt64(lower.rawValue) <= UInt64(r.upperBound.rawValue) + 1
            if touches {
                lower = Swift.min(lower, r.lowerBound); upper = Swift.max(upper, r.upperBound)
            } else {
                kept.append(r)
            }
        }
        kept.append(lower...upper)
        ranges = kept.sorted { $0.lowerBound < $1.lowerBound }
    }

    /// Splits the set into chunks of at most `size` UIDs each (for pipelined range fetches).
    /// Ranges ending in `*` stay one open chunk at the end.
    public func chunked(maxCount size: Int) -> [UIDSet] {
        precondition(size > 0)
        var out: [UIDSet] = []
        for r in ranges {
            if r.upperBound == .max { out.append(UIDSet(r)); continue }
            var lo = UInt64(r.lowerBound.rawValue)
            let hi = UInt64(r.upperBound.rawValue)
            while lo <= hi {
                let end = Swift.min(hi, lo + UInt64(size) - 1)
                out.append(UIDSet(UID(UInt32(lo))...UID(UInt32(end))))
                lo = end + 1
            }
        }
        return out
    }

    /// The wire form, e.g. `1:5,7,9:*`.
    public var description: String {
        ranges.map { r in
            let hi = r.upperBound == .max ? "*" : String(r.upperBound.rawValue)
            return r.lowerBound == r.upperBound ? String(r.lowerBound.rawValue) : "\(r.lowerBound.rawValue):\(hi)"
        }.joined(separator: ",")
    }

    /// Parses the wire form (`1:5,7,9:*`); nil if it is not a valid UID set.
    public init?(wire: String) {
        self.init()
        for part in wire.split(separator: ",", omittingEmptySubsequences: false) {
            let ends = part.split(separator: ":", omittingEmptySubsequences: false)
            guard ends.count == 1 || ends.count == 2 else { return nil }
            func value(_ s: Substring) -> UID? { s == "*" ? .max : UInt32(s).flatMap { $0 == 0 ? nil : UID($0) } }
            guard let a = value(ends[0]), let b = value(ends.last!) else { return nil }
            insert(Swift.min(a, b)...Swift.max(a, b))
        }
    }
}
