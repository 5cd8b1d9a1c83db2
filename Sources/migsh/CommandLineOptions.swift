/// pwsh's command line: `[-File] script.ps1 args…`, `-Command text…`, `-Command -`,
/// `-NoProfile`, `-NonInteractive`, `-NoLogo`, `-Version`, `-Help` and their abbreviations.
/// A switch may be shortened down to its documented short form (`-nop`, `-noni`, `-c`, `-f`);
/// `--name` works as `-name`.
struct CommandLineOptions: Equatable {
    enum Mode: Equatable {
        case repl
        case file(path: String, arguments: [String])
        case command(String)
        case commandFromStdin
        case version
        case help
    }

    var mode = Mode.repl
    var noProfile = false
    var nonInteractive = false
    var noLogo = false
    var noExit = false
    var workingDirectory: String?

    struct UsageError: Error, Equatable {
        let message: String
    }

    /// Each switch with the shortest prefix pwsh accepts for it.
    private static let switches: [(name: String, shortest: String)] = [
        ("command", "c"), ("file", "f"), ("noprofile", "nop"), ("noninteractive", "noni"), ("nologo", "nol"),
        ("noexit", "noe"), ("version", "v"), ("help", "h"), ("executionpolicy", "ex"), ("workingdirectory", "wd"),
        ("encodedcommand", "e"), ("inputformat", "inp"), ("outputformat", "o"), ("windowstyle", "w"),
        ("interactive", "i"), ("login", "l"), ("mta", "mta"), ("sta", "sta"),
    ]

    private static func match(_ arg: String) -> String? {
        var key = arg.lowercased()
        if key.hasPrefix("--") { key.removeFirst(2) } else if key.hasPrefix("-") { key.removeFirst() } else { return nil }
        if key == "?" { return "help" }
        if key == "ep" { return "executionpolicy" }
        if key == "ec" { return "encodedcommand" }
        if key == "if" { return "inputformat" }
        if key == "of" { return "outputformat" }
        return switches.first { $0.name.hasPrefix(key) && key.count >= $0.shortest.count }?.name
    }

    static func parse(_ args: [String]) throws(UsageError) -> CommandLineOptions {
        var o = CommandLineOptions()
        var i = 0
        func value(_ what: String) throws(UsageError) -> String {
            guard i + 1 < args.count else {
                throw UsageError(message: "Cannot process the command because of a missing parameter. \(what)")
            }
            i += 1
            return args[i]
        }
        while i < args.count {
            let arg = args[i]
            guard let name = match(arg) else {
                if arg.hasPrefix("-") && arg.count > 1 {
                    throw UsageError(message: "The argument '\(arg)' is not recognized as the name of a script file. Check the spelling of the name, or if a path was included, verify that the path is correct and try again.")
                }
                // The first bare argument is the script; the rest are its arguments.
                o.mode = .file(path: arg, arguments: Array(args[(i + 1)...]))
                return o
            }
            switch name {
            case "command":
                let first = try value("A command must follow -Command.")
                if first == "-" {
                    o.mode = .commandFromStdin
                } else {
                    o.mode = .command(args[i...].joined(separator: " "))
                }
                return o
            case "encodedcommand":
                let text = try value("An encoded command must follow -EncodedCommand.")
                guard let decoded = decodeBase64UTF16(text) else {
                    throw UsageError(message: "Cannot process the encoded command. The value of -EncodedCommand is not valid Base64-encoded UTF-16LE text.")
                }
                o.mode = .command(decoded)
                return o
            case "file":
                let path = try value("A file path must follow -File.")
                if path == "-" { o.mode = .commandFromStdin; return o }
                o.mode = .file(path: path, arguments: Array(args[(i + 1)...]))
                return o
            case "noprofile": o.noProfile = true
            case "noninteractive": o.nonInteractive = true
            case "nologo": o.noLogo = true
            case "noexit": o.noExit = true
            case "version": o.mode = .version; return o
            case "help": o.mode = .help; return o
            case "workingdirectory": o.workingDirectory = try value("A directory must follow -WorkingDirectory.")
            case "executionpolicy", "inputformat", "outputformat", "windowstyle":
                _ = try value("A value must follow -\(name).")
            default: break   // -Interactive, -Login, -MTA, -STA: accepted, nothing to do.
            }
            i += 1
        }
        return o
    }

    /// -EncodedCommand: Base64 of UTF-16LE text, as pwsh takes it.
    private static func decodeBase64UTF16(_ text: String) -> String? {
        let table = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)
        var lookup = [UInt8](repeating: 255, count: 256)
        for (i, c) in table.enumerated() { lookup[Int(c)] = UInt8(i) }
        var bytes: [UInt8] = []
        var buffer: UInt32 = 0, bits = 0
        for c in text.utf8 where c != UInt8(ascii: "=") {
            let v = lookup[Int(c)]
            if v == 255 { return nil }
            buffer = buffer << 6 | UInt32(v)
            bits += 6
            if bits >= 8 { bits -= 8; bytes.append(UInt8((buffer >> UInt32(bits)) & 0xFF)) }
        }
        guard bytes.count % 2 == 0 else { return nil }
        let units = stride(from: 0, to: bytes.count, by: 2).map { UInt16(bytes[$0]) | UInt16(bytes[$0 + 1]) << 8 }
        return String(decoding: units, as: UTF16.self)
    }

    static let usage = """
        Usage: migsh [[-File] <filePath> [args]]
                     [-Command { - | <script-text> }]
                     [-NoProfile] [-NonInteractive] [-NoLogo] [-NoExit]
                     [-WorkingDirectory <directoryPath>] [-Version] [-Help]

        migsh runs PowerShell runbooks for IMAP mailbox migrations on Linux.
        With no arguments it starts an interactive shell (when standard input is a terminal)
        or runs the statements read from standard input.

          -File <path> [args]   Runs a script file; the arguments go to the script.
                                A first argument that is not a switch is taken as -File.
          -Command <text>       Runs the text (all remaining arguments) as PowerShell.
          -Command -            Reads the commands from standard input.
          -NoProfile (-nop)     Does not run $MIGSH_HOME/profile.ps1.
          -NonInteractive (-noni)
                                Never prompts; a prompt becomes an error.
          -NoLogo (-nol)        Hides the banner of the interactive shell.
          -NoExit (-noe)        Stays in the interactive shell after -File or -Command.
          -Version (-v)         Prints the version.
          -Help (-h, -?)        Prints this text.

        Drives: MIGSH_DRIVE_C names the directory that stands for C:\\ (likewise for other letters).
        State: MIGSH_HOME (default ~/.local/share/migsh) holds history and profile.ps1.
        """
}
