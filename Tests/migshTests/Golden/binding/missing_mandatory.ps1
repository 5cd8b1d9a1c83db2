. "$PSScriptRoot/_thing.ps1"
Get-Thing -Count 3
'after'
