# .NET members runbooks call.
$s = '  IMAPBatch1  '
$s.Trim().ToUpper()
$s.Trim().Length
'a,b,,c'.Split(',').Count
'ann@contoso.com'.Split('@')[1]
'Hello'.Substring(1, 3)
'Hello'.Replace('l', 'L')
'Hello'.Contains('ell')
'Hello'.StartsWith('he')
'7'.PadLeft(3, '0')
[math]::Round(2.5)
[math]::Round(3.14159, 2)
[Math]::Max(3, 9)
[string]::IsNullOrEmpty($null)
[string]::Join('-', @('a', 'b', 'c'))
[System.IO.Path]::GetExtension('users.csv')
[System.IO.Path]::Combine('/srv', 'migsh', 'users.csv')
[System.Text.Encoding]::UTF8.GetString([System.Text.Encoding]::UTF8.GetBytes('héllo'))
[System.Text.Encoding]::ASCII.GetBytes('AB') -join ' '
[Convert]::ToBase64String([System.Text.Encoding]::UTF8.GetBytes('migsh'))
$d = [datetime]::Parse('2025-08-01 10:15:00')
$d.AddDays(1).ToString('yyyy-MM-dd HH:mm')
$d.DayOfWeek
(New-TimeSpan -Start $d -End $d.AddHours(36)).TotalHours
'x'.GetType().FullName
@(1, 2).GetType().Name
(@{}).GetType().Name
$list = New-Object System.Collections.ArrayList
[void]$list.Add('one')
$list.Add('two') | Out-Null
$list.Count
$h = @{ Name = 'b1' }
$h.ContainsKey('name')
$h.Keys
