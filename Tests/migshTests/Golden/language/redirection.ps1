# needs-builtins
$file = Join-Path $PSScriptRoot 'redirect-output.txt'
'line one' > $file
'line two' >> $file
[System.IO.File]::ReadAllText($file)
Remove-Item $file
$null = 'discarded'
[void]'discarded too'
'kept'
