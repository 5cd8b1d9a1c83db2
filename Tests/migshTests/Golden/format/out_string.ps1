$o = [pscustomobject]@{A = 1; B = 'two'}
$text = $o | Out-String
"[" + $text + "]"
$lines = $o | Out-String -Stream
$lines.Count
$lines[1]
(1, 2 | Out-String) -eq "1`n2`n"
$wide = [pscustomobject]@{Text = 'x' * 150}
($wide | Format-Table | Out-String -Width 40 -Stream)[3].Length
