import Foundation

/// A program found in PATH (or named by path) run as a pipeline command, as pwsh runs native
/// commands: arguments go one per argv slot (no shell, no re-quoting), stdout comes back as one
/// string per line, stderr goes straight to ours, pipeline input is written to stdin one line
/// per object, and `$LASTEXITCODE`/`$?` report the exit status.
final class ExternalCommand: Cmdlet {
    static func declaration(name: String) -> CommandDeclaration {
        CommandDeclaration(name: name, synopsis: "An external program.",
                           parameters: [ParameterDeclaration("InputObject", .object, sets: [ParameterSetMembership(valueFromPipeline: true)])],
                           make: { ExternalCommand(path: "", arguments: [], interpreter: nil, pipelineId: 0, takesInput: false) })
    }

    let path: String
    let arguments: [String]
    weak var interpreter: Interpreter?
    let pipelineId: Int
    /// Not the first command: stdin is a pipe fed from the pipeline (closed at once when empty).
    let takesInput: Bool
    private var input: [String] = []

    init(path: String, arguments: [String], interpreter: Interpreter?, pipelineId: Int, takesInput: Bool) {
        self.path = path
        self.arguments = arguments
        self.interpreter = interpreter
        self.pipelineId = pipelineId
        self.takesInput = takesInput
    }

    func process(_ context: CommandContext) throws {
        guard let value = context.currentInput else { return }
        for item in Conversion.enumerate(value) ?? [value] { input.append(Conversion.toString(item)) }
    }

    func end(_ context: CommandContext) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        if let dir = interpreter?.currentDirectory { process.currentDirectoryURL = URL(fileURLWithPath: dir) }
        let stdout = Pipe()
        process.standardOutput = stdout
        process.standardError = FileHandle.standardError
        let stdin: Pipe? = takesInput ? Pipe() : nil
        if let stdin { process.standardInput = stdin }
        do { try process.run() } catch {
            throw ErrorRecord(message: "An error occurred trying to start process '\(path)' with working directory '\(interpreter?.currentDirectory ?? "")'. \(error.localizedDescription)",
                              errorId: "NativeCommandFailed", category: .resourceUnavailable, targetObject: .string(path),
                              exceptionType: "System.Management.Automation.ApplicationFailedException")
        }
        // A pipeline that stops early (Select-Object -First) ends the program, as pwsh kills it;
        // SIGKILL because the child may have inherited a mask that blocks SIGTERM.
        defer { if process.isRunning { kill(process.processIdentifier, SIGKILL); process.waitUntilExit() } }
        if let stdin { feed(stdin, input) }
        let lines = LineSplitter()
        let reader = stdout.fileHandleForReading
        while true {
            let chunk = reader.availableData
            if chunk.isEmpty { break }
            for line in lines.append(chunk) { context.write(.string(line)) }
            if context.isStopping { return }
        }
        if let last = lines.finish() { context.write(.string(last)) }
        process.waitUntilExit()
        let code = process.terminationReason == .uncaughtSignal ? 128 + Int(process.terminationStatus) : Int(process.terminationStatus)
        try interpreter?.setVariable("LASTEXITCODE", .int(code), scope: interpreter?.global)
        if code != 0 { interpreter?.failedNativePipeline = pipelineId }
    }

    /// Writes the input on its own thread, so a program that answers before reading all of it
    /// cannot deadlock against us.
    private func feed(_ pipe: Pipe, _ lines: [String]) {
        let handle = pipe.fileHandleForWriting
        let data = Data(lines.map { $0 + "\n" }.joined().utf8)
        Thread.detachNewThread {
            // A program that exits without reading makes the write fail: block SIGPIPE on this
            // thread so that is EPIPE here, not the death of the shell.
            var set = sigset_t()
            sigemptyset(&set)
            sigaddset(&set, SIGPIPE)
            pthread_sigmask(SIG_BLOCK, &set, nil)
            data.withUnsafeBytes { raw in
                var offset = 0
                while offset < raw.count {
                    let n = Glibc.write(handle.fileDescriptor, raw.baseAddress! + offset, raw.count - offset)
                    if n <= 0 { break }
                    offset += n
                }
            }
            try? handle.close()
        }
    }
}

/// Cuts a byte stream into UTF-8 lines at LF (a CR before it is dropped), keeping the partial last line.
final class LineSplitter {
    private var pending: [UInt8] = []

    func append(_ data: Data) -> [String] {
        pending.append(contentsOf: data)
        var lines: [String] = []
        var start = 0
        for i in pending.indices where pending[i] == 0x0A {
            var end = i
            if end > start, pending[end - 1] == 0x0D { end -= 1 }
            lines.append(String(decoding: pending[start..<end], as: UTF8.self))
            start = i + 1
        }
        pending.removeFirst(start)
        return lines
    }

    func finish() -> String? {
        defer { pending = [] }
        return pending.isEmpty ? nil : String(decoding: pending, as: UTF8.self)
    }
}
