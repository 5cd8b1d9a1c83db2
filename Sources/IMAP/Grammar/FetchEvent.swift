/// A non-body FETCH data item.
public enum FetchAttribute: Hashable, Sendable {
    case uid(UID)
    case flags([Flag])
    case internalDate(InternalDate)
    case rfc822Size(UInt64)
    case modSequence(ModSequence)
    /// Any other item (ENVELOPE, BODYSTRUCTURE, X-GUID, ...): its name and its value as text.
    case other(String, String)
}

/// Part of one `* n FETCH (...)` response. A response arrives as `start`, then attributes and bodies in server
/// order, then `finish`. A body is `bodyBegin`, zero or more `bodyBytes` chunks (whose sizes depend on how the
/// bytes arrived), then `bodyEnd`; so a 35 MB message never has to be held whole.
public enum FetchEvent: Hashable, Sendable {
    case start(SequenceNumber)
    case attribute(FetchAttribute)
    /// A body section begins: the item name as the server wrote it (`BODY[]`, `BODY[HEADER]<0>`, `BINARY[]`,
    /// `RFC822`) and its size in bytes. `NIL` bodies are reported as size 0.
    case bodyBegin(section: String, size: Int)
    /// The next chunk of body bytes. Valid to keep, but sinks should consume it and drop it.
    case bodyBytes(ArraySlice<UInt8>)
    case bodyEnd
    case finish
}
