Write-Error "Batch IMAPBatch1 failed"
Write-Output 'still running'
