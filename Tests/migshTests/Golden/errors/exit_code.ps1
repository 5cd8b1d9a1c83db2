Write-Output 'leaving with 3'
exit 3
Write-Output 'never printed'
