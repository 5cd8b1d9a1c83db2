. "$PSScriptRoot/_thing.ps1"
Get-Thing x -Bogus 1
'after'
