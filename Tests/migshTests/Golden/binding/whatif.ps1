. "$PSScriptRoot/_thing.ps1"
Get-Thing target1 -WhatIf
'after whatif'
