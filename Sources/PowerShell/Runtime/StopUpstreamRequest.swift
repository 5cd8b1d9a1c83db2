/// Thrown by a command's `process` when it needs no more input (`Select-Object -First 3`
/// has its three objects): the pipeline stops feeding the commands before it, then ends
/// this command and the ones after it normally. Use `context.stopUpstream()`.
public struct StopUpstreamRequest: Error, Sendable {
    public init() {}
}

/// Ctrl-C (or `Runspace.stop()`): the running pipeline unwinds and nothing more runs.
public struct PipelineStoppedError: Error, Sendable {
    public init() {}
    public static let message = "The pipeline has been stopped."
}

extension CommandContext {
    /// Ends the input to this command (see `StopUpstreamRequest`).
    public func stopUpstream() throws -> Never { throw StopUpstreamRequest() }
}
