. "$PSScriptRoot/_thing.ps1"
Get-Thing needs-confirmation
'after'
