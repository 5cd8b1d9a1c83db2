Get-Content ./does-not-exist.csv -ErrorAction Stop
Write-Output 'never printed'
