Write-Output 'start'
Set-MigrationConfig -MaxConcurrentMigrations
50 -MaxConcurrentIncrementalSyncs 25
