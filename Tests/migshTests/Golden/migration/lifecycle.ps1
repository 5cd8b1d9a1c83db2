# Status transitions: refused ones change nothing; pipelines pick batches and users by identity.
New-MigrationEndpoint -IMAP -Name IMAPEndpoint -RemoteServer imap.contoso.com -SkipVerification | Out-Null
$csv = [System.IO.File]::ReadAllBytes("C:\Users\Administrator\Desktop\IMAPmigration_1.csv")
New-MigrationBatch -Name IMAPBatch1 -SourceEndpoint IMAPEndpoint -CSVData $csv | Out-Null
Stop-MigrationBatch IMAPBatch1
Complete-MigrationBatch IMAPBatch1 -Confirm:$false
(Get-MigrationBatch imapbatch1).Status
Start-MigrationBatch -Identity IMAPBATCH1
Get-MigrationBatch | Where-Object Status -eq Syncing | Stop-MigrationBatch
Get-MigrationBatch | Format-Table Identity,Status,StoppedCount
Get-MigrationUser -BatchId IMAPBatch1 | Get-MigrationUserStatistics | Format-Table Identity,Status,SkippedItemCount
Remove-MigrationUser paulc@contoso.edu -WhatIf
Remove-MigrationUser paulc@contoso.edu -Confirm:$false
Get-MigrationUser paulc@contoso.edu
Remove-MigrationEndpoint IMAPEndpoint -Confirm:$false
Get-MigrationBatch | Where-Object Status -eq Stopped | Remove-MigrationBatch -Confirm:$false
Remove-MigrationEndpoint IMAPEndpoint -Confirm:$false
Get-MigrationStatistics | Format-List TotalCount,ActiveCount,StoppedCount
