# Non-terminating errors from general cmdlets; the script goes on.
Get-Content missing.txt
[pscustomobject]@{ A = 1 } | Select-Object -ExpandProperty Nope
Get-Command No-SuchCommand
'after errors'
