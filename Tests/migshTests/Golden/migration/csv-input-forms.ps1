# The three ways runbooks hand a CSV file to -CSVData, and a Courier-style UserRoot column.
New-MigrationEndpoint -IMAP -Name IMAPEndpoint -RemoteServer imap.contoso.com -SkipVerification
New-MigrationBatch -Name ByteEncoding -SourceEndpoint IMAPEndpoint -CSVData (Get-Content C:\Users\Administrator\Desktop\IMAPmigration_1.csv -Encoding Byte)
Remove-MigrationBatch ByteEncoding -Confirm:$false
New-MigrationBatch -Name ByteStream -SourceEndpoint imapendpoint -CSVData (Get-Content -Path 'C:\Users\Administrator\Desktop\IMAPmigration_1.csv' -AsByteStream -Raw)
Get-MigrationBatch | Format-Table Identity,Status,TotalCount,SourceEndpoint
Remove-MigrationBatch -Identity ByteStream -Confirm:$false
[byte[]]$bytes = [System.IO.File]::ReadAllBytes('C:\courier-users.csv')
New-MigrationBatch -Name Courier -SourceEndpoint IMAPEndpoint -CSVData $bytes -AutoStart
Get-MigrationUser -BatchId courier
