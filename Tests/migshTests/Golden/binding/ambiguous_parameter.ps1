. "$PSScriptRoot/_thing.ps1"
Get-Thing -Nam x
'after'
