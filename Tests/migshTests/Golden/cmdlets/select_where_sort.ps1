# Select-Object, Where-Object and Sort-Object on migration-like rows.
$users = @(
    [pscustomobject]@{ Identity = 'ann@contoso.com'; Status = 'Completed'; Items = 120; Size = 2048 }
    [pscustomobject]@{ Identity = 'bob@contoso.com'; Status = 'Failed'; Items = 3; Size = 512 }
    [pscustomobject]@{ Identity = 'cy@contoso.com'; Status = 'completed'; Items = 40; Size = 4096 }
)
$users | Select-Object Identity, @{n='KB'; e={ $_.Size / 1KB }} | ForEach-Object { "$($_.Identity) $($_.KB)" }
$users | Where-Object Status -eq Completed | ForEach-Object Identity
$users | Where-Object Status -ceq Completed | ForEach-Object Identity
$users | Where-Object { $_.Items -gt 10 } | Sort-Object Items -Descending | ForEach-Object Identity
$users | Where Identity -like 'b*' | Select-Object -ExpandProperty Status
$users | Sort-Object Status, Identity | Select-Object -First 2 | ForEach-Object Identity
$users | Select-Object -Last 1 -ExpandProperty Items
1..10 | Select-Object -Skip 7
'x', 'y', 'x' | Select-Object -Unique
(1..100000000 | Select-Object -First 3) -join ','
