# Collections in cells stop at $FormatEnumerationLimit (4); booleans and numbers align right.
[pscustomobject]@{Items = 1..6; Ok = $true; Name = 'x'}
[pscustomobject]@{Items = 'a', 'b'; Ok = $false; Name = 'y'}
