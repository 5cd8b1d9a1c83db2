$sb = { param($x, $y = 10) $x + $y }
& $sb 1
& $sb 1 2
$sb.Invoke(5)
$counter = 1
& { $counter = 50 }
$counter
. { $counter = 60 }
$counter
$argsBlock = { "args: $($args -join '+')" }
& $argsBlock a b c
$block = [scriptblock]::Create('"created " + (2 * 21)')
& $block
$filter = { $_ -gt 2 }
(1..5 | ForEach-Object { if (& $filter) { $_ } }) -join ','
