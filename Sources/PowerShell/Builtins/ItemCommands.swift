import Foundation

/// Get-Item, New-Item, Remove-Item, Copy-Item, Move-Item, Rename-Item on the file system.
enum ItemCommands {
    /// Typed Object (pwsh: String): the binder then leaves the first positional argument to -Path
    /// instead of giving it to -Destination, which is the lowest free position of the LiteralPath set.
    static func destination(_ help: String) -> ParameterDeclaration {
        Builtin.param("Destination", .object, position: 1, byName: true, completion: .files, help: help)
    }

    static let itemType = PSType.enumeration(name: "System.String", values: ["File", "Directory"])

    static let declarations: [CommandDeclaration] = [
        CommandDeclaration(
            name: "Get-Item", synopsis: "Gets the item at the specified location.",
            description: "Writes the FileInfo or DirectoryInfo object for each path (wildcards allowed).",
            parameters: ContentPaths.pathParameters + [Builtin.param("Force", .switchParameter, help: "Accepted for compatibility.")],
            defaultParameterSet: "Path",
            examples: [CommandExample("(Get-Item users.csv).Length", "The size of a file.")],
            outputTypes: [FileSystemItem.fileTypeNames[0], FileSystemItem.directoryTypeNames[0]],
            make: { ItemCommand(.get) }),
        CommandDeclaration(
            name: "New-Item", synopsis: "Creates a new item.",
            description: "Creates a file (optionally with -Value as its content) or, with -ItemType Directory, a directory with its parents. -Force replaces an existing file and accepts an existing directory.",
            parameters: [Builtin.param("Path", .array(.string), position: 0, mandatory: true, byName: true, completion: .files, help: "The item to create."),
                         Builtin.param("Name", .string, byName: true, help: "The name of the new item, under -Path."),
                         Builtin.param("ItemType", itemType, aliases: ["Type"], help: "File (default) or Directory."),
                         Builtin.param("Value", .object, pipeline: true, byName: true, aliases: ["Target"], help: "The content of a new file."),
                         Builtin.param("Force", .switchParameter, help: "Overwrites a file; an existing directory is fine.")],
            examples: [CommandExample("New-Item -ItemType Directory -Path C:\\Reports -Force", "Makes sure the directory exists."),
                       CommandExample("New-Item log.txt -Value 'start'", "A file with content.")],
            supportsShouldProcess: true,
            make: { ItemCommand(.new) }),
        CommandDeclaration(
            name: "Remove-Item", synopsis: "Deletes the specified items.",
            description: "Deletes files, and directories with -Recurse (an empty directory needs no -Recurse).",
            parameters: ContentPaths.pathParameters + [Builtin.param("Recurse", .switchParameter, help: "Deletes directories with their contents."),
                                                       Builtin.param("Force", .switchParameter, help: "Also deletes hidden and read-only items."),
                                                       Builtin.param("Filter", .string, help: "Accepted for compatibility.")],
            defaultParameterSet: "Path",
            examples: [CommandExample("Remove-Item C:\\Temp\\users.csv", "Deletes a file.")],
            supportsShouldProcess: true,
            make: { ItemCommand(.remove) }),
        CommandDeclaration(
            name: "Copy-Item", synopsis: "Copies an item from one location to another.",
            description: "Copies files (and directories with -Recurse) to the destination; a destination directory receives the item under its own name.",
            parameters: ContentPaths.pathParameters + [destination("Where to copy to."),
                                                       Builtin.param("Recurse", .switchParameter, help: "Copies directories with their contents."),
                                                       Builtin.param("Force", .switchParameter, help: "Overwrites existing files."),
                                                       Builtin.param("PassThru", .switchParameter, help: "Writes the copied item.")],
            defaultParameterSet: "Path",
            examples: [CommandExample("Copy-Item users.csv C:\\Backup\\", "Copies a file into a directory.")],
            supportsShouldProcess: true,
            make: { ItemCommand(.copy) }),
        CommandDeclaration(
            name: "Move-Item", synopsis: "Moves an item from one location to another.",
            description: "Moves files and directories to the destination.",
            parameters: ContentPaths.pathParameters + [destination("Where to move to."),
                                                       Builtin.param("Force", .switchParameter, help: "Overwrites existing files."),
                                                       Builtin.param("PassThru", .switchParameter, help: "Writes the moved item.")],
            defaultParameterSet: "Path",
            examples: [CommandExample("Move-Item report.csv C:\\Reports\\", "Moves a file.")],
            supportsShouldProcess: true,
            make: { ItemCommand(.move) }),
        CommandDeclaration(
            name: "Rename-Item", synopsis: "Renames an item.",
            description: "Gives the item a new name in the same directory.",
            parameters: [Builtin.param("Path", .string, position: 0, mandatory: true, byName: true, completion: .files, help: "The item to rename."),
                         Builtin.param("NewName", .string, position: 1, mandatory: true, byName: true, help: "The new name."),
                         Builtin.param("Force", .switchParameter, help: "Accepted for compatibility."),
                         Builtin.param("PassThru", .switchParameter, help: "Writes the renamed item.")],
            examples: [CommandExample("Rename-Item users.csv users-old.csv", "Renames a file.")],
            supportsShouldProcess: true,
            make: { ItemCommand(.rename) }),
    ]
}

