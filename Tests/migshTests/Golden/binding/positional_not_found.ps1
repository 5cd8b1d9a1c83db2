. "$PSScriptRoot/_thing.ps1"
Get-Thing one two -Confirm:$false
