/// A practical SMTP address check: one '@', a dot-atom local part and a dotted domain of
/// letters, digits and hyphens. Non-ASCII letters are allowed (SMTPUTF8 / IDN addresses).
public enum SmtpAddress {
    public static func isValid(_ address: String) -> Bool {
        let parts = address.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2 else { return false }
        return isValidLocal(parts[0]) && isValidDomain(parts[1])
    }

    private static let localSpecials = Set("!#$%&'*+-/=?^_`{|}~.")

    private static func isValidLocal(_ s: Substring) -> Bool {
        guard !s.isEmpty, s.utf8.count <= 64, s.first != ".", s.last != ".", !s.contains("..") else { return false }
        return s.allSatisfy { c in c.isLetter || c.isNumber || (c.isASCII && localSpecials.contains(c)) }
    }

    private static func isValidDomain(_ s: Substring) -> Bool {
        guard s.utf8.count <= 253 else { return false }
        let labels = s.split(separator: ".", omittingEmptySubsequences: false)
        guard labels.count >= 2 else { return false }
        return labels.allSatisfy { label in
            !label.isEmpty && label.utf8.count <= 63 && label.first != "-" && label.last != "-"
                && label.allSatisfy { $0.isLetter || $0.isNumber || $0 == "-" }
        }
    }
}
