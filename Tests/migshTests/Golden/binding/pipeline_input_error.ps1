function Show-Number { param([Parameter(ValueFromPipeline)][int]$Value) process { "number $Value" } }
1, 'two', 3 | Show-Number
