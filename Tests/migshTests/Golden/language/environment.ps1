$env:MIGSH_GOLDEN_VALUE = 'from script'
$env:MIGSH_GOLDEN_VALUE
"expanded: $env:MIGSH_GOLDEN_VALUE"
$env:MIGSH_GOLDEN_VALUE = $null
$env:MIGSH_GOLDEN_VALUE -eq $null
$env:MIGSH_NEVER_SET -eq $null
$true; $false; $null -eq $null
$PSVersionTable.PSEdition
$IsLinux
[System.IO.Path]::GetFileName($PSCommandPath)
[System.IO.Path]::GetFileName($PSScriptRoot) -eq 'language'
[System.IO.Path]::GetFileName($MyInvocation.MyCommand.Path)
$MyInvocation.MyCommand.Name
[System.IO.Path]::GetFileName($MyInvocation.PSScriptRoot) -eq 'language'
