/// The commands a session can run, by name and alias, case-insensitively.
/// Builtins, formatting commands and the migration cmdlets all register here;
/// the binder, Get-Command, Get-Help and tab completion read the same declarations.
public final class CommandRegistry: @unchecked Sendable {
    private var byName: [String: CommandDeclaration] = [:]
    private var order: [String] = []
    private var aliasTargets: [String: String] = [:]
    private var aliasOrder: [String] = []
    /// Completion providers for `CompletionKind.provider(key)`.
    private var providers: [String: @Sendable () -> [String]] = [:]

    public init() {}

    public func register(_ declaration: CommandDeclaration) {
        let k = declaration.name.lowercased()
        if byName[k] == nil { order.append(declaration.name) }
        byName[k] = declaration
    }

    public func register(_ declarations: [CommandDeclaration]) { declarations.forEach(register) }

    public func registerAlias(_ alias: String, for target: String) {
        let k = alias.lowercased()
        if aliasTargets[k] == nil { aliasOrder.append(alias) }
        aliasTargets[k] = target
    }

    public func registerCompletionProvider(_ key: String, _ provider: @escaping @Sendable () -> [String]) {
        providers[key.lowercased()] = provider
    }

    public func completionValues(provider key: String) -> [String] { providers[key.lowercased()]?() ?? [] }

    /// The declaration for a command name or alias.
    public func lookup(_ name: String) -> CommandDeclaration? {
        let k = name.lowercased()
        if let d = byName[k] { return d }
        if let target = aliasTargets[k] { return byName[target.lowercased()] }
        return nil
    }

    public func aliasTarget(_ alias: String) -> String? { aliasTargets[alias.lowercased()] }

    public var declarations: [CommandDeclaration] { order.compactMap { byName[$0.lowercased()] } }

    public var aliases: [(alias: String, target: String)] {
        aliasOrder.map { (alias: $0, target: aliasTargets[$0.lowercased()]!) }
    }
}
