# Format-* output is formatting records: assigned to a variable and printed by Write-Host,
# they show their type names (runbooks that do this print exactly that).
$endpoint = [pscustomobject]@{Identity = 'IMAPEndpoint'; Port = 993} | Format-List
Write-Host $endpoint
$endpoint
