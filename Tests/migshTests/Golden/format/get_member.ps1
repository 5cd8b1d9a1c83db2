# Get-Member groups members under a TypeName header, one table per distinct type.
[pscustomobject]@{ Identity = 'b1'; Count = 3 } | Get-Member
'x', 5 | Get-Member -Name Equals, GetType
