/// A response code in brackets at the start of a status response's text (RFC 3501 §7.1 and extensions).
public enum ResponseCode: Hashable, Sendable {
    case alert
    case parse
    case readOnly
    case readWrite
    case tryCreate
    case capability([Capability])
    case permanentFlags([Flag])
    case uidNext(UID)
    case uidValidity(UIDValidity)
    case unseen(SequenceNumber)
    /// UIDPLUS (RFC 4315): the UIDs an APPEND assigned (several for MULTIAPPEND).
    case appendUID(UIDValidity, UIDSet)
    /// UIDPLUS: source and destination UIDs of a COPY.
    case copyUID(UIDValidity, UIDSet, UIDSet)
    /// CONDSTORE (RFC 7162).
    case highestModSeq(ModSequence)
    case noModSeq
    case modified(UIDSet)
    /// RFC 5530 codes that matter for logins.
    case authenticationFailed
    case authorizationFailed
    case unavailable
    /// Any other code: its name (upper-cased) and the raw argument text, if any.
    case other(String, String?)
}

/// The human text of a status response plus its optional code.
public struct ResponseText: Hashable, Sendable {
    public var code: ResponseCode?
    public var text: String
    public init(code: ResponseCode? = nil, text: String) { self.code = code; self.text = text }
}
