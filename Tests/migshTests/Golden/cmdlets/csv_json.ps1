# CSV and JSON conversions (no files).
$rows = 'EmailAddress,UserName,Password', 'ann@contoso.com,ann,"p,1"', 'bob@contoso.com,bob,p2' | ConvertFrom-Csv
$rows.Count
$rows[0].Password
$rows | ConvertTo-Csv
$rows | Select-Object EmailAddress | ConvertTo-Csv -UseQuotes AsNeeded
[ordered]@{ Identity = 'IMAPBatch1'; Status = 'Syncing'; Users = @('ann', 'bob'); Stats = [ordered]@{ Synced = 2; Failed = 0 } } | ConvertTo-Json
@{ a = 1 } | ConvertTo-Json -Compress
$batch = '{"Identity":"IMAPBatch1","TotalCount":2,"Users":[{"Name":"ann"},{"Name":"bob"}],"Done":false}' | ConvertFrom-Json
$batch.Users.Name -join '+'
$batch.TotalCount + 1
$batch.Done
