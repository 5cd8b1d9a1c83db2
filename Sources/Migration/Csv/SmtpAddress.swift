/// A practical SMTP address check: one '@', a dot-atom local part and a dotted domain of
/// letters, digits and hyphens. Non-ASCII (UTF-8 lead and continuation bytes) counts as a
/// letter, for SMTPUTF8 and IDN addresses. Works on bytes: it runs for every CSV row.
public enum SmtpAddress {
    public static func isValid(_ address: String) -> Bool {
        let bytes = Array(address.utf8)
        guard let at = bytes.firstIndex(of: UInt8(ascii: "@")), bytes[(at + 1)...].firstIndex(of: UInt8(ascii: "@")) == nil else {
            return false
        }
        return isValidLocal(bytes[..<at]) && isValidDomain(bytes[(at + 1)...])
    }

    private static let localSpecials = Set("!#$%&'*+-/=?^_`{|}~".utf8)
    private static let dot = UInt8(ascii: "."), hyphen = UInt8(ascii: "-")

    private static func isAlphanumeric(_ b: UInt8) -> Bool {
        (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) || b >= 0x80
    }

    private static func isValidLocal(_ s: ArraySlice<UInt8>) -> Bool {
        guard !s.isEmpty, s.count <= 64, s.first != dot, s.last != dot else { return false }
        var previous: UInt8 = 0
        for b in s {
            if b == dot && previous == dot { return false }
            guard isAlphanumeric(b) || b == dot || localSpecials.contains(b) else { return false }
            previous = b
        }
        return true
    }

    private static func isValidDomain(_ s: ArraySlice<UInt8>) -> Bool {
        guard s.count <= 253 else { return false }
        let labels = s.split(separator: dot, omittingEmptySubsequences: false)
        guard labels.count >= 2 else { return false }
        return labels.allSatisfy { label in
            !label.isEmpty && label.count <= 63 && label.first != hyphen && label.last != hyphen
                && label.allSatisfy { isAlphanumeric($0) || $0 == hyphen }
        }
    }
}
