import Foundation

/// System.IO.File, System.IO.Path and System.IO.Directory.
extension DotNet {
    static let fileType = StaticType(fullName: "System.IO.File", member: { _, _ in nil }, method: fileMethod)
    static let pathType = StaticType(fullName: "System.IO.Path", member: pathMember, method: pathMethod)
    static let directoryType = StaticType(fullName: "System.IO.Directory", member: { _, _ in nil }, method: directoryMethod)

    static func fileMethod(_ c: MethodCall) throws -> Value? {
        let fm = FileManager.default
        func read(_ path: String) throws -> [UInt8] {
            let shown = c.string(0)
            var isDir: ObjCBool = false
            guard fm.fileExists(atPath: path, isDirectory: &isDir) else {
                let parent = (path as NSString).deletingLastPathComponent
                throw c.exception(fm.fileExists(atPath: parent) ? "Could not find file '\(shown)'."
                                  : "Could not find a part of the path '\(shown)'.")
            }
            guard !isDir.boolValue else { throw c.exception("Access to the path '\(shown)' is denied.") }
            guard let data = fm.contents(atPath: path) else { throw c.exception("Access to the path '\(shown)' is denied.") }
            return [UInt8](data)
        }
        func write(_ path: String, _ bytes: [UInt8], append: Bool = false) throws {
            let parent = (path as NSString).deletingLastPathComponent
            var isDir: ObjCBool = false
            guard parent.isEmpty || (fm.fileExists(atPath: parent, isDirectory: &isDir) && isDir.boolValue) else {
                throw c.exception("Could not find a part of the path '\(c.string(0))'.")
            }
            if append, let h = FileHandle(forWritingAtPath: path) {
                defer { try? h.close() }
                _ = try? h.seekToEnd()
                try h.write(contentsOf: Data(bytes))
                return
            }
            guard fm.createFile(atPath: path, contents: Data(bytes)) else {
                throw c.exception("Access to the path '\(c.string(0))' is denied.")
            }
        }
        func encoding(_ i: Int) -> PSEncoding {
            guard c.count > i else { return .utf8 }
            return PSEncoding.from(c.arguments[i]) ?? .utf8
        }
        switch c.lowerName {
        case "readallbytes":
            try c.expect(1)
            return .bytes(PSBytes(try read(try c.path(0))))
        case "readalltext":
            try c.expect(1, 2)
            return .string(PSEncoding.decodeDetecting(try read(try c.path(0)), fallback: encoding(1)))
        case "readalllines", "readlines":
            try c.expect(1, 2)
            let text = PSEncoding.decodeDetecting(try read(try c.path(0)), fallback: encoding(1))
            return DotNetValue.strings(TextLines.split(text))
        case "writealltext", "appendalltext":
            try c.expect(2, 3)
            let enc = encoding(2)
            try write(try c.path(0), enc.encode(c.string(1), preamble: c.count > 2), append: c.lowerName == "appendalltext")
            return .null
        case "writealllines", "appendalllines":
            try c.expect(2, 3)
            let lines = DotNetValue.items(c.arguments[1]).map(DotNetValue.string)
            let text = lines.map { $0 + "\n" }.joined()
            try write(try c.path(0), encoding(2).encode(text, preamble: c.count > 2), append: c.lowerName == "appendalllines")
            return .null
        case "writeallbytes":
            try c.expect(2)
            guard let bytes = DotNetValue.bytes(c.arguments[1]) else { throw c.overloadError() }
            try write(try c.path(0), bytes)
            return .null
        case "exists":
            try c.expect(1)
            guard let path = try? c.environment.resolve(c.string(0)) else { return .bool(false) }
            var isDir: ObjCBool = false
            return .bool(fm.fileExists(atPath: path, isDirectory: &isDir) && !isDir.boolValue)
        case "delete":
            try c.expect(1)
            let path = try c.path(0)
            if fm.fileExists(atPath: path) {
                do { try fm.removeItem(atPath: path) } catch { throw c.exception("Access to the path '\(c.string(0))' is denied.") }
            }
            return .null
        case "copy", "move":
            try c.expect(2, 3)
            let src = try c.path(0), dst = try c.path(1)
            guard fm.fileExists(atPath: src) else { throw c.exception("Could not find file '\(c.string(0))'.") }
            if fm.fileExists(atPath: dst) {
                guard c.count == 3 && c.bool(2) else { throw c.exception("The file '\(c.string(1))' already exists.") }
                try? fm.removeItem(atPath: dst)
            }
            do {
                if c.lowerName == "copy" { try fm.copyItem(atPath: src, toPath: dst) } else { try fm.moveItem(atPath: src, toPath: dst) }
            } catch { throw c.exception("Could not find a part of the path '\(c.string(1))'.") }
            return .null
        default: return nil
        }
    }

    static func pathMember(_ name: String, _ env: DotNetEnvironment) throws -> Value? {
        switch name {
        case "directoryseparatorchar": return .string("/")
        case "altdirectoryseparatorchar": return .string("/")
        case "pathseparator": return .string(":")
        case "volumeseparatorchar": return .string("/")
        default: return nil
        }
    }

    /// Windows-style paths from runbooks split on `\` as well as `/`.
    static func lastSeparator(_ s: String) -> String.Index? { s.lastIndex { $0 == "/" || $0 == "\\" } }

