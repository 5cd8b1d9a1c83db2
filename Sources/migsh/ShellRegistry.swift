import PowerShell

/// The commands a migsh session knows: general-purpose builtins, formatting/output
/// commands, and the Exchange migration cmdlets.
enum ShellRegistry {
    static func make() -> CommandRegistry {
        let registry = CommandRegistry()
        registry.register(FormatCommands.all)
        for (alias, target) in FormatCommands.aliases { registry.registerAlias(alias, for: target) }
        // Migration cmdlets (module Cmdlets): MigrationCommands.register(into: registry)
        return registry
    }
}
