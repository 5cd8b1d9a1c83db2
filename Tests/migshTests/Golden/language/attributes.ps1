# Attributes on scripts, functions and parameters: CmdletBinding, OutputType, Alias, Validate*.
[CmdletBinding()]
[OutputType([string])]
param()

function Set-Mode {
    [CmdletBinding(SupportsShouldProcess = $true)]
    [OutputType([string])]
    param(
        [Parameter(Mandatory, Position = 0)]
        [ValidateSet('Fast', 'Safe')]
        [Alias('M')]
        [string]$Mode,
        [ValidateRange(1, 10)]
        [int]$Level = 1,
        [ValidateNotNullOrEmpty()]
        [string]$Label = 'x',
        [ValidatePattern('^b\d+$')]
        [string]$Batch = 'b1',
        [ValidateLength(2, 4)]
        [string]$Code = 'ab',
        [ValidateCount(1, 2)]
        [string[]]$Tags = @('t'),
        [ValidateScript({ $_ -gt 0 })]
        [int]$Positive = 1
    )
    "$Mode $Level $Label $Batch $Code $($Tags -join '+') $Positive"
}
Set-Mode Fast
Set-Mode -M safe -Level 10
Set-Mode Slow
Set-Mode Fast -Level 11
Set-Mode Fast -Label ''
Set-Mode Fast -Batch 'x1'
Set-Mode Fast -Code 'abcdef'
Set-Mode Fast -Tags a, b, c
Set-Mode Fast -Positive -5
'done'
