. "$PSScriptRoot/_thing.ps1"
Get-Thing -Name a -Name b
