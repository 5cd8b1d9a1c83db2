# A CSV with errors creates no batch; every bad row is reported with its number and reason.
New-MigrationEndpoint -IMAP -Name IMAPEndpoint -RemoteServer imap.contoso.com -SkipVerification | Out-Null
New-MigrationBatch -Name Bad -SourceEndpoint IMAPEndpoint -CSVData ([System.IO.File]::ReadAllBytes("C:\bad-users.csv"))
New-MigrationBatch -Name Extra -SourceEndpoint IMAPEndpoint -CSVData ([System.IO.File]::ReadAllBytes("C:\extra-column.csv"))
"Batches after the bad files: $((Get-MigrationBatch | Measure-Object).Count)"
New-MigrationBatch -Name Extra -SourceEndpoint IMAPEndpoint -CSVData ([System.IO.File]::ReadAllBytes("C:\extra-column.csv")) -AllowUnknownColumnsInCsv $true | Format-List Identity,Status,TotalCount
