# Get-Command -Syntax and Get-Help from the declarations.
Get-Command Test-Path -Syntax
Get-Help Join-Path
Get-Help Split-Path -Parameter Leaf
