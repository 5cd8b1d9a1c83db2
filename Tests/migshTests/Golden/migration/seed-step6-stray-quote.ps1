Get-MigrationBatch IMAPBatch1"