    static func pathMethod(_ c: MethodCall) throws -> Value? {
        switch c.lowerName {
        case "combine", "join":
            guard c.count >= 1 else { throw c.overloadError() }
            let parts = c.rest(from: 0).map(DotNetValue.string)
            var result = ""
            for p in parts where !p.isEmpty {
                if p.hasPrefix("/") || p.hasPrefix("\\") || (p.count >= 2 && Array(p)[1] == ":" && c.lowerName == "combine") {
                    result = p; continue
                }
                if result.isEmpty { result = p; continue }
                let sep: Character = result.contains("\\") && !result.contains("/") ? "\\" : "/"
                if result.last != "/" && result.last != "\\" { result.append(sep) }
                result += p
            }
            return .string(result)
        case "getfilename":
            try c.expect(1)
            let s = c.string(0)
            return .string(lastSeparator(s).map { String(s[s.index(after: $0)...]) } ?? s)
        case "getextension":
            try c.expect(1)
            let name = fileName(c.string(0))
            guard let dot = name.lastIndex(of: "."), dot != name.index(before: name.endIndex) else { return .string("") }
            return .string(String(name[dot...]))
        case "getfilenamewithoutextension":
            try c.expect(1)
            let name = fileName(c.string(0))
            guard let dot = name.lastIndex(of: ".") else { return .string(name) }
            return .string(String(name[..<dot]))
        case "getdirectoryname":
            try c.expect(1)
            let s = c.string(0)
            guard let sep = lastSeparator(s) else { return .string("") }
            if sep == s.startIndex { return s.count == 1 ? .null : .string(String(s[sep])) }
            return .string(String(s[..<sep]))
        case "gettemppath":
            try c.expect(0)
            var t = ProcessInfo.processInfo.environment["TMPDIR"] ?? "/tmp/"
            if !t.hasSuffix("/") { t += "/" }
            return .string(t)
        case "gettempfilename":
            try c.expect(0)
            let path = NSTemporaryDirectory() + "tmp" + String(UInt32.random(in: 0...UInt32.max), radix: 16) + ".tmp"
            FileManager.default.createFile(atPath: path, contents: Data())
            return .string(path)
        case "getrandomfilename":
            try c.expect(0)
            let letters = Array("abcdefghijklmnopqrstuvwxyz0123456789")
            let name = String((0..<8).map { _ in letters.randomElement()! }) + "." + String((0..<3).map { _ in letters.randomElement()! })
            return .string(name)
        case "getfullpath":
            try c.expect(1)
            return .string(try c.path(0))
        case "ispathrooted":
            try c.expect(1)
            let s = c.string(0)
            return .bool(s.hasPrefix("/") || s.hasPrefix("\\") || (s.count >= 2 && Array(s)[1] == ":"))
        case "changeextension":
            try c.expect(2)
            let s = c.string(0), name = fileName(s)
            var base = s
            if let dot = name.lastIndex(of: ".") { base = String(s.dropLast(name.distance(from: dot, to: name.endIndex))) }
            if c.arguments[1].isNull { return .string(base) }
            let ext = c.string(1)
            return .string(base + (ext.hasPrefix(".") ? ext : "." + ext))
        case "hasextension":
            try c.expect(1)
            return .bool(fileName(c.string(0)).contains("."))
        default: return nil
        }
    }

    static func fileName(_ s: String) -> String { lastSeparator(s).map { String(s[s.index(after: $0)...]) } ?? s }

    static func directoryMethod(_ c: MethodCall) throws -> Value? {
        let fm = FileManager.default
        switch c.lowerName {
        case "exists":
            try c.expect(1)
            guard let path = try? c.environment.resolve(c.string(0)) else { return .bool(false) }
            var isDir: ObjCBool = false
            return .bool(fm.fileExists(atPath: path, isDirectory: &isDir) && isDir.boolValue)
        case "getfiles", "getdirectories", "enumeratefiles", "enumeratedirectories":
            try c.expect(1, 2)
            let dir = try c.path(0)
            let pattern = c.count > 1 ? c.string(1) : "*"
            guard let names = try? fm.contentsOfDirectory(atPath: dir) else {
                throw c.exception("Could not find a part of the path '\(c.string(0))'.")
            }
            let wantDirs = c.lowerName.contains("director")
            let shownBase = c.string(0)
            let sep = shownBase.hasSuffix("/") || shownBase.hasSuffix("\\") ? "" : (shownBase.contains("\\") && !shownBase.contains("/") ? "\\" : "/")
            let matcher = WildcardPattern(pattern)
            return DotNetValue.strings(names.sorted().filter { name in
                var isDir: ObjCBool = false
                fm.fileExists(atPath: dir + "/" + name, isDirectory: &isDir)
                return isDir.boolValue == wantDirs && matcher.matches(name)
            }.map { shownBase + sep + $0 })
        case "createdirectory":
            try c.expect(1)
            let path = try c.path(0)
            do { try fm.createDirectory(atPath: path, withIntermediateDirectories: true) } catch {
                throw c.exception("Access to the path '\(c.string(0))' is denied.")
            }
            return FileSystemItem.object(path: path, shownParent: nil)
        case "delete":
            try c.expect(1, 2)
            let path = try c.path(0)
            let recursive = c.count > 1 && c.bool(1)
            let contents = (try? fm.contentsOfDirectory(atPath: path)) ?? []
            guard fm.fileExists(atPath: path) else { throw c.exception("Could not find a part of the path '\(c.string(0))'.") }
            guard recursive || contents.isEmpty else { throw c.exception("Directory not empty : '\(c.string(0))'") }
            try? fm.removeItem(atPath: path)
            return .null
        case "getcurrentdirectory":
            try c.expect(0)
            return .string(c.environment.session?.currentDirectory ?? fm.currentDirectoryPath)
        default: return nil
        }
    }
}
