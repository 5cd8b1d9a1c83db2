import Foundation

/// Expands the `-Path` of the content and item cmdlets: wildcards in the last component match
/// directory entries case-insensitively; literal paths go through the session's resolver.
enum ContentPaths {
    struct Item { let path: String; let shown: String }

    /// The files a path names; writes pwsh's "Cannot find path" error for a literal path that does not exist.
    static func expand(_ shown: String, literal: Bool, _ context: CommandContext) throws -> [Item] {
        if !literal, WildcardPattern.containsWildcard(lastComponent(shown)) {
            let dirShown = parent(shown)
            let dir = try Builtin.resolve(context, dirShown.isEmpty ? "." : dirShown)
            let pattern = WildcardPattern(lastComponent(shown))
            let names = ((try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? []).sorted {
                $0.lowercased() < $1.lowercased()
            }
            return names.filter { pattern.matches($0) }.map {
                Item(path: dir + "/" + $0, shown: dirShown.isEmpty ? $0 : dirShown + separator(shown) + $0)
            }
        }
        let path = try Builtin.resolve(context, shown)
        return [Item(path: path, shown: shown)]
    }

    static func lastComponent(_ s: String) -> String {
        s.lastIndex { $0 == "/" || $0 == "\\" }.map { String(s[s.index(after: $0)...]) } ?? s
    }

    static func parent(_ s: String) -> String {
        s.lastIndex { $0 == "/" || $0 == "\\" }.map { String(s[..<$0]) } ?? ""
    }

    static func separator(_ s: String) -> String { s.contains("\\") && !s.contains("/") ? "\\" : "/" }

    /// The `-Path`/`-LiteralPath` values of a call.
    static func requested(_ context: CommandContext) -> (paths: [String], literal: Bool) {
        if context.parameters.isBound("LiteralPath") { return (Builtin.strings(context.parameters["LiteralPath"]), true) }
        return (Builtin.strings(context.parameters["Path"]), false)
    }

    static let pathParameters: [ParameterDeclaration] = [
        ParameterDeclaration("Path", .array(.string), sets: [ParameterSetMembership("Path", position: 0, mandatory: true, valueFromPipelineByPropertyName: true)],
                             help: "The file paths; wildcards are allowed. Windows paths (C:\\...) map through MIGSH_DRIVE_C.", completion: .files),
        ParameterDeclaration("LiteralPath", .array(.string), aliases: ["PSPath", "LP"],
                             sets: [ParameterSetMembership("LiteralPath", mandatory: true, valueFromPipelineByPropertyName: true)],
                             help: "The file paths, used exactly as written.", completion: .files),
    ]

    static let encodingParameter = ParameterDeclaration("Encoding", .string, help: "The text encoding: UTF8 (default, no BOM), UTF8BOM, ASCII, Unicode, BigEndianUnicode, UTF32, Latin1, or Byte (Windows PowerShell's spelling of -AsByteStream).",
                                                        completion: .values(PSEncoding.parameterValues))

    /// Reads -Encoding: nil for Byte, an error for an unknown name.
    static func encoding(_ context: CommandContext) throws -> (PSEncoding, bytes: Bool) {
        guard let v = context.parameters["Encoding"] else { return (.utf8, context.parameters.isSet("AsByteStream")) }
        if Conversion.toString(v).lowercased() == "byte" { return (.utf8, true) }
        guard let e = PSEncoding.from(v) else {
            throw Builtin.error(context, "Cannot bind parameter 'Encoding'. '\(Conversion.toString(v))' is not a supported encoding name. For information on defining a custom encoding, see the documentation for the Encoding.RegisterProvider method. (Parameter 'name')",
                                id: "CannotConvertArgumentNoMessage", category: .invalidArgument, target: v,
                                exception: "System.Management.Automation.ParameterBindingException")
        }
        return (e, context.parameters.isSet("AsByteStream"))
    }
}
