$a = 10, 20, 30, 40, 50
$a.Count
$a[0]
$a[-1]
$a[1..3] -join ','
$a[0, 2, 4] -join ','
$a[99] -eq $null
$b = @()
$b += 'x'
$b += 'y'
$b.Count
@(1).Count
@($null).Count
(,(1, 2)).Count
$h = @{ Name = 'Batch01'; Count = 3 }
$h.Name
$h['Count']
$h.Missing -eq $null
$h.Count
$h.NewKey = 'added'
$h.ContainsKey('newkey')
$o = [ordered]@{ Zeta = 1; Alpha = 2; Mid = 3 }
$o.Keys -join ','
$merged = @{ a = 1 } + @{ b = 2 }
$merged.Count
$p = [pscustomobject]@{ Identity = 'b1'; Status = 'Created'; Total = 5 }
$p.Status
$p.PSObject.Properties.Name -join ','
"$p"
$p.Total += 1
$p.Total
$people = @([pscustomobject]@{ N = 'ann' }, [pscustomobject]@{ N = 'bob' })
$people.N -join ' & '
$nested = @{ list = @(1, 2, 3); inner = @{ deep = 'yes' } }
$nested.list[1]
$nested.inner.deep
(1..5) -join ''
(5..1) -join ''
