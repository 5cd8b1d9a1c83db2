. "$PSScriptRoot/_thing.ps1"
Get-Thing x -Level
