import Foundation

/// Environment, Convert, TimeSpan, DateTime, Regex and Dns statics.
extension DotNet {
    static func environmentValue(_ name: String, _ env: DotNetEnvironment) -> String? {
        env.session?.environment[name] ?? ProcessInfo.processInfo.environment[name]
    }

    static let environmentType = StaticType(fullName: "System.Environment", member: { name, env in
        switch name {
        case "machinename": return .string(ProcessInfo.processInfo.hostName.split(separator: ".").first.map(String.init) ?? "localhost")
        case "newline": return .string("\n")
        case "username": return .string(environmentValue("USER", env) ?? NSUserName())
        case "userdomainname": return .string(ProcessInfo.processInfo.hostName.split(separator: ".").first.map(String.init) ?? "")
        case "currentdirectory": return .string(env.session?.currentDirectory ?? FileManager.default.currentDirectoryPath)
        case "processorcount": return .int(ProcessInfo.processInfo.activeProcessorCount)
        case "is64bitoperatingsystem", "is64bitprocess": return .bool(MemoryLayout<Int>.size == 8)
        case "tickcount", "tickcount64": return .int(Int(ProcessInfo.processInfo.systemUptime * 1000))
        case "osversion": return .string("Unix " + ProcessInfo.processInfo.operatingSystemVersionString)
        case "processid": return .int(Int(ProcessInfo.processInfo.processIdentifier))
        case "systemdirectory": return .string("")
        default: return nil
        }
    }, method: { c in
        switch c.lowerName {
        case "getenvironmentvariable":
            try c.expect(1, 2)
            return environmentValue(c.string(0), c.environment).map { .string($0) } ?? .null
        case "setenvironmentvariable":
            try c.expect(2, 3)
            if c.arguments[1].isNull { unsetenv(c.string(0)) } else { setenv(c.string(0), c.string(1), 1) }
            return .null
        case "getfolderpath":
            try c.expect(1)
            let home = environmentValue("HOME", c.environment) ?? NSHomeDirectory()
            switch c.string(0).lowercased() {
            case "desktop", "desktopdirectory": return .string(home + "/Desktop")
            case "mydocuments", "personal": return .string(home + "/Documents")
            case "userprofile": return .string(home)
            case "applicationdata": return .string(home + "/.config")
            case "localapplicationdata": return .string(home + "/.local/share")
            default: return .string("")
            }
        case "getenvironmentvariables":
            try c.expect(0)
            let h = PSHashtable()
            let vars = c.environment.session?.environment ?? ProcessInfo.processInfo.environment
            for (k, v) in vars.sorted(by: { $0.key < $1.key }) { h[k] = .string(v) }
            return .hashtable(h)
        default: return nil
        }
    })

    static let convertType = StaticType(fullName: "System.Convert", member: { _, _ in nil }, method: { c in
        switch c.lowerName {
        case "tobase64string":
            try c.expect(1)
            guard let bytes = DotNetValue.bytes(c.arguments[0]) else { throw c.overloadError() }
            return .string(Data(bytes).base64EncodedString())
        case "frombase64string":
            try c.expect(1)
            guard let data = Data(base64Encoded: c.string(0).filter { !$0.isWhitespace }) else {
                throw c.exception("The input is not a valid Base-64 string as it contains a non-base 64 character, more than two padding characters, or an illegal character among the padding characters.")
            }
            return .bytes(PSBytes([UInt8](data)))
        case "toint32", "toint64", "toint16", "tobyte":
            try c.expect(1, 2)
            if c.count == 2 {
                let base = try c.int(1)
                var s = c.string(0).lowercased()
                if base == 16, s.hasPrefix("0x") { s = String(s.dropFirst(2)) }
                guard let n = Int(s, radix: base) else { throw c.exception("Could not find any recognizable digits.") }
                return .int(n)
            }
            if case .string(let s) = c.arguments[0], Int(s.trimmingCharacters(in: .whitespaces)) == nil, Double(s) == nil {
                throw c.exception("The input string '\(s)' was not in a correct format.")
            }
            return .int(try c.int(0))
        case "todouble", "todecimal", "tosingle":
            try c.expect(1)
            return .double(try c.double(0))
        case "tostring":
            try c.expect(1, 2)
            if c.count == 2, case .int(let n) = c.arguments[0] { return .string(String(n, radix: try c.int(1))) }
            return .string(c.string(0))
        case "toboolean":
            try c.expect(1)
            if case .string(let s) = c.arguments[0] {
                switch s.lowercased() {
                case "true": return .bool(true)
                case "false": return .bool(false)
                default: throw c.exception("String '\(s)' was not recognized as a valid Boolean.")
                }
            }
            return .bool(c.bool(0))
        case "todatetime":
            try c.expect(1)
            if case .date = c.arguments[0] { return c.arguments[0] }
            guard let d = DateConversion.parse(c.string(0)) else {
                throw c.exception("String '\(c.string(0))' was not recognized as a valid DateTime.")
            }
            return .date(d)
        default: return nil
        }
    })

    static let timeSpanType = StaticType(fullName: "System.TimeSpan", member: { name, _ in
        switch name {
        case "zero": return .timeSpan(0)
        case "maxvalue": return .timeSpan(922_337_203_685.4775807)
        case "minvalue": return .timeSpan(-922_337_203_685.4775808)
        default: return nil
        }
    }, method: { c in
        let unit: Double
        switch c.lowerName {
        case "fromdays": unit = 86400
        case "fromhours": unit = 3600
        case "fromminutes": unit = 60
        case "fromseconds": unit = 1
        case "frommilliseconds": unit = 0.001
        case "fromticks": unit = 1e-7
        case "parse":
            try c.expect(1)
            guard let t = DateConversion.parseTimeSpan(c.string(0)) else {
                throw c.exception("String '\(c.string(0))' was not recognized as a valid TimeSpan.")
            }
            return .timeSpan(t)
        default: return nil
        }
        try c.expect(1)
        return .timeSpan(try c.double(0) * unit)
    })

