# A different shape ends the table and starts a new block.
[pscustomobject]@{A = 1}
[pscustomobject]@{B = 'x'}
'line'
[pscustomobject]@{A = 2}
