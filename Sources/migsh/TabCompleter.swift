#if canImport(Glibc)
@preconcurrency import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import PowerShell

/// What Tab offers, from the command declarations: command names (commands, aliases,
/// functions) at the start of a command, `-Parameter` names after `-`, a parameter's
/// values (enum values, declared values, provider values, files) after it, else paths.
struct TabCompleter {
    struct Result: Equatable {
        var matches: [String]
        /// What replaces the word when Tab is pressed: the one match, or the longest common prefix.
        var commonPrefix: String
        var appendSpace: Bool
    }

    let registry: CommandRegistry
    /// Names of the functions defined in the session.
    let functionNames: () -> [String]
    /// Names of the session's variables (without `$`).
    let variableNames: () -> [String]
    let currentDirectory: () -> String

    /// Parameters every cmdlet takes (CmdletBinding's common parameters).
    static let commonParameters = ["Verbose", "Debug", "ErrorAction", "WarningAction", "InformationAction",
                                   "ErrorVariable", "WarningVariable", "OutVariable", "OutBuffer", "PipelineVariable"]

    func complete(line: String, word: String) -> Result {
        if word.hasPrefix("$") {
            let prefix = String(word.dropFirst())
            return result(variableNames().filter { Self.hasPrefix($0, prefix) }.sorted().map { "$" + $0 })
        }
        let segment = Self.currentCommandSegment(line)
        let tokens = Self.words(segment)
        let atCommandName = tokens.isEmpty || (tokens.count == 1 && !segment.hasSuffix(" ") && !segment.hasSuffix("\t"))
        if atCommandName {
            if word.contains("/") || word.hasPrefix(".") || word.hasPrefix("~") { return paths(word) }
            return result(commandNames(prefix: word))
        }
        let command = registry.lookup(tokens[0])
        if word.hasPrefix("-") {
            return result(parameterNames(command, prefix: String(word.dropFirst())).map { "-" + $0 })
        }
        // The word is a value: of the parameter just before it, when that one takes a value.
        let previous = word.isEmpty ? tokens.last : (tokens.count >= 2 ? tokens[tokens.count - 2] : nil)
        if let previous, previous.hasPrefix("-"), let command,
           let parameter = command.parameter(named: Self.resolveParameter(command, String(previous.dropFirst())) ?? ""),
           !parameter.isSwitch {
            if let values = parameterValues(parameter) { return result(values.filter { Self.hasPrefix($0, word) }) }
        }
        return paths(word)
    }

    private func result(_ matches: [String]) -> Result {
        var seen = Set<String>()
        let unique = matches.filter { seen.insert($0.lowercased()).inserted }
        return Result(matches: unique, commonPrefix: Self.commonPrefix(unique), appendSpace: unique.count == 1)
    }

    func commandNames(prefix: String) -> [String] {
        let names = registry.declarations.map(\.name) + registry.aliases.map(\.alias) + functionNames()
        return names.filter { Self.hasPrefix($0, prefix) }.sorted { $0.lowercased() < $1.lowercased() }
    }

    func parameterNames(_ command: CommandDeclaration?, prefix: String) -> [String] {
        guard let command else { return [] }
        var names = command.parameters.map(\.name)
        if command.supportsShouldProcess { names += ["WhatIf", "Confirm"] }
        names += Self.commonParameters
        return names.filter { Self.hasPrefix($0, prefix) }
    }

    /// The declared parameter a possibly abbreviated name stands for.
    static func resolveParameter(_ command: CommandDeclaration, _ name: String) -> String? {
        let bare = name.hasSuffix(":") ? String(name.dropLast()) : name
        if let exact = command.parameter(named: bare) { return exact.name }
        let candidates = command.parameters.filter { hasPrefix($0.name, bare) }
        return candidates.count == 1 ? candidates[0].name : nil
    }