    static let dateTimeType = StaticType(fullName: "System.DateTime", member: { name, _ in
        switch name {
        case "now": return .date(Date())
        case "utcnow": return .date(DotNetDates.toUniversal(Date()))
        case "today": return .date(DotNetDates.startOfDay(Date()))
        case "minvalue": return .date(DateConversion.calendar.date(from: DateComponents(year: 1, month: 1, day: 1))!)
        case "maxvalue": return .date(DateConversion.calendar.date(from: DateComponents(year: 9999, month: 12, day: 31, hour: 23, minute: 59, second: 59))!)
        default: return nil
        }
    }, method: { c in
        switch c.lowerName {
        case "parse":
            try c.expect(1, 2)
            if case .date = c.arguments[0] { return c.arguments[0] }
            guard let d = DateConversion.parse(c.string(0)) else {
                throw c.exception("String '\(c.string(0))' was not recognized as a valid DateTime.")
            }
            return .date(d)
        case "parseexact":
            try c.expect(2, 3, 4)
            let formats = DotNetValue.items(c.arguments[1]).map(DotNetValue.string)
            for f in formats { if let d = DotNetDateParse.parseExact(c.string(0), f) { return .date(d) } }
            throw c.exception("String '\(c.string(0))' was not recognized as a valid DateTime.")
        case "daysinmonth":
            try c.expect(2)
            let comps = DateComponents(year: try c.int(0), month: try c.int(1), day: 1)
            let cal = DateConversion.calendar
            guard let d = cal.date(from: comps), let r = cal.range(of: .day, in: .month, for: d) else { throw c.overloadError() }
            return .int(r.count)
        case "isleapyear":
            try c.expect(1)
            let y = try c.int(0)
            return .bool((y % 4 == 0 && y % 100 != 0) || y % 400 == 0)
        case "fromfiletime", "fromfiletimeutc":
            try c.expect(1)
            return .date(Date(timeIntervalSince1970: try c.double(0) / 1e7 - 11_644_473_600))
        case "specifykind":
            try c.expect(2)
            return c.arguments[0]
        default: return nil
        }
    })

    static let regexType = StaticType(fullName: "System.Text.RegularExpressions.Regex", member: { _, _ in nil }, method: { c in
        func regex(_ i: Int) throws -> NSRegularExpression {
            do { return try NSRegularExpression(pattern: c.string(i), options: [.caseInsensitive]) } catch {
                throw c.exception("Invalid pattern '\(c.string(i))'.")
            }
        }
        switch c.lowerName {
        case "escape":
            try c.expect(1)
            return .string(NSRegularExpression.escapedPattern(for: c.string(0)))
        case "ismatch":
            try c.expect(2, 3)
            let s = c.string(0)
            return .bool(try regex(1).firstMatch(in: s, range: NSRange(s.startIndex..., in: s)) != nil)
        case "replace":
            try c.expect(3, 4)
            let s = c.string(0)
            return .string(try regex(1).stringByReplacingMatches(in: s, range: NSRange(s.startIndex..., in: s), withTemplate: c.string(2)))
        case "split":
            try c.expect(2, 3)
            let s = c.string(0), re = try regex(1)
            var parts: [String] = [], last = s.startIndex
            for m in re.matches(in: s, range: NSRange(s.startIndex..., in: s)) {
                guard let r = Range(m.range, in: s) else { continue }
                parts.append(String(s[last..<r.lowerBound])); last = r.upperBound
            }
            parts.append(String(s[last...]))
            return DotNetValue.strings(parts)
        case "unescape":
            try c.expect(1)
            return .string(c.string(0).replacingOccurrences(of: "\\", with: ""))
        default: return nil
        }
    })

    static let dnsType = StaticType(fullName: "System.Net.Dns", member: { _, _ in nil }, method: { c in
        switch c.lowerName {
        case "gethostname": try c.expect(0); return .string(ProcessInfo.processInfo.hostName)
        case "gethostaddresses", "gethostentry":
            try c.expect(1)
            let addresses = resolveHost(c.string(0))
            guard !addresses.isEmpty else { throw c.exception("No such host is known.") }
            return DotNetValue.strings(addresses)
        default: return nil
        }
    })

    /// IPv4/IPv6 addresses of a host name, through getaddrinfo.
    static func resolveHost(_ name: String) -> [String] {
        var hints = addrinfo()
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        var result: UnsafeMutablePointer<addrinfo>?
        guard getaddrinfo(name, nil, &hints, &result) == 0, let first = result else { return [] }
        defer { freeaddrinfo(first) }
        var out: [String] = []
        var p: UnsafeMutablePointer<addrinfo>? = first
        while let ai = p {
            var host = [CChar](repeating: 0, count: Int(NI_MAXHOST))
            if getnameinfo(ai.pointee.ai_addr, ai.pointee.ai_addrlen, &host, socklen_t(host.count), nil, 0, NI_NUMERICHOST) == 0 {
                let s = String(cString: host)
                if !out.contains(s) { out.append(s) }
            }
            p = ai.pointee.ai_next
        }
        return out
    }
}
