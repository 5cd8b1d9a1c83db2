# ArrayList and List[T] are growable reference-type lists; object[] is fixed-size.
$list = New-Object System.Collections.ArrayList
$list.Add('a')
$list.Add('b')
[void]$list.Add('c')
$list.Add('d') | Out-Null
$list.Count
$alias = $list
$alias.Remove('b')
$alias.Insert(0, 'first')
$list -join ','
$list.Contains('c')
$list[1]
$list[-1]
$list | ForEach-Object { $_.ToUpper() }
$list.GetType().FullName
$list -is [System.Collections.ArrayList]
function Add-Item($target) { [void]$target.Add('from function') }
Add-Item $list
$list.Count
$cast = [System.Collections.ArrayList]@(1, 2)
$cast.Add(3)
$cast -join ','
$typed = [System.Collections.Generic.List[string]]::new()
$typed.Add(5)
$typed.Add('six')
$typed.Count
$typed[0].GetType().Name
$typed.Remove('six')
$typed.Remove('none')
$generic = New-Object 'System.Collections.Generic.List[int]'
$generic.Add('7')
$generic[0] + 1
$fixed = @(1, 2)
try { $fixed.Add(3) } catch { $_.Exception.Message }
