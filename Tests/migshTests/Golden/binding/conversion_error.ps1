. "$PSScriptRoot/_thing.ps1"
Get-Thing x -Count many -Confirm:$false
