$file = [System.IO.Path]::Combine($PSScriptRoot, 'redirect-output.txt')
'line one' > $file
'line two' >> $file
[System.IO.File]::ReadAllText($file)
[System.IO.File]::Delete($file)
'line three' > $null
$items = 1, 2
$items > $file
[System.IO.File]::ReadAllLines($file).Count
[System.IO.File]::Delete($file)
$null = 'discarded'
[void]'discarded too'
'kept'
