# Up to four properties: one table; objects of the same shape share it.
[pscustomobject]@{Identity = 'IMAPBatch1'; Status = 'Syncing'; TotalCount = 3}
[pscustomobject]@{Identity = 'IMAPBatch2'; Status = 'Completed'; TotalCount = 12}
