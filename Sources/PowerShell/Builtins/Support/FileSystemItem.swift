import Foundation

/// FileInfo / DirectoryInfo objects as Get-ChildItem, Get-Item and `[IO.Directory]::CreateDirectory` emit them.
public enum FileSystemItem {
    public static let fileTypeNames = ["System.IO.FileInfo", "System.IO.FileSystemInfo", "System.MarshalByRefObject", "System.Object"]
    public static let directoryTypeNames = ["System.IO.DirectoryInfo", "System.IO.FileSystemInfo", "System.MarshalByRefObject", "System.Object"]

    /// The object for a path on disk, or nil when nothing is there. `shownParent` is the parent as
    /// the user wrote it (PSParentPath), when known.
    public static func object(path: String, shownParent: String?) -> Value {
        let fm = FileManager.default
        var isDir: ObjCBool = false
        guard fm.fileExists(atPath: path, isDirectory: &isDir) else { return .null }
        let attrs = (try? fm.attributesOfItem(atPath: path)) ?? [:]
        let modified = (attrs[.modificationDate] as? Date) ?? Date()
        let created = (attrs[.creationDate] as? Date) ?? modified
        let name = (path as NSString).lastPathComponent
        let parent = (path as NSString).deletingLastPathComponent
        let hidden = name.hasPrefix(".")
        let mode = (isDir.boolValue ? "d" : "-") + (isDir.boolValue ? "-" : "a") + "-" + (hidden ? "h" : "-") + "-"
        var props: [(String, Value)] = [
            ("Mode", .string(mode)),
            ("LastWriteTime", .date(modified)),
        ]
        if !isDir.boolValue { props.append(("Length", .int((attrs[.size] as? NSNumber)?.intValue ?? 0))) }
        props += [
            ("Name", .string(name)),
            ("FullName", .string(path)),
            ("Extension", .string(isDir.boolValue ? "" : extensionOf(name))),
            ("BaseName", .string(isDir.boolValue ? name : baseName(name))),
            ("CreationTime", .date(created)),
            ("LastAccessTime", .date(modified)),
            ("Exists", .bool(true)),
            ("PSIsContainer", .bool(isDir.boolValue)),
            (isDir.boolValue ? "Parent" : "DirectoryName", .string(parent)),
            ("PSParentPath", .string(shownParent ?? parent)),
            ("PSChildName", .string(name)),
        ]
        let o = PSObject(typeNames: isDir.boolValue ? directoryTypeNames : fileTypeNames, properties: props)
        o.toStringValue = path
        return .object(o)
    }

    static func extensionOf(_ name: String) -> String {
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return "" }
        return String(name[dot...])
    }

    static func baseName(_ name: String) -> String {
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return name }
        return String(name[..<dot])
    }
}
