function Get-Greeting {
    param([string]$Name = 'nobody', [int]$Times = 1)
    "Hello $Name x$Times"
}
Get-Greeting
Get-Greeting Ann 2
Get-Greeting -Times 3 -Name Bob
function Add-Two($a, $b) { $a + $b }
Add-Two 2 3
function Show-Args { "count=$($args.Count) first=$($args[0])" }
Show-Args x y z
function Test-Switch([switch]$Force) { if ($Force) { 'forced' } else { 'gentle' } }
Test-Switch
Test-Switch -Force
Test-Switch -Force:$false
function Get-Early { 'before'; return 'returned'; 'never' }
Get-Early
function Measure-Input {
    begin { $total = 0 }
    process { $total += $_ }
    end { "total=$total" }
}
1..4 | Measure-Input
filter Add-Prefix { "item-$_" }
'a', 'b' | Add-Prefix
function Get-Factorial([int]$n) { if ($n -le 1) { 1 } else { $n * (Get-Factorial ($n - 1)) } }
Get-Factorial 10
function Use-Input { ($input | ForEach-Object { $_ * 10 }) -join ',' }
1, 2, 3 | Use-Input
$count = 0
function Bump { $count = 100; $script:total = 'script scope' }
Bump
$count
$total
function Set-Global { $global:fromFunction = 'global set' }
Set-Global
$fromFunction
$outer = 'visible'
function Read-Outer { "reads $outer" }
Read-Outer
function Get-Many { 1; 2; 3 }
$many = Get-Many
$many.Count
$one = Get-Greeting
$one.GetType().Name
