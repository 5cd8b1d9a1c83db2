# Doc placeholders are a parse error for the whole file.
New-MigrationEndpoint -IMAP -Name IMAPEndpoint -RemoteServer <FQDN of IMAP server> -Port 993
