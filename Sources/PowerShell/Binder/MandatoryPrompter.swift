/// Asks the user for missing mandatory parameters, laid out as pwsh does:
/// `cmdlet Name at command pipeline position 1`, `Supply values for the following parameters:`,
/// then `Name: ` per parameter (`Name[0]: `, `Name[1]: ` … for arrays, an empty line ends).
struct MandatoryPrompter {
    let host: PSHost
    let converter: ArgumentConverter
    let command: String
    let position: Int

    func prompt(for missing: [ParameterDeclaration], into bound: inout BoundParameters) throws {
        host.write("cmdlet \(command) at command pipeline position \(position)", foreground: nil, newline: true)
        host.write("Supply values for the following parameters:", foreground: nil, newline: true)
        for (n, p) in missing.enumerated() {
            let answer: Value
            switch p.type {
            case .array, .bytes:
                var items: [Value] = []
                while true {
                    guard let line = host.readLine(prompt: "\(p.name)[\(items.count)]: ", secure: false) else {
                        throw BindingErrors.missingMandatory(missing[n...].map(\.name), command)
                    }
                    if line.isEmpty { break }
                    items.append(.string(line))
                }
                answer = .list(items)
            default:
                let secure = p.type == .credential || p.name.lowercased().contains("password")
                guard let line = host.readLine(prompt: "\(p.name): ", secure: secure) else {
                    throw BindingErrors.missingMandatory(missing[n...].map(\.name), command)
                }
                answer = .string(line)
            }
            bound[p.name] = try converter.convert(answer, for: p, mandatory: true, extent: nil)
        }
    }
}
