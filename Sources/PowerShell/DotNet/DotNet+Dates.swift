import Foundation

/// Date arithmetic on the local calendar (dates are instants shown as local wall clock).
enum DotNetDates {
    static func toUniversal(_ d: Date) -> Date { d.addingTimeInterval(-Double(TimeZone.current.secondsFromGMT(for: d))) }
    static func toLocal(_ d: Date) -> Date { d.addingTimeInterval(Double(TimeZone.current.secondsFromGMT(for: d))) }
    static func startOfDay(_ d: Date) -> Date { DateConversion.calendar.startOfDay(for: d) }

    static func adding(_ component: Calendar.Component, _ n: Int, to d: Date) -> Date {
        DateConversion.calendar.date(byAdding: component, value: n, to: d) ?? d
    }

    static func property(_ d: Date, _ name: String) -> Value? {
        let p = DotNetDateFormat.parts(d)
        switch name {
        case "year": return .int(p.year)
        case "month": return .int(p.month)
        case "day": return .int(p.day)
        case "hour": return .int(p.hour)
        case "minute": return .int(p.minute)
        case "second": return .int(p.second)
        case "millisecond": return .int(p.ticks / 10_000)
        case "ticks": return .int(Int((d.timeIntervalSince1970 + 62_135_596_800 + Double(p.offsetSeconds)) * 10_000_000))
        case "dayofweek": return .string(ValueFormatting.dayNames[p.weekday])
        case "dayofyear": return .int(DateConversion.calendar.ordinality(of: .day, in: .year, for: d) ?? 1)
        case "date": return .date(startOfDay(d))
        case "timeofday": return .timeSpan(d.timeIntervalSince(startOfDay(d)))
        case "kind": return .string("Local")
        default: return nil
        }
    }

    static func method(_ d: Date, _ c: MethodCall) throws -> Value? {
        let value = Value.date(d)
        func add(_ unit: Double) throws -> Value { try c.expect(1); return .date(d.addingTimeInterval(try c.double(0) * unit)) }
        switch c.lowerName {
        case "adddays": return try add(86400)
        case "addhours": return try add(3600)
        case "addminutes": return try add(60)
        case "addseconds": return try add(1)
        case "addmilliseconds": return try add(0.001)
        case "addticks": return try add(1e-7)
        case "addmonths": try c.expect(1); return .date(adding(.month, try c.int(0), to: d))
        case "addyears": try c.expect(1); return .date(adding(.year, try c.int(0), to: d))
        case "add":
            try c.expect(1)
            guard case .timeSpan(let t) = c.arguments[0] else { throw c.overloadError() }
            return .date(d.addingTimeInterval(t))
        case "subtract":
            try c.expect(1)
            switch c.arguments[0] {
            case .date(let other): return .timeSpan(d.timeIntervalSince(other))
            case .timeSpan(let t): return .date(d.addingTimeInterval(-t))
            default: throw c.overloadError()
            }
        case "tostring":
            try c.expect(0, 1, 2)
            return .string(c.count >= 1 && !c.arguments[0].isNull ? ValueFormatting.formatDate(d, spec: c.string(0)) : Conversion.toString(value))
        case "toshortdatestring": try c.expect(0); return .string(ValueFormatting.formatDate(d, spec: "d"))
        case "tolongdatestring": try c.expect(0); return .string(ValueFormatting.formatDate(d, spec: "D"))
        case "toshorttimestring": try c.expect(0); return .string(ValueFormatting.formatDate(d, spec: "t"))
        case "tolongtimestring": try c.expect(0); return .string(ValueFormatting.formatDate(d, spec: "T"))
        case "touniversaltime": try c.expect(0); return .date(toUniversal(d))
        case "tolocaltime": try c.expect(0); return .date(toLocal(d))
        case "tofiletime", "tofiletimeutc":
            try c.expect(0)
            return .int(Int((d.timeIntervalSince1970 + 11_644_473_600) * 1e7))
        case "compareto":
            try c.expect(1)
            guard case .date(let other) = c.arguments[0] else { throw c.exception("Object must be of type DateTime.") }
            return .int(d < other ? -1 : d > other ? 1 : 0)
        case "equals":
            try c.expect(1)
            if case .date(let other) = c.arguments[0] { return .bool(other == d) }
            return .bool(false)
        case "isdaylightsavingtime": try c.expect(0); return .bool(TimeZone.current.isDaylightSavingTime(for: d))
        default: return nil
        }
    }

    static func timeSpanProperty(_ t: Double, _ name: String) -> Value? {
        let ticks = Int((t * 10_000_000).rounded())
        let sign = ticks < 0 ? -1 : 1
        let a = abs(ticks)
        switch name {
        case "totaldays": return .double(t / 86400)
        case "totalhours": return .double(t / 3600)
        case "totalminutes": return .double(t / 60)
        case "totalseconds": return .double(t)
        case "totalmilliseconds": return .double(t * 1000)
        case "days": return .int(sign * a / 864_000_000_000)
        case "hours": return .int(sign * (a / 36_000_000_000) % 24)
        case "minutes": return .int(sign * (a / 600_000_000) % 60)
        case "seconds": return .int(sign * (a / 10_000_000) % 60)
        case "milliseconds": return .int(sign * (a / 10_000) % 1000)
        case "ticks": return .int(ticks)
        default: return nil
        }
    }

    static func timeSpanMethod(_ t: Double, _ c: MethodCall) throws -> Value? {
        switch c.lowerName {
        case "tostring":
            try c.expect(0, 1, 2)
            return .string(try DotNetFormat.timeSpan(t, c.count >= 1 ? c.string(0) : nil))
        case "add", "subtract":
            try c.expect(1)
            guard case .timeSpan(let o) = c.arguments[0] else { throw c.overloadError() }
            return .timeSpan(c.lowerName == "add" ? t + o : t - o)
        case "negate": try c.expect(0); return .timeSpan(-t)
        case "duration": try c.expect(0); return .timeSpan(abs(t))
        case "compareto":
            try c.expect(1)
            guard case .timeSpan(let o) = c.arguments[0] else { throw c.overloadError() }
            return .int(t < o ? -1 : t > o ? 1 : 0)
        case "equals":
            try c.expect(1)
            if case .timeSpan(let o) = c.arguments[0] { return .bool(o == t) }
            return .bool(false)
        default: return nil
        }
    }
}
