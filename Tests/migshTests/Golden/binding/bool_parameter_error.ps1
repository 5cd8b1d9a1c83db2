. "$PSScriptRoot/_thing.ps1"
Get-Thing x -Enabled yes -Confirm:$false
