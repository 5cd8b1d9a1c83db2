import Cmdlets
import PowerShell

/// The commands a migsh session knows: general-purpose builtins, formatting/output
/// commands, and the Exchange migration cmdlets. Registration only stores declarations:
/// nothing here opens the database or TLS (startup stays fast).
enum ShellRegistry {
    static func make() -> CommandRegistry {
        let registry = CommandRegistry()
        BuiltinCommands.register(in: registry)
        registry.register(FormatCommands.all)
        for (alias, target) in FormatCommands.aliases { registry.registerAlias(alias, for: target) }
        MigrationCommands.register(into: registry)
        return registry
    }
}
