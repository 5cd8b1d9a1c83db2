/// The formatting and output commands, registered by the executable next to the builtins.
/// The runtime sends each top-level pipeline's output to `Out-Default`.
public enum FormatCommands {
    public static var all: [CommandDeclaration] {
        [
            FormatTableCommand.declaration,
            FormatListCommand.declaration,
            FormatWideCommand.declaration,
            OutHostCommand.declaration("Out-Default", synopsis: "Sends output to the default formatter and the console."),
            OutHostCommand.declaration("Out-Host", synopsis: "Sends output to the console."),
            OutStringCommand.declaration,
            OutFileCommand.declaration,
            OutNullCommand.declaration,
        ]
    }

    /// pwsh's aliases for these commands.
    public static let aliases: [(alias: String, target: String)] = [
        ("ft", "Format-Table"), ("fl", "Format-List"), ("fw", "Format-Wide"), ("oh", "Out-Host"),
    ]
}
