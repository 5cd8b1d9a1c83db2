# Five or more properties: a list, labels padded to the longest one.
[pscustomobject]@{Identity = 'IMAPBatch1'; Status = 'Syncing'; Type = 'IMAP'; TotalCount = 3; Flags = $null}
'after'
