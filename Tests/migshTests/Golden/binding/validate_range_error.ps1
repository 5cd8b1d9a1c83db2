. "$PSScriptRoot/_thing.ps1"
Get-Thing x -Count 0 -Confirm:$false
