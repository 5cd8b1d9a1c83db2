. "$PSScriptRoot/_thing.ps1"
Get-Thing x -Color Purple -Confirm:$false
