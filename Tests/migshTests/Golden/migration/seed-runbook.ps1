# The seed's runbook (Steps 3, 4 and 6), each code block as an admin pastes it. One change: the
# endpoint gets -SkipVerification, because imap.contoso.com can't be reached from a test (the
# real server check runs against the test Dovecot in CmdletsTests). C:\ is drive_c/ beside this file.
New-MigrationEndpoint -IMAP -Name IMAPEndpoint -RemoteServer imap.contoso.com -Port 993 -Security Ssl -SkipVerification

Get-MigrationEndpoint IMAPEndpoint | Format-List EndpointType,RemoteServer,Port,Security,Max*

New-MigrationBatch -Name IMAPBatch1 -SourceEndpoint IMAPEndpoint -CSVData ([System.IO.File]::ReadAllBytes("C:\\Users\\Administrator\\Desktop\\IMAPmigration_1.csv")) -AutoStart

Get-MigrationBatch -Identity IMAPBatch1 | Format-List Status

# Step 6 as written prompts for confirmation, which a non-interactive run can't answer.
Remove-MigrationBatch -Identity IMAPBatch1

# So runbooks confirm up front; the seed's check (without its stray quote) then finds no batch.
Remove-MigrationBatch -Identity IMAPBatch1 -Confirm:$false
Get-MigrationBatch IMAPBatch1
