Write-Host 'plain'
Write-Host 'no colour when redirected' -ForegroundColor Green
Write-Host 'a' -NoNewline
Write-Host 'b'
Write-Host 1 2 3
