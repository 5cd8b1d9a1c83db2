Get-MigrationBatchh
Write-Output 'the script goes on after a non-terminating error'
