// PLACEHOLDER owned by the parser work: replaced by the real AST root.
/// The root of a parsed script or script block.
public final class ScriptBlockAst: @unchecked Sendable {
    public let extent: SourceExtent
    public init(extent: SourceExtent) { self.extent = extent }
    public var bodyText: String { extent.text }
}