    private func parameterValues(_ parameter: ParameterDeclaration) -> [String]? {
        switch parameter.completion {
        case .values(let v): return v
        case .provider(let key): return registry.completionValues(provider: key)
        case .files: return nil
        case .none: break
        }
        if let set = parameter.validateSet { return set }
        if case .enumeration(_, let values) = parameter.type { return values }
        if case .array(.enumeration(_, let values)) = parameter.type { return values }
        if parameter.type == .bool { return ["$true", "$false"] }
        return nil
    }

    /// Files and directories starting with the word (case-insensitively, as on Windows);
    /// directories end in `/` and take no trailing space.
    func paths(_ word: String) -> Result {
        var dirPart = "", filePart = word
        if let slash = word.lastIndex(of: "/") {
            dirPart = String(word[...slash])
            filePart = String(word[word.index(after: slash)...])
        }
        var base = dirPart.isEmpty ? currentDirectory() : dirPart
        if base.hasPrefix("~"), let home = getenv("HOME") { base = String(cString: home) + base.dropFirst() }
        if !base.hasPrefix("/") { base = currentDirectory() + "/" + base }
        guard let dir = opendir(base) else { return Result(matches: [], commonPrefix: word, appendSpace: false) }
        defer { closedir(dir) }
        var matches: [String] = []
        // Read only the name: an entry at the end of readdir's buffer can be shorter than sizeof(dirent),
        // so copying the struct (entry.pointee) may touch an unmapped page.
        let nameOffset = MemoryLayout<dirent>.offset(of: \dirent.d_name)!
        while let entry = readdir(dir) {
            let name = String(cString: UnsafeRawPointer(entry).advanced(by: nameOffset).assumingMemoryBound(to: CChar.self))
            if name == "." || name == ".." { continue }
            if name.hasPrefix(".") && !filePart.hasPrefix(".") { continue }
            guard Self.hasPrefix(name, filePart) else { continue }
            var st = stat()
            let isDir = stat(base + "/" + name, &st) == 0 && (st.st_mode & S_IFMT) == S_IFDIR
            matches.append(dirPart + name + (isDir ? "/" : ""))
        }
        matches.sort()
        let single = matches.count == 1
        return Result(matches: matches, commonPrefix: Self.commonPrefix(matches),
                      appendSpace: single && !(matches.first?.hasSuffix("/") ?? false))
    }

    static func hasPrefix(_ s: String, _ prefix: String) -> Bool {
        prefix.isEmpty || s.lowercased().hasPrefix(prefix.lowercased())
    }

    /// The longest prefix shared by every match (case-insensitively), in the first match's spelling.
    static func commonPrefix(_ matches: [String]) -> String {
        guard var prefix = matches.first.map(Array.init) else { return "" }
        for m in matches.dropFirst() {
            let chars = Array(m)
            var n = 0
            while n < prefix.count, n < chars.count, prefix[n].lowercased() == chars[n].lowercased() { n += 1 }
            prefix = Array(prefix.prefix(n))
        }
        return String(prefix)
    }

    /// The text of the command under the cursor: after the last `|`, `;`, `(`, `{` or `&`
    /// that is not inside quotes.
    static func currentCommandSegment(_ line: String) -> String {
        var start = line.startIndex
        var quote: Character?
        var i = line.startIndex
        while i < line.endIndex {
            let c = line[i]
            if let q = quote {
                if c == q { quote = nil }
            } else if c == "'" || c == "\"" {
                quote = c
            } else if "|;({&".contains(c) {
                start = line.index(after: i)
            }
            i = line.index(after: i)
        }
        return String(line[start...]).drop(while: { $0 == " " || $0 == "\t" }).description
    }

    /// Whitespace-separated words, quotes kept together.
    static func words(_ segment: String) -> [String] {
        var out: [String] = []
        var current = ""
        var quote: Character?
        for c in segment {
            if let q = quote {
                current.append(c)
                if c == q { quote = nil }
            } else if c == " " || c == "\t" {
                if !current.isEmpty { out.append(current); current = "" }
            } else {
                if c == "'" || c == "\"" { quote = c }
                current.append(c)
            }
        }
        if !current.isEmpty { out.append(current) }
        return out
    }
}
