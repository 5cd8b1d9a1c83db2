# Nothing listens on port 1: the check fails with Exchange's message and names the cause,
# and New-MigrationEndpoint refuses to save an endpoint it can't reach.
Test-MigrationServerAvailability -IMAP -RemoteServer 127.0.0.1 -Port 1 -Security None | Format-List Result,Message,ConnectionSettings,SupportsCutover,ErrorDetail
New-MigrationEndpoint -IMAP -Name Unreachable -RemoteServer 127.0.0.1 -Port 1 -Security None
"Endpoints: $(@(Get-MigrationEndpoint).Count)"
