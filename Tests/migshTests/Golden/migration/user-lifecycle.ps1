# One user at a time: Stop-/Start-/Set-MigrationUser, a batch made of existing users, MailboxGuid,
# Set-MigrationBatch -CSVData (new passwords), -Update and -ApproveSkippedItems, and what the status forbids.
New-MigrationEndpoint -IMAP -Name IMAPEndpoint -RemoteServer imap.contoso.com -SkipVerification | Out-Null
$csv = [System.Text.Encoding]::UTF8.GetBytes("EmailAddress,UserName,Password`nann@contoso.edu,ann,pw1`nbob@contoso.edu,bob,pw2`ncid@contoso.edu,cid,pw3")
New-MigrationBatch -Name Wave1 -SourceEndpoint IMAPEndpoint -CSVData $csv -AutoStart | Format-List Identity,Status,TotalCount
Stop-MigrationUser ann@contoso.edu
Stop-MigrationUser ann@contoso.edu
Start-MigrationUser -Identity ANN@contoso.edu -WhatIf
Get-MigrationUser -BatchId Wave1 | Format-Table Identity,Status
New-MigrationBatch -Name Wave2 -UserIds bob@contoso.edu
Stop-MigrationUser bob@contoso.edu
Get-MigrationUser -Status Stopped | New-MigrationBatch -Name Wave2 | Format-List Identity,Status,TotalCount,SourceEndpoint
Get-MigrationBatch | Format-Table Identity,Status,TotalCount
$bob = Get-MigrationUser bob@contoso.edu
(Get-MigrationUser -MailboxGuid $bob.MailboxGuid).Identity
Set-MigrationUser bob@contoso.edu -BadItemLimit 5 -LargeItemLimit Unlimited
Set-MigrationBatch Wave2 -CSVData ([System.Text.Encoding]::UTF8.GetBytes("EmailAddress,UserName,Password`nbob@contoso.edu,bob,new-pw"))
Set-MigrationBatch Wave2 -CSVData ([System.Text.Encoding]::UTF8.GetBytes("EmailAddress,UserName,Password`nzed@contoso.edu,zed,pw"))
Set-MigrationBatch Wave2 -Update
Set-MigrationBatch Wave2 -ApproveSkippedItems
Get-MigrationUserStatistics bob@contoso.edu -IncludeSkippedItems | Format-List Identity,SkippedItemCount,SkippedItems,ApprovedSkippedItemCount
Start-MigrationBatch Wave2
Get-MigrationUser -BatchId Wave2 | Format-Table Identity,Status
Remove-MigrationBatch Wave1 -Confirm:$false
Start-MigrationUser cid@contoso.edu
Get-Command Set-MigrationUser, Start-MigrationUser, Stop-MigrationUser -Syntax
