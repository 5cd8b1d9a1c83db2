function Get-Thing {
    [CmdletBinding(SupportsShouldProcess, ConfirmImpact = 'High')]
    param(
        [Parameter(Mandatory, Position = 0)][string]$Name,
        [ValidateSet('Low', 'Medium', 'High')][string]$Level = 'Low',
        [ValidateRange(1, 100)][int]$Count = 1,
        [Alias('Id')][string]$Identity,
        [string]$NameSuffix,
        [bool]$Enabled = $true,
        [ConsoleColor]$Color = 'Gray',
        [string[]]$Tags,
        [datetime]$When
    )
    if ($PSCmdlet.ShouldProcess($Name, 'Get-Thing')) {
        "$Name level=$Level count=$Count id=$Identity enabled=$Enabled color=$Color tags=$($Tags -join '+')"
    }
}
