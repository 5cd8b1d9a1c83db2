/// Every general-purpose cmdlet migsh provides, and pwsh's standard aliases (including the
/// Windows-only ones that Windows-authored runbooks use). The runtime registers both.
public enum BuiltinCommands {
    public static var all: [CommandDeclaration] {
        WriteCommands.declarations + [
            WriteErrorCommand.declaration, WriteProgressCommand.declaration,
            SelectObjectCommand.declaration, WhereObjectCommand.declaration, ForEachObjectCommand.declaration,
            SortObjectCommand.declaration, GroupObjectCommand.declaration, MeasureObjectCommand.declaration,
            TeeObjectCommand.declaration, GetMemberCommand.declaration,
        ] + CsvCommands.declarations + [
            ConvertToJsonCommand.declaration, ConvertFromJsonCommand.declaration,
            GetContentCommand.declaration, SetContentCommand.declaration(append: false), SetContentCommand.declaration(append: true),
            TestPathCommand.declaration, GetChildItemCommand.declaration,
        ] + ItemCommands.declarations + PathCommands.declarations + LocationCommands.declarations + [
            GetDateCommand.declaration, StartSleepCommand.declaration, NewTimeSpanCommand.declaration, GetRandomCommand.declaration,
        ] + HostCommands.declarations + CommandInfoCommands.declarations + VariableCommands.declarations + [
            NewObjectCommand.declaration, InvokeExpressionCommand.declaration,
        ] + RunbookPreambles.declarations
    }

    /// (alias, command). Format-* and Out-* targets belong to the formatting commands.
    public static let aliases: [(String, String)] = [
        ("%", "ForEach-Object"), ("foreach", "ForEach-Object"), ("?", "Where-Object"), ("where", "Where-Object"),
        ("select", "Select-Object"), ("sort", "Sort-Object"), ("group", "Group-Object"), ("measure", "Measure-Object"),
        ("tee", "Tee-Object"), ("gm", "Get-Member"),
        ("fl", "Format-List"), ("ft", "Format-Table"), ("fw", "Format-Wide"), ("oh", "Out-Host"),
        ("echo", "Write-Output"), ("write", "Write-Output"),
        ("gc", "Get-Content"), ("cat", "Get-Content"), ("type", "Get-Content"), ("sc", "Set-Content"), ("ac", "Add-Content"),
        ("gci", "Get-ChildItem"), ("ls", "Get-ChildItem"), ("dir", "Get-ChildItem"),
        ("gl", "Get-Location"), ("pwd", "Get-Location"), ("sl", "Set-Location"), ("cd", "Set-Location"), ("chdir", "Set-Location"),
        ("pushd", "Push-Location"), ("popd", "Pop-Location"),
        ("gi", "Get-Item"), ("ni", "New-Item"), ("ri", "Remove-Item"), ("rm", "Remove-Item"), ("del", "Remove-Item"),
        ("erase", "Remove-Item"), ("rd", "Remove-Item"), ("rmdir", "Remove-Item"), ("cp", "Copy-Item"), ("copy", "Copy-Item"),
        ("cpi", "Copy-Item"), ("mv", "Move-Item"), ("move", "Move-Item"), ("mi", "Move-Item"), ("ren", "Rename-Item"),
        ("rni", "Rename-Item"), ("rvpa", "Resolve-Path"), ("ipcsv", "Import-Csv"), ("epcsv", "Export-Csv"),
        ("sleep", "Start-Sleep"), ("cls", "Clear-Host"), ("clear", "Clear-Host"),
        ("h", "Get-History"), ("history", "Get-History"), ("ghy", "Get-History"),
        ("gcm", "Get-Command"), ("help", "Get-Help"), ("man", "Get-Help"),
        ("gv", "Get-Variable"), ("sv", "Set-Variable"), ("set", "Set-Variable"), ("nv", "New-Variable"),
        ("rv", "Remove-Variable"), ("clv", "Clear-Variable"),
        ("iex", "Invoke-Expression"), ("ipmo", "Import-Module"),
        ("nsn", "New-PSSession"), ("ipsn", "Import-PSSession"), ("rsn", "Remove-PSSession"), ("gsn", "Get-PSSession"),
    ]

    /// Registers every builtin and alias.
    public static func register(in registry: CommandRegistry) {
        registry.register(all)
        for (alias, target) in aliases { registry.registerAlias(alias, for: target) }
        registry.registerCompletionProvider("CommandName") { [registry] in registry.declarations.map(\.name) + registry.aliases.map(\.alias) }
    }
}
