# A script run with -File runs in the global scope: this assignment changes the limit.
$FormatEnumerationLimit = 2
[pscustomobject]@{Items = 'a', 'b', 'c'}
$FormatEnumerationLimit = -1
[pscustomobject]@{Items = 'a', 'b', 'c'} | Format-List
