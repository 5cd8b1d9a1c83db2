Write-Output -Bogus 1
