import Foundation

extension Interpreter {
    /// Installs a command's redirections. Output to a file is collected and written with
    /// Out-File semantics when the pipeline ends (the returned closure does that).
    func applyRedirections(_ redirections: [RedirectionAst], to processor: CommandProcessor) throws -> (() throws -> Void)? {
        var finish: (() throws -> Void)?
        for r in redirections {
            switch (r.from, r.target) {
            case (.output, .file(let target, let append)), (.all, .file(let target, let append)):
                let path = try evaluate(target)
                if path.isNull {
                    processor.downstream = { _ in }
                    if r.from == .all { processor.errorRedirect = { _ in } }
                    continue
                }
                let box = Collector()
                processor.downstream = { box.values.append($0) }
                if r.from == .all { processor.errorRedirect = { box.values.append(ErrorRecordValue.make($0)) } }
                let file = toString(path)
                finish = { try self.writeFile(box.values, path: file, append: append) }
            case (.error, .file(let target, let append)):
                let path = try evaluate(target)
                if path.isNull { processor.errorRedirect = { _ in }; continue }
                let file = try session.resolvePath(toString(path))
                if !append { FileManager.default.createFile(atPath: file, contents: nil) }
                processor.errorRedirect = { record in try self.appendText(record.message + "\n", to: file) }
            case (.error, .merge), (.all, .merge):
                processor.errorRedirect = { [unowned processor] record in try processor.downstream(ErrorRecordValue.make(record)) }
            default:
                // Warning/verbose/debug/information redirections: those streams go to the host.
                continue
            }
        }
        return finish
    }

    final class Collector { var values: [Value] = [] }

    /// Writes objects to a file as Out-File renders them (the registry's Out-File when present).
    func writeFile(_ values: [Value], path: String, append: Bool) throws {
        if let d = registry.lookup("Out-File") {
            var args: [CommandArgument] = [.named("FilePath", .string(path))]
            if append { args.append(.named("Append", .bool(true))) }
            let proc = try processor(for: .cmdlet(d), arguments: args, pipelineId: newPipelineId(), index: 0,
                                     expectingInput: true, extent: nil)
            proc.downstream = { _ in }
            try runProcessors([proc], pipelineId: proc.pipelineId) { for v in values { try proc.receive(v) } }
            return
        }
        let file = try session.resolvePath(path)
        let text = values.map { toString($0) + "\n" }.joined()
        if append { try appendText(text, to: file) } else { try text.write(toFile: file, atomically: false, encoding: .utf8) }
    }

    func appendText(_ text: String, to file: String) throws {
        guard let handle = FileHandle(forWritingAtPath: file) else {
            try text.write(toFile: file, atomically: false, encoding: .utf8)
            return
        }
        defer { try? handle.close() }
        handle.seekToEndOfFile()
        handle.write(Data(text.utf8))
    }
}
