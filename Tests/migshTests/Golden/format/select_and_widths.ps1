# Select-Object output follows the table/list rule; doubles show two decimals in tables;
# East Asian characters take two cells when columns are sized.
1..3 | ForEach-Object { [pscustomobject]@{Id = $_; Name = "n$_"; Size = $_ * 1.5; Note = 'x'; Extra = $null} } |
    Select-Object Id, Size
[pscustomobject]@{N = '日本語'; X = 1}
@{Name = 'only'} | Format-List
