import Foundation

/// Join-Path, Split-Path, Resolve-Path.
enum PathCommands {
    static let declarations: [CommandDeclaration] = [
        CommandDeclaration(
            name: "Join-Path", synopsis: "Combines a path and a child path into a single path.",
            description: "Joins the parts with one separator between them (a backslash when the parent is a Windows path, else a slash).",
            parameters: [Builtin.param("Path", .array(.string), position: 0, mandatory: true, pipeline: true, byName: true, aliases: ["PSPath"], help: "The parent paths."),
                         Builtin.param("ChildPath", .string, position: 1, mandatory: true, byName: true, help: "The child path."),
                         Builtin.remaining(Builtin.param("AdditionalChildPath", .array(.string), position: 2, help: "More path parts.")),
                         Builtin.param("Resolve", .switchParameter, help: "Writes the resolved path, failing when it does not exist.")],
            examples: [CommandExample("Join-Path C:\\Users\\Administrator\\Desktop users.csv", "C:\\Users\\Administrator\\Desktop\\users.csv")],
            make: { JoinPathCommand() }),
        CommandDeclaration(
            name: "Split-Path", synopsis: "Returns the specified part of a path.",
            description: "Writes the parent directory of the path (the default), or with -Leaf the last part, -LeafBase the last part without extension, -Extension the extension, -Qualifier the drive.",
            parameters: [Builtin.param("Path", .array(.string), position: 0, mandatory: true, pipeline: true, byName: true, help: "The paths to split."),
                         Builtin.param("Parent", .switchParameter, help: "The parent directory (the default)."),
                         Builtin.param("Leaf", .switchParameter, help: "The last part."),
                         Builtin.param("LeafBase", .switchParameter, help: "The last part without its extension."),
                         Builtin.param("Extension", .switchParameter, help: "The extension of the last part."),
                         Builtin.param("Qualifier", .switchParameter, help: "The drive, such as C:."),
                         Builtin.param("NoQualifier", .switchParameter, help: "The path without its drive."),
                         Builtin.param("IsAbsolute", .switchParameter, help: "Whether the path is absolute.")],
            examples: [CommandExample("Split-Path C:\\Migration\\users.csv -Leaf", "users.csv"),
                       CommandExample("Split-Path $PSCommandPath", "The script's directory.")],
            make: { SplitPathCommand() }),
        CommandDeclaration(
            name: "Resolve-Path", synopsis: "Resolves the wildcard characters in a path, and displays the path contents.",
            description: "Writes the full Linux path each path stands for (through the drive mapping), with wildcards expanded; a missing path is an error.",
            parameters: ContentPaths.pathParameters + [Builtin.param("Relative", .switchParameter, help: "Writes paths relative to the current directory.")],
            defaultParameterSet: "Path",
            examples: [CommandExample("Resolve-Path C:\\Users\\Administrator\\Desktop\\users.csv", "Where the file really is.")],
            outputTypes: [LocationCommands.pathInfoType],
            make: { ResolvePathCommand() }),
    ]

    static func separator(for parent: String) -> Character {
        parent.contains("\\") && !parent.contains("/") || (parent.count >= 2 && Array(parent)[1] == ":") ? "\\" : "/"
    }

    static func join(_ parent: String, _ child: String) -> String {
        if parent.isEmpty { return child }
        if child.isEmpty { return parent }
        let sep = separator(for: parent)
        var p = parent, c = child
        while p.count > 1, p.last == "/" || p.last == "\\" { p.removeLast() }
        while c.first == "/" || c.first == "\\" { c.removeFirst() }
        return p + String(sep) + c
    }
}

final class JoinPathCommand: Cmdlet {
    func process(_ context: CommandContext) throws {
        let p = context.parameters
        let children = [p.string("ChildPath") ?? ""] + Builtin.strings(p["AdditionalChildPath"])
        for parent in Builtin.strings(p["Path"]) {
            let joined = children.reduce(parent, PathCommands.join)
            if p.isSet("Resolve") {
                let resolved = try Builtin.resolve(context, joined)
                guard Builtin.exists(resolved) else { context.writeError(Builtin.pathNotFound(context, joined)); continue }
                context.write(.string(resolved))
            } else {
                context.write(.string(joined))
            }
        }
    }
}

final class SplitPathCommand: Cmdlet {
    func process(_ context: CommandContext) throws {
        let p = context.parameters
        for path in Builtin.strings(p["Path"]) {
            var trimmed = path
            while trimmed.count > 1, trimmed.last == "/" || trimmed.last == "\\" { trimmed.removeLast() }
            let sep = trimmed.lastIndex { $0 == "/" || $0 == "\\" }
            let leaf = sep.map { String(trimmed[trimmed.index(after: $0)...]) } ?? trimmed
            let hasDrive = trimmed.count >= 2 && Array(trimmed)[1] == ":"
            if p.isSet("IsAbsolute") { context.write(.bool(trimmed.hasPrefix("/") || trimmed.hasPrefix("\\") || hasDrive)); continue }
            if p.isSet("Qualifier") { context.write(.string(hasDrive ? String(trimmed.prefix(2)) : "")); continue }
            if p.isSet("NoQualifier") { context.write(.string(hasDrive ? String(trimmed.dropFirst(2)) : trimmed)); continue }
            if p.isSet("Leaf") { context.write(.string(leaf)); continue }
            if p.isSet("LeafBase") || p.isSet("Extension") {
                let dot = leaf.lastIndex(of: ".").flatMap { $0 == leaf.startIndex ? nil : $0 }
                context.write(.string(p.isSet("Extension") ? dot.map { String(leaf[$0...]) } ?? "" : dot.map { String(leaf[..<$0]) } ?? leaf))
                continue
            }
            guard let sep else { context.write(.string("")); continue }
            var parent = String(trimmed[..<sep])
            if parent.isEmpty || (parent.count == 2 && hasDrive) { parent += String(trimmed[sep]) }
            context.write(.string(parent))
        }
    }
}

final class ResolvePathCommand: Cmdlet {
    func process(_ context: CommandContext) throws {
        _ = LocationCommands.registerView
        let (paths, literal) = ContentPaths.requested(context)
        for shown in paths {
            let items = try ContentPaths.expand(shown, literal: literal, context).filter { Builtin.exists($0.path) }
            if items.isEmpty { context.writeError(Builtin.pathNotFound(context, shown)); continue }
            for item in items {
                if context.parameters.isSet("Relative") {
                    let base = context.session.currentDirectory + "/"
                    context.write(.string(item.path.hasPrefix(base) ? "./" + item.path.dropFirst(base.count) : item.path))
                } else {
                    context.write(LocationCommands.pathInfo(item.path))
                }
            }
        }
    }
}
