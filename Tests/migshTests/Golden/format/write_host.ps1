Write-Host 'plain'
Write-Host 'no colour when redirected' -ForegroundColor Green
Write-Host 'a' -NoNewline
Write-Host 'b'
Write-Host 1 2 3
Write-Host 'on dark red' -ForegroundColor White -BackgroundColor DarkRed
Write-Host 'background only' -BackgroundColor Blue