final class ItemCommand: Cmdlet {
    enum Mode { case get, new, remove, copy, move, rename }
    let mode: Mode
    init(_ mode: Mode) { self.mode = mode }

    private func fail(_ context: CommandContext, _ message: String, _ id: String) -> ErrorRecord {
        Builtin.error(context, message, id: id, category: .writeError, exception: "System.IO.IOException")
    }

    func process(_ context: CommandContext) throws {
        let p = context.parameters
        let fm = FileManager.default
        switch mode {
        case .new:
            for base in Builtin.strings(p["Path"]) {
                let shown = p.string("Name").map { PathCommands.join(base, $0) } ?? base
                let path = try Builtin.resolve(context, shown)
                guard try context.shouldProcess(target: shown, action: "Create \(p.string("ItemType") ?? "File")") else { continue }
                if (p.string("ItemType") ?? "file").lowercased() == "directory" {
                    if Builtin.exists(path) && !p.isSet("Force") {
                        context.writeError(Builtin.error(context, "An item with the specified name \(path) already exists.", id: "DirectoryExist",
                                                         category: .resourceExists, target: .string(shown), exception: "System.IO.IOException"))
                        continue
                    }
                    do { try fm.createDirectory(atPath: path, withIntermediateDirectories: true) } catch {
                        throw fail(context, "Could not create the directory '\(shown)'.", "CreateDirectoryIOError")
                    }
                } else {
                    if Builtin.exists(path) && !p.isSet("Force") {
                        context.writeError(Builtin.error(context, "The file '\(path)' already exists.", id: "NewItemIOError",
                                                         category: .writeError, target: .string(shown), exception: "System.IO.IOException"))
                        continue
                    }
                    let text = p["Value"].map { Conversion.toString($0) } ?? ""
                    guard fm.createFile(atPath: path, contents: Data(text.utf8)) else {
                        throw fail(context, "Could not find a part of the path '\(path)'.", "NewItemIOError")
                    }
                }
                context.write(FileSystemItem.object(path: path, shownParent: nil))
            }
        case .rename:
            let shown = p.string("Path") ?? ""
            let path = try Builtin.resolve(context, shown)
            guard Builtin.exists(path) else { throw Builtin.pathNotFound(context, shown, resolved: path) }
            let target = (path as NSString).deletingLastPathComponent + "/" + (p.string("NewName") ?? "")
            guard try context.shouldProcess(target: shown, action: "Rename Item") else { return }
            do { try fm.moveItem(atPath: path, toPath: target) } catch { throw fail(context, "Cannot rename the item at '\(shown)'.", "RenameItemIOError") }
            if p.isSet("PassThru") { context.write(FileSystemItem.object(path: target, shownParent: nil)) }
        default:
            let (paths, literal) = ContentPaths.requested(context)
            for shown in paths {
                let items = try ContentPaths.expand(shown, literal: literal, context).filter { Builtin.exists($0.path) }
                if items.isEmpty { context.writeError(Builtin.pathNotFound(context, shown)); continue }
                for item in items { try act(on: item, context) }
            }
        }
    }

    private func act(on item: ContentPaths.Item, _ context: CommandContext) throws {
        let p = context.parameters
        let fm = FileManager.default
        switch mode {
        case .get:
            context.write(FileSystemItem.object(path: item.path, shownParent: nil))
        case .remove:
            guard try context.shouldProcess(target: item.shown, action: "Remove File") else { return }
            let isDir = Builtin.exists(item.path, directory: true)
            if isDir, !p.isSet("Recurse"), !((try? fm.contentsOfDirectory(atPath: item.path)) ?? []).isEmpty {
                throw Builtin.error(context, "The item at \(item.shown) has children and the Recurse parameter was not specified.",
                                    id: "DirectoryNotEmpty", category: .writeError, target: .string(item.shown), exception: "System.IO.IOException")
            }
            do { try fm.removeItem(atPath: item.path) } catch { throw fail(context, "Cannot remove item \(item.shown).", "RemoveFileSystemItemIOError") }
        case .copy, .move:
            guard let destValue = p["Destination"] else { return }
            let destShown = Conversion.toString(destValue)
            var dest = try Builtin.resolve(context, destShown)
            if Builtin.exists(dest, directory: true) { dest += "/" + (item.path as NSString).lastPathComponent }
            guard try context.shouldProcess(target: item.shown, action: mode == .copy ? "Copy File" : "Move File") else { return }
            if Builtin.exists(dest) {
                guard p.isSet("Force") || mode == .copy else {
                    throw fail(context, "Cannot create a file when that file already exists.", "MoveFileInfoItemIOError")
                }
                try? fm.removeItem(atPath: dest)
            }
            if mode == .copy, Builtin.exists(item.path, directory: true), !p.isSet("Recurse") {
                try? fm.createDirectory(atPath: dest, withIntermediateDirectories: true)
            } else {
                do {
                    if mode == .copy { try fm.copyItem(atPath: item.path, toPath: dest) } else { try fm.moveItem(atPath: item.path, toPath: dest) }
                } catch { throw fail(context, "Could not find a part of the path '\(destShown)'.", "CopyItemIOError") }
            }
            if p.isSet("PassThru") { context.write(FileSystemItem.object(path: dest, shownParent: nil)) }
        default: break
        }
    }
}
