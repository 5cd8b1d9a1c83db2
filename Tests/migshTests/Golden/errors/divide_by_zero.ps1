$total = 0
$rate = 10 / $total
Write-Output "rate: $rate"
