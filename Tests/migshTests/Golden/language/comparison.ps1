1 -eq 1
1 -eq '1.0'
'1.0' -eq 1
'abc' -eq 'ABC'
'abc' -ceq 'ABC'
'b' -gt 'A'
10 -gt 9
'10' -gt 9
$null -eq $null
(1, 2, 3, 2 -eq 2) -join ','
(1, 2, 3 -gt 1) -join ','
(1, 2, 3 -ne 2) -join ','
1, 2, 3 -contains 2
2 -in 1, 2, 3
'x' -notin 'a', 'b'
'Batch01' -like 'batch*'
'Batch01' -clike 'batch*'
'file.csv' -like '*.[ct]sv'
'abc' -notlike '*d*'
5 -is [int]
'5' -is [int]
'5' -as [int]
'x' -as [int] -eq $null
$true -and $false
$true -or $false
-not $true
!$false
$true -xor $false
5 -band 3
5 -bor 3
6 -bxor 3
1 -shl 3
