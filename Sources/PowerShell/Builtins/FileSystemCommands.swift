import Foundation

/// Test-Path and Get-ChildItem.
final class TestPathCommand: Cmdlet {
    static let pathType = PSType.enumeration(name: "Microsoft.PowerShell.Commands.TestPathType", values: ["Any", "Container", "Leaf"])

    static let declaration = CommandDeclaration(
        name: "Test-Path", synopsis: "Determines whether all elements of a path exist.",
        description: "Writes True when the path exists (as a file with -PathType Leaf, a directory with -PathType Container), False otherwise, including for paths on unmapped drives.",
        parameters: ContentPaths.pathParameters + [
            Builtin.param("PathType", pathType, aliases: ["Type"], help: "What the item must be: Any, Container or Leaf."),
            Builtin.param("IsValid", .switchParameter, help: "Tests only whether the path is well formed."),
            Builtin.param("Filter", .string, help: "A wildcard the item's name must match."),
            Builtin.param("OlderThan", .dateTime, help: "The file must be older than this."),
            Builtin.param("NewerThan", .dateTime, help: "The file must be newer than this."),
        ],
        defaultParameterSet: "Path",
        examples: [CommandExample("if (-not (Test-Path C:\\Temp\\users.csv)) { throw 'CSV missing' }", "Stops when the CSV file is missing."),
                   CommandExample("Test-Path C:\\Reports -PathType Container", "Is it a directory?")],
        outputTypes: ["System.Boolean"],
        make: { TestPathCommand() })

    func process(_ context: CommandContext) throws {
        let p = context.parameters
        let (paths, literal) = ContentPaths.requested(context)
        let type = p.string("PathType")?.lowercased() ?? "any"
        for shown in paths {
            if shown.isEmpty { context.write(.bool(false)); continue }
            if p.isSet("IsValid") { context.write(.bool(!shown.contains("\0"))); continue }
            guard let items = try? ContentPaths.expand(shown, literal: literal, context) else { context.write(.bool(false)); continue }
            let found = items.contains { item in
                var isDir: ObjCBool = false
                guard FileManager.default.fileExists(atPath: item.path, isDirectory: &isDir) else { return false }
                if let filter = p.string("Filter"), !WildcardPattern(filter).matches((item.path as NSString).lastPathComponent) { return false }
                let modified = (try? FileManager.default.attributesOfItem(atPath: item.path)[.modificationDate] as? Date) ?? nil
                if case .date(let limit)? = p["OlderThan"], let m = modified, m >= limit { return false }
                if case .date(let limit)? = p["NewerThan"], let m = modified, m <= limit { return false }
                switch type {
                case "container": return isDir.boolValue
                case "leaf": return !isDir.boolValue
                default: return true
                }
            }
            context.write(.bool(found))
        }
    }
}

final class GetChildItemCommand: Cmdlet {
    static let declaration = CommandDeclaration(
        name: "Get-ChildItem", synopsis: "Gets the items and child items in one or more specified locations.",
        description: "Lists the files and directories at a path (the current directory by default): directories first, then files, by name. -Recurse descends into subdirectories; -Filter and -Include narrow by name; -File/-Directory by kind; -Name writes names only.",
        parameters: [
            ParameterDeclaration("Path", .array(.string), sets: [.all(position: 0, valueFromPipeline: true, valueFromPipelineByPropertyName: true)],
                                 help: "The directories (or files) to list; wildcards allowed.", completion: .files),
            Builtin.param("LiteralPath", .array(.string), aliases: ["PSPath", "LP"], completion: .files, help: "The paths, used exactly as written."),
            ParameterDeclaration("Filter", .string, sets: [.all(position: 1)], help: "A wildcard pattern the names must match."),
            Builtin.param("Include", .array(.string), help: "Wildcard patterns of names to keep."),
            Builtin.param("Exclude", .array(.string), help: "Wildcard patterns of names to leave out."),
            Builtin.param("Recurse", .switchParameter, aliases: ["s", "r"], help: "Also lists the contents of subdirectories."),
            Builtin.param("Depth", .int, help: "How many levels to descend with -Recurse."),
            Builtin.param("Force", .switchParameter, help: "Includes hidden items (names starting with a dot)."),
            Builtin.param("Name", .switchParameter, help: "Writes only the names, relative to the path."),
            Builtin.param("File", .switchParameter, help: "Lists only files."),
            Builtin.param("Directory", .switchParameter, aliases: ["ad", "d"], help: "Lists only directories."),
            Builtin.param("Hidden", .switchParameter, aliases: ["ah", "h"], help: "Lists only hidden items."),
            Builtin.param("FollowSymlink", .switchParameter, help: "Follows symbolic links to directories with -Recurse."),
        ],
        examples: [CommandExample("Get-ChildItem C:\\Migration -Filter *.csv", "Lists the CSV files."),
                   CommandExample("Get-ChildItem -Recurse -File | Measure-Object Length -Sum", "Total size of all files below here."),
                   CommandExample("dir -Name", "Names only.")],
        outputTypes: ["System.IO.FileInfo", "System.IO.DirectoryInfo"],
        make: { GetChildItemCommand() })

