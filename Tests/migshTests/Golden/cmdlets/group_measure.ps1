# Group-Object and Measure-Object output shapes.
$statuses = 'Syncing', 'Completed', 'Syncing', 'Failed', 'syncing'
$statuses | Group-Object | Sort-Object Count -Descending | Select-Object -First 1 Name, Count
$statuses | Group-Object -NoElement
1..4 | Measure-Object -Sum -Maximum -Minimum
"one two three", "four" | Measure-Object -Line -Word -Character
