$endpoint = [pscustomobject]@{
    Identity = 'IMAPEndpoint'; EndpointType = 'IMAP'; RemoteServer = 'imap.contoso.com'; Port = 993
    Security = 'Ssl'; MaxConcurrentMigrations = 20; MaxConcurrentIncrementalSyncs = 10
}
$endpoint | Format-List EndpointType,RemoteServer,Port,Security,Max*
$endpoint | Format-List Status
$endpoint | fl Ident*
