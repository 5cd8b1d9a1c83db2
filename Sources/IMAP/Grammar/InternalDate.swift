/// A message's INTERNALDATE (RFC 3501 §2.3.3): the time the server received it, with the zone it was given in.
/// Wire form `"17-Jul-1996 02:44:25 -0700"`. Kept as seconds since the Unix epoch plus the zone offset so a
/// migration can copy it unchanged.
public struct InternalDate: Hashable, Sendable, CustomStringConvertible {
    /// Seconds since 1970-01-01T00:00:00Z.
    public var secondsSinceEpoch: Int64
    /// The zone offset in minutes east of UTC, as written on the wire (e.g. -420 for -0700).
    public var zoneMinutes: Int

    public init(secondsSinceEpoch: Int64, zoneMinutes: Int = 0) {
        self.secondsSinceEpoch = secondsSinceEpoch
        self.zoneMinutes = zoneMinutes
    }

    static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    /// Parses `dd-Mon-yyyy hh:mm:ss +zzzz` (a leading space instead of a day digit is allowed); nil if invalid.
    public init?(wire: String) {
        let text = wire.hasPrefix(" ") ? String(wire.dropFirst()) : wire
        let parts = text.split(separator: " ")
        guard parts.count == 3 else { return nil }
        let date = parts[0].split(separator: "-"), time = parts[1].split(separator: ":"), zone = parts[2]
        guard date.count == 3, time.count == 3, zone.count == 5,
              let day = Int(date[0]), (1...31).contains(day),
              let monthIndex = Self.months.firstIndex(where: { $0.lowercased() == date[1].lowercased() }),
              date[2].count == 4, let year = Int(date[2]),
              let h = Int(time[0]), let m = Int(time[1]), let s = Int(time[2]),
              (0...23).contains(h), (0...59).contains(m), (0...60).contains(s),
              let sign = zone.first, sign == "+" || sign == "-", let z = Int(zone.dropFirst()),
              z % 100 < 60 else { return nil }
        let offset = (z / 100 * 60 + z % 100) * (sign == "-" ? -1 : 1)
        let days = Self.daysFromCivil(year: year, month: monthIndex + 1, day: day)
        let local = days * 86400 + Int64(h * 3600 + m * 60 + s)
        self.init(secondsSinceEpoch: local - Int64(offset * 60), zoneMinutes: offset)
    }

    /// The wire form, always with a two-digit day, e.g. `01-Jan-2020 10:00:00 +0000`.
    public var description: String {
        let local = secondsSinceEpoch + Int64(zoneMinutes * 60)
        let days = local >= 0 ? local / 86400 : (local - 86399) / 86400
        let secs = Int(local - days * 86400)
        let (y, mo, d) = Self.civilFromDays(days)
        func two(_ v: Int) -> String { v < 10 ? "0\(v)" : "\(v)" }
        let z = abs(zoneMinutes)
        let zone = (zoneMinutes < 0 ? "-" : "+") + two(z / 60) + two(z % 60)
        return "\(two(d))-\(Self.months[mo - 1])-\(y) \(two(secs / 3600)):\(two(secs / 60 % 60)):\(two(secs % 60)) \(zone)"
    }

    // Howard Hinnant's days-from-civil algorithm (proleptic Gregorian calendar).
    static func daysFromCivil(year: Int, month: Int, day: Int) -> Int64 {
        let y = Int64(month <= 2 ? year - 1 : year)
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = Int64((month + 9) % 12)
        let doy = (153 * mp + 2) / 5 + Int64(day) - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146097 + doe - 719468
    }

    static func civilFromDays(_ z0: Int64) -> (Int, Int, Int) {
        let z = z0 + 719468
        let era = (z >= 0 ? z : z - 146096) / 146097
        let doe = z - era * 146097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = Int(doy - (153 * mp + 2) / 5 + 1)
        let m = Int(mp < 10 ? mp + 3 : mp - 9)
        return (Int(yoe + era * 400) + (m <= 2 ? 1 : 0), m, d)
    }
}
