# The seed document's IMAP migration runbook, step by step, as an admin runs it.
# Scripts/demo starts a local IMAP server and maps C:\ to a folder holding the CSV.
param([string]$Server = 'localhost', [int]$Port = 993, [int]$WaitSeconds = 180)

Import-Module ExchangeOnlineManagement
Connect-ExchangeOnline -UserPrincipalName admin@contoso.edu -ShowBanner:$false

Write-Host "== Step 1: verify that migsh can connect to the IMAP server"
Test-MigrationServerAvailability -IMAP -RemoteServer $Server -Port $Port -Security Ssl

Write-Host "== Step 3: create the IMAP migration endpoint"
New-MigrationEndpoint -IMAP -Name IMAPEndpoint -RemoteServer $Server -Port $Port -Security Ssl
Get-MigrationEndpoint IMAPEndpoint | Format-List EndpointType,RemoteServer,Port,Security,Max*

Write-Host "== Step 4: create and start the migration batch"
New-MigrationBatch -Name IMAPBatch1 -SourceEndpoint IMAPEndpoint -CSVData ([System.IO.File]::ReadAllBytes("C:\\Users\\Administrator\\Desktop\\IMAPmigration_1.csv")) -AutoStart
Get-MigrationBatch -Identity IMAPBatch1 | Format-List Status

Write-Host "== waiting for the initial sync (the migsh service copies the mail in the background)"
$deadline = (Get-Date).AddSeconds($WaitSeconds)
do {
    Start-Sleep -Seconds 1
    $status = (Get-MigrationBatch -Identity IMAPBatch1).Status
} while ($status -notin 'Synced', 'SyncedWithErrors', 'Failed', 'Completed' -and (Get-Date) -lt $deadline)
Get-MigrationBatch -Identity IMAPBatch1 | Format-List Identity, Status, TotalCount, SyncedCount, FailedCount
Get-MigrationUser -BatchId IMAPBatch1 | Get-MigrationUserStatistics | Format-Table Identity, Status, SyncedItemCount, SkippedItemCount

Write-Host "== complete the batch (final incremental sync)"
Complete-MigrationBatch -Identity IMAPBatch1 -Confirm:$false
$deadline = (Get-Date).AddSeconds($WaitSeconds)
do {
    Start-Sleep -Seconds 1
    $status = (Get-MigrationBatch -Identity IMAPBatch1).Status
} while ($status -notin 'Completed', 'CompletedWithErrors', 'Failed' -and (Get-Date) -lt $deadline)
Get-MigrationBatch -Identity IMAPBatch1 | Format-List Status
if ($status -ne 'Completed') { Write-Warning "batch ended as $status"; exit 2 }
