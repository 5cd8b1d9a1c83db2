# [ref]: a function given ([ref]$x) reads and writes the caller's variable through .Value.
function Add-One([ref]$counter) { $counter.Value = $counter.Value + 1 }
function Set-Text {
    param([Parameter(Mandatory)][ref]$Target, [string]$Text)
    $Target.Value = $Text
}
$n = 5
Add-One ([ref]$n)
Add-One -counter ([ref]$n)
$n
Set-Text -Target ([ref]$label) -Text 'created'
$label
$r = [ref]$n
$r.Value = 42
$n
$r.Value
$r.GetType().FullName
$parsed = 0
[int]::TryParse('123', [ref]$parsed)
$parsed
[int]::TryParse('abc', [ref]$parsed)
$parsed
[double]::TryParse('2.5', [ref]$null)
try { Add-One 7 } catch { "$_" }
