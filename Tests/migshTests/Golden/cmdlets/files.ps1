# Files through the drive mapping: C:\ is this folder's drive_c (MIGSH_DRIVE_C).
$csv = 'C:\Users\Administrator\Desktop\users.csv'
Test-Path $csv
Test-Path 'C:\Users\Administrator\Desktop\nope.csv'
(Get-Content $csv).Count
Get-Content $csv -TotalCount 1
Import-Csv $csv | ForEach-Object { $_.UserName }
$bytes = [System.IO.File]::ReadAllBytes($csv)
$bytes.Length
$raw = Get-Content $csv -Encoding Byte -ReadCount 0
$raw.Length
(Get-Content $csv -Raw).Length
[System.IO.Path]::GetFileName($csv)
Split-Path $csv -Leaf
Get-ChildItem 'C:\Users\Administrator\Desktop' -Name