    static let registerViews: Void = {
        let columns = [
            TableViewColumn("Mode", width: 10),
            TableViewColumn("LastWriteTime", .computed { o in
                guard case .date(let d)? = o["LastWriteTime"] else { return .null }
                return .string(ValueFormatting.formatDate(d, spec: "M/d/yyyy") + " " + ValueFormatting.formatDate(d, spec: "h:mm tt").leftPadded(8))
            }, width: 21, alignment: .right),
            TableViewColumn("Length", width: 14, alignment: .right),
            TableViewColumn("Name"),
        ]
        for name in [FileSystemItem.fileTypeNames[0], FileSystemItem.directoryTypeNames[0]] {
            FormatViews.register(typeName: name, view: .table(columns))
        }
    }()

    func process(_ context: CommandContext) throws {
        _ = Self.registerViews
        let p = context.parameters
        let literal = p.isBound("LiteralPath")
        var paths = Builtin.strings(literal ? p["LiteralPath"] : p["Path"])
        if paths.isEmpty { paths = ["."] }
        for shown in paths {
            let items = try ContentPaths.expand(shown, literal: literal, context)
            if items.isEmpty && !WildcardPattern.containsWildcard(shown) { context.writeError(Builtin.pathNotFound(context, shown)); continue }
            for item in items {
                var isDir: ObjCBool = false
                guard FileManager.default.fileExists(atPath: item.path, isDirectory: &isDir) else {
                    context.writeError(Builtin.pathNotFound(context, item.shown)); continue
                }
                if isDir.boolValue && !WildcardPattern.containsWildcard(shown) {
                    try list(item.path, relative: "", depth: 0, context)
                } else if passes((item.path as NSString).lastPathComponent, isDirectory: isDir.boolValue, context) {
                    write(item.path, relative: (item.path as NSString).lastPathComponent, context)
                }
            }
        }
    }

    private func passes(_ name: String, isDirectory: Bool, _ context: CommandContext) -> Bool {
        let p = context.parameters
        if p.isSet("File") && isDirectory { return false }
        if p.isSet("Directory") && !isDirectory { return false }
        let hidden = name.hasPrefix(".")
        if p.isSet("Hidden") { if !hidden { return false } } else if hidden && !p.isSet("Force") { return false }
        if let filter = p.string("Filter"), !WildcardPattern(filter).matches(name) { return false }
        let include = Builtin.strings(p["Include"])
        if !include.isEmpty && !include.contains(where: { WildcardPattern($0).matches(name) }) { return false }
        if Builtin.strings(p["Exclude"]).contains(where: { WildcardPattern($0).matches(name) }) { return false }
        return true
    }

    private func list(_ dir: String, relative: String, depth: Int, _ context: CommandContext) throws {
        let p = context.parameters
        let fm = FileManager.default
        guard let names = try? fm.contentsOfDirectory(atPath: dir) else {
            context.writeError(Builtin.error(context, "Access to the path '\(dir)' is denied.", id: "DirUnauthorizedAccessError",
                                             category: .permissionDenied, target: .string(dir), exception: "System.UnauthorizedAccessException"))
            return
        }
        var dirs: [String] = [], files: [String] = []
        for name in names {
            var isDir: ObjCBool = false
            fm.fileExists(atPath: dir + "/" + name, isDirectory: &isDir)
            if isDir.boolValue { dirs.append(name) } else { files.append(name) }
        }
        let byName: (String, String) -> Bool = { $0.lowercased() < $1.lowercased() }
        dirs.sort(by: byName)
        // As pwsh: this directory's entries first, then each subdirectory's, depth first.
        for name in dirs + files.sorted(by: byName) {
            if context.isStopping { return }
            let rel = relative.isEmpty ? name : relative + "/" + name
            if passes(name, isDirectory: dirs.contains(name), context) { write(dir + "/" + name, relative: rel, context) }
        }
        let maxDepth = Builtin.int(context, "Depth") ?? Int.max
        guard p.isSet("Recurse"), depth < maxDepth else { return }
        for name in dirs where !name.hasPrefix(".") || p.isSet("Force") {
            let path = dir + "/" + name
            let isLink = (try? fm.destinationOfSymbolicLink(atPath: path)) != nil
            if !isLink || p.isSet("FollowSymlink") {
                try list(path, relative: relative.isEmpty ? name : relative + "/" + name, depth: depth + 1, context)
            }
        }
    }

    private func write(_ path: String, relative: String, _ context: CommandContext) {
        if context.parameters.isSet("Name") { context.write(.string(relative)); return }
        let item = FileSystemItem.object(path: path, shownParent: nil)
        if !item.isNull { context.write(item) }
    }
}

fileprivate extension String {
    func leftPadded(_ width: Int) -> String { count >= width ? self : String(repeating: " ", count: width - count) + self }
}
