'alpha', 'beta', 'gamma' | ForEach-Object { [pscustomobject]@{Name = $_; Length = $_.Length} } | Format-Wide Name -Column 2
